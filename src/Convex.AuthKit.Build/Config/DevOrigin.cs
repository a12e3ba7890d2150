namespace Convex.AuthKit.Build.Config;

/// <summary>Where the front end's dev server is reached in the browser, and how that was found.</summary>
/// <param name="Origin">Scheme, host and port, never a trailing slash, e.g. <c>http://localhost:5173</c>.</param>
/// <param name="Source">Human text naming the source, e.g. <c>vite.config.ts server.port</c>.</param>
/// <param name="DetectedPort">
/// The port when it was found in the project or its properties (ConvexAuthKitDevOrigin, SpaProxyServerUrl,
/// vite.config, package.json); null for a framework's default port or the fallback.
/// </param>
internal sealed record DevOrigin(string Origin, string Source, int? DetectedPort)
{
    /// <summary>The scheme was found in the project or its properties, not taken from a framework's default.</summary>
    public bool DetectedScheme { get; init; }

    /// <summary>What vite.config and the dev script say about the dev server, for the comparison of CAK2102.</summary>
    public IReadOnlyList<DevServerClaim> Claims { get; init; } = Array.Empty<DevServerClaim>();

    /// <summary>
    /// What vite.config sets in a form the build cannot evaluate while the origin depends on it (CAK2111), e.g.
    /// <c>vite.config.ts sets server.port (`getPort()`)</c>; null otherwise.
    /// </summary>
    public string? Unreadable { get; init; }

    /// <summary>The vite.config file read (its full path), where CAK2111 points; null when there is none.</summary>
    public string? ViteConfigFile { get; init; }

    public string Scheme => Origin.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? "https" : "http";

    public override string ToString() => $"{Origin} ({Source})";
}

/// <summary>What one source in the project says about the dev server: its scheme, its port, or both.</summary>
/// <param name="Source">E.g. <c>vite.config.ts server.port</c>, <c>package.json dev script</c>.</param>
/// <param name="File">The full path of the file that says it, where CAK2102 points.</param>
internal sealed record DevServerClaim(string Source, string? Scheme, int? Port, string File)
{
    public string Describe() =>
        Scheme != null && Port != null ? $"{Scheme}://localhost:{Port}" : Port != null ? $"port {Port}" : Scheme ?? "nothing";
}

/// <summary><c>ConvexAuthKitDevOrigin</c> or <c>SpaProxyServerUrl</c> is not an http(s) URL.</summary>
internal sealed class DevOriginException : System.Exception
{
    public DevOriginException(string message) : base(message) { }
}
