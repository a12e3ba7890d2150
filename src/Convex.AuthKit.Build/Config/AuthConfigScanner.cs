using System.Text.RegularExpressions;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Looks at the Convex auth config (<c>auth.config.*</c> in the functions folder) for a use of
/// <c>WORKOS_CLIENT_ID</c>: docs/architecture.md#triggers.
/// </summary>
internal static class AuthConfigScanner
{
    /// <summary>The extensions the Convex bundler looks for, in the order they are tried.</summary>
    public static readonly string[] Extensions = { ".ts", ".js", ".mjs", ".cjs", ".mts", ".cts" };

    private static readonly Regex ClientIdMention = new(@"(?<![A-Za-z0-9_$])WORKOS_CLIENT_ID(?![A-Za-z0-9_$])", RegexOptions.CultureInvariant);

    /// <summary>The auth config file's full path, or null when the functions folder has none.</summary>
    public static string? FindAuthConfigFile(ProjectFiles files, string functionsDir)
    {
        foreach (var extension in Extensions)
        {
            var candidate = files.PathOf(Path.Combine(functionsDir, "auth.config" + extension));
            if (files.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Whether JavaScript/TypeScript source mentions <c>WORKOS_CLIENT_ID</c> outside comments.</summary>
    public static bool SourceMentionsWorkOSClientId(string source) => ClientIdMention.IsMatch(JsSource.WithoutComments(source));
}
