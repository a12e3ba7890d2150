namespace Convex.AuthKit.Build.Config;

/// <summary>The front-end framework found in <c>package.json</c> (docs/protocol.md#framework-detection).</summary>
public sealed class FrameworkInfo
{
    public const string CreateReactApp = "create-react-app";
    public const string NextJs = "Next.js";
    public const string Expo = "Expo";
    public const string SvelteKit = "SvelteKit";
    public const string TanStackStart = "TanStackStart";
    public const string Vite = "Vite";
    public const string Remix = "Remix";

    public static readonly FrameworkInfo None = new(null, "CONVEX_URL", null, null);

    public FrameworkInfo(string? detectedFramework, string convexUrlEnvVar, string? frontendDevUrl, string? publicPrefix)
    {
        DetectedFramework = detectedFramework;
        ConvexUrlEnvVar = convexUrlEnvVar;
        ConvexSiteEnvVar = convexUrlEnvVar.Substring(0, convexUrlEnvVar.Length - "_URL".Length) + "_SITE_URL";
        FrontendDevUrl = frontendDevUrl;
        PublicPrefix = publicPrefix;
    }

    /// <summary>The CLI's name for the framework (<c>Vite</c>, <c>Next.js</c>, ...), or null when none matched.</summary>
    public string? DetectedFramework { get; }
    public string ConvexUrlEnvVar { get; }
    public string ConvexSiteEnvVar { get; }

    /// <summary>Where the framework's dev server listens by default, e.g. <c>http://localhost:5173</c>.</summary>
    public string? FrontendDevUrl { get; }

    /// <summary>The prefix that exposes a variable to browser code, e.g. <c>VITE_</c>.</summary>
    public string? PublicPrefix { get; }

    public override string ToString() => DetectedFramework ?? "no framework";
}
