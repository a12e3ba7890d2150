using Convex.AuthKit.Build.FileSystem;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Finds the dev origin O the framework defaults use (docs/architecture.md#dev-origin), first that applies: ConvexAuthKitDevOrigin;
/// SpaProxyServerUrl as written; <c>vite.config.*</c>'s <c>server.port</c> and https, with the port flag of
/// package.json's <c>dev</c> script when vite.config has no port; the framework's dev URL; <c>http://localhost:5173</c>.
/// </summary>
internal static class DevOriginDetector
{
    private const string Fallback = "http://localhost:5173";

    private static readonly string[] ViteConfigNames = { "vite.config.ts", "vite.config.js", "vite.config.mjs", "vite.config.mts", "vite.config.cjs" };

    /// <exception cref="DevOriginException">An explicit origin or SpaProxyServerUrl is not an http(s) URL.</exception>
    public static DevOrigin Detect(ProjectFiles files, string? explicitOrigin, string? spaProxyServerUrl, FrameworkInfo framework)
    {
        // The user's own origin: nothing else is read or compared.
        if (!string.IsNullOrWhiteSpace(explicitOrigin)) return FromUrl(explicitOrigin!.Trim(), "ConvexAuthKitDevOrigin");

        var claims = new List<DevServerClaim>();
        var (vite, viteName) = ReadViteConfig(files);
        var viteFile = viteName == null ? null : files.PathOf(viteName);
        var viteClaim = vite == null || (vite.Port == null && !vite.Https)
            ? null
            : new DevServerClaim(viteName + " " + ViteSource(vite), vite.Https ? "https" : "http", vite.Port, viteFile!);
        if (viteClaim != null) claims.Add(viteClaim);
        var packageJsonText = files.ReadPackageJson();
        var script = packageJsonText == null ? null : DevScriptReader.Read(packageJsonText);
        var scriptClaim = script == null ? null : new DevServerClaim("package.json dev script", script.Https ? "https" : null, script.Port, files.PathOf("package.json"));
        if (scriptClaim != null) claims.Add(scriptClaim);

        if (!string.IsNullOrWhiteSpace(spaProxyServerUrl)) return FromUrl(spaProxyServerUrl!.Trim(), "SpaProxyServerUrl") with { Claims = claims };

        var unreadable = vite?.Unreadable != null ? $"{viteName} sets {vite.Unreadable}" : null;
        var defaultUrl = new Uri(framework.FrontendDevUrl ?? Fallback);
        if (viteClaim == null && scriptClaim == null)
        {
            var origin = framework.FrontendDevUrl != null ? new DevOrigin(framework.FrontendDevUrl, framework.DetectedFramework + " default", null) : new DevOrigin(Fallback, "default", null);
            return origin with { Unreadable = unreadable, ViteConfigFile = viteFile };
        }

        // Vite's own config decides the scheme; the dev script's flag gives the port when vite.config has none.
        var sources = new List<string>();
        if (viteClaim != null) sources.Add(viteClaim.Source);
        var port = viteClaim?.Port ?? scriptClaim?.Port;
        if (viteClaim?.Port == null && scriptClaim != null) sources.Add(scriptClaim.Source);
        if (port == null) sources.Add((framework.DetectedFramework != null && framework.FrontendDevUrl != null ? framework.DetectedFramework + " " : "") + "default port");
        var scheme = viteClaim?.Scheme ?? scriptClaim?.Scheme ?? defaultUrl.Scheme;
        return new DevOrigin($"{scheme}://localhost:{port ?? defaultUrl.Port}", string.Join(", ", sources), port)
        {
            DetectedScheme = true,
            Claims = claims,
            Unreadable = unreadable,
            ViteConfigFile = viteFile,
        };
    }

    /// <summary>Vite loads only the first config file it finds.</summary>
    private static (ViteServerSettings? Settings, string? Name) ReadViteConfig(ProjectFiles files)
    {
        foreach (var name in ViteConfigNames)
        {
            var source = files.ReadOptional(files.PathOf(name), LocalFile.TextFileLimit, "its dev server settings were not read");
            if (source != null) return (ViteConfigReader.Read(source, files), name);
        }
        return (null, null);
    }

    private static string ViteSource(ViteServerSettings vite) =>
        vite.Port != null && vite.Https ? "server.port and https" : vite.Port != null ? "server.port" : "https";

    private static DevOrigin FromUrl(string url, string property)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
            throw new DevOriginException($"{property} must be an http(s) origin such as http://localhost:5173, not '{url}'.");
        return new DevOrigin(url.TrimEnd('/'), property, uri.Port) { DetectedScheme = true };
    }
}
