using System.Diagnostics;
using System.Text;

namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// One dotenv file as it was when the build read it: its path, whether it exists, and the variables dotenv
/// (16.6.1) reads from it. The values may hold secrets, so <see cref="ToString"/> never shows them.
/// </summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="DisplayName">The path relative to the Convex app directory when inside it (e.g. <c>.env.local</c>), else the full path.</param>
/// <param name="Values">The parsed file (empty when it does not exist).</param>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed record BuildEnvironmentFile(
    string Path,
    string DisplayName,
    bool Exists,
    [property: DebuggerBrowsable(DebuggerBrowsableState.Never)] IReadOnlyDictionary<string, string> Values)
{
    private static readonly IReadOnlyDictionary<string, string> NoValues =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Reads and parses <paramref name="fullPath"/>; a missing file is an empty, non-existing snapshot.</summary>
    /// <exception cref="BuildEnvironmentFileException">The file exists but cannot be read.</exception>
    public static BuildEnvironmentFile Read(string fullPath, string displayName)
    {
        if (Directory.Exists(fullPath))
            throw new BuildEnvironmentFileException(fullPath, "it is a directory, not a file", null);
        if (!File.Exists(fullPath)) return new BuildEnvironmentFile(fullPath, displayName, false, NoValues);

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException)
        {
            throw new BuildEnvironmentFileException(fullPath, e.Message.TrimEnd('.'), e);
        }
        // As Node's readFileSync(path, "utf8"): a BOM stays in the text (dotenv treats it as white space),
        // invalid sequences become U+FFFD.
        var text = new UTF8Encoding(false, false).GetString(bytes);
        return new BuildEnvironmentFile(fullPath, displayName, true, DotEnvParser.Parse(text));
    }

    // The values may be secrets.
    public override string ToString() => DisplayName + (Exists ? "" : " (missing)");
}
