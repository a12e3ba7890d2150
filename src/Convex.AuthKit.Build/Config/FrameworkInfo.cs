namespace Convex.AuthKit.Build.Config;

/// <summary>The front-end framework found in <c>package.json</c> (docs/protocol.md#framework-detection).</summary>
/// <param name="DetectedFramework">The CLI's name for the framework (<c>Vite</c>, <c>Next.js</c>, ...), or null when none matched.</param>
/// <param name="FrontendDevUrl">Where the framework's dev server listens by default, e.g. <c>http://localhost:5173</c>.</param>
/// <param name="PublicPrefix">The prefix that exposes a variable to browser code, e.g. <c>VITE_</c>.</param>
internal sealed record FrameworkInfo(string? DetectedFramework, string ConvexUrlEnvVar, string? FrontendDevUrl, string? PublicPrefix)
{
    public const string CreateReactApp = "create-react-app";
    public const string NextJs = "Next.js";
    public const string Expo = "Expo";
    public const string SvelteKit = "SvelteKit";
    public const string TanStackStart = "TanStackStart";
    public const string Vite = "Vite";
    public const string Remix = "Remix";

    public static readonly FrameworkInfo None = new(null, "CONVEX_URL", null, null);

    public string ConvexSiteEnvVar => ConvexUrlEnvVar.Substring(0, ConvexUrlEnvVar.Length - "_URL".Length) + "_SITE_URL";

    public override string ToString() => DetectedFramework ?? "no framework";
}
