using System.Reflection;

namespace Convex.AuthKit.Build.Vocabulary;

/// <summary>A coded diagnostic. Errors are CAK1nnn (reported as warnings, same code, with ConvexAuthKitFailOnError=false), warnings CAK2nnn; each has a README entry (anchor = code).</summary>
internal sealed class Diagnostic
{
    /// <summary>The SDK's RepositoryUrl at pack time, "" when the package was packed without one.</summary>
    private static readonly string RepositoryUrl = typeof(Diagnostic).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value?.Trim().TrimEnd('/') ?? "";

    internal Diagnostic(string code) { Code = code; }

    public string Code { get; }
    public bool IsError => Code.StartsWith("CAK1", StringComparison.Ordinal);
    public string HelpLink => HelpLinkFor(Code);

    /// <summary>
    /// The README entry of a code, <c>&lt;RepositoryUrl&gt;#cakNNNN</c> (the repository's page shows the README); ""
    /// (no help link) when the package names no repository.
    /// </summary>
    public static string HelpLinkFor(string code) => RepositoryUrl.Length == 0 ? "" : RepositoryUrl + "#" + code.ToLowerInvariant();

    public override string ToString() => Code;
}
