namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Finds the dev origin O the framework defaults use (docs/architecture.md#dev-origin), first that applies: ConvexAuthKitDevOrigin;
/// SpaProxyServerUrl as written; <c>server.port</c> in <c>vite.config.*</c>; the port flag of package.json's
/// <c>dev</c> script; the framework's dev URL; <c>http://localhost:5173</c>.
/// </summary>
internal static class DevOriginDetector
{
    private const string Fallback = "http://localhost:5173";

    private static readonly string[] ViteConfigNames = { "vite.config.ts", "vite.config.js", "vite.config.mjs", "vite.config.mts", "vite.config.cjs" };

    /// <exception cref="DevOriginException">An explicit origin or SpaProxyServerUrl is not an http(s) URL.</exception>
    public static DevOrigin Detect(ProjectFiles files, string? explicitOrigin, string? spaProxyServerUrl, FrameworkInfo framework)
    {
        if (!string.IsNullOrWhiteSpace(explicitOrigin)) return FromUrl(explicitOrigin!.Trim(), "ConvexAuthKitDevOrigin");
        if (!string.IsNullOrWhiteSpace(spaProxyServerUrl)) return FromUrl(spaProxyServerUrl!.Trim(), "SpaProxyServerUrl");

        foreach (var name in ViteConfigNames)
        {
            var path = files.PathOf(name);
            var source = files.ReadText(path);
            if (source == null) continue;
            var vite = ViteConfigReader.Read(source);
            if (vite != null) return Localhost(vite.Https, vite.Port, name + " server.port");
            break; // Vite loads only the first config file it finds.
        }

        var packageJson = files.PathOf("package.json");
        var packageJsonText = files.ReadText(packageJson);
        var script = packageJsonText == null ? null : DevScriptReader.Read(packageJsonText);
        if (script != null) return Localhost(script.Https, script.Port, "package.json dev script");

        if (framework.FrontendDevUrl != null) return new DevOrigin(framework.FrontendDevUrl, framework.DetectedFramework + " default", null);
        return new DevOrigin(Fallback, "default", null);
    }

    private static DevOrigin Localhost(bool https, int port, string source) =>
        new((https ? "https" : "http") + "://localhost:" + port, source, port);

    private static DevOrigin FromUrl(string url, string property)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
            throw new DevOriginException($"{property} must be an http(s) origin such as http://localhost:5173, not '{url}'.");
        return new DevOrigin(url.TrimEnd('/'), property, uri.Port);
    }
}
