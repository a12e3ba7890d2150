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
    public override string ToString() => $"{Origin} ({Source})";
}

/// <summary><c>ConvexAuthKitDevOrigin</c> or <c>SpaProxyServerUrl</c> is not an http(s) URL.</summary>
internal sealed class DevOriginException : System.Exception
{
    public DevOriginException(string message) : base(message) { }
}
