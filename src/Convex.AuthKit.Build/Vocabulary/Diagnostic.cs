using System.Reflection;

namespace Convex.AuthKit.Build.Vocabulary;

/// <summary>A coded diagnostic. Errors are CAK1nnn (reported as warnings, same code, with ConvexAuthKitFailOnError=false), warnings CAK2nnn; each has a README entry (anchor = code).</summary>
internal sealed class Diagnostic
{
    private static readonly string ProjectUrl = typeof(Diagnostic).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "ConvexAuthKitProjectUrl")?.Value ?? "";

    internal Diagnostic(string code) { Code = code; }

    public string Code { get; }
    public bool IsError => Code.StartsWith("CAK1", StringComparison.Ordinal);
    public string HelpLink => HelpLinkFor(Code);

    /// <summary>The README anchor of a code; the project URL is declared once, in Directory.Build.props.</summary>
    public static string HelpLinkFor(string code) => ProjectUrl + "#" + code.ToLowerInvariant();

    public override string ToString() => Code;
}
