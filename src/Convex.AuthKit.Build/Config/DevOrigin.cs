namespace Convex.AuthKit.Build.Config;

/// <summary>Where the front end's dev server is reached in the browser, and how that was found.</summary>
public sealed class DevOrigin
{
    public DevOrigin(string origin, string source, int? detectedPort, string? sourceFile = null)
    {
        Origin = origin;
        Source = source;
        DetectedPort = detectedPort;
        SourceFile = sourceFile;
    }

    /// <summary>Scheme, host and port, never a trailing slash, e.g. <c>http://localhost:5173</c>.</summary>
    public string Origin { get; }

    /// <summary>Human text naming the source, e.g. <c>vite.config.ts server.port</c>.</summary>
    public string Source { get; }

    /// <summary>
    /// The port when it was found in the project or its properties (ConvexAuthKitDevOrigin, SpaProxyServerUrl,
    /// vite.config, package.json); null for a framework's default port or the fallback.
    /// </summary>
    public int? DetectedPort { get; }

    /// <summary>The file the origin was read from, if any.</summary>
    public string? SourceFile { get; }

    public override string ToString() => $"{Origin} ({Source})";
}

/// <summary><c>ConvexAuthKitDevOrigin</c> or <c>SpaProxyServerUrl</c> is not an http(s) URL.</summary>
public sealed class DevOriginException : System.Exception
{
    public DevOriginException(string message) : base(message) { }
}
