using Convex.AuthKit.Build.Http;

namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>The <c>Convex-Client</c> header this package sends to Big Brain and to deployments.</summary>
internal static class ConvexClientInfo
{
    public const string HeaderName = "Convex-Client";

    /// <summary>
    /// The package version without build metadata, e.g. <c>0.1.0-dev</c>: a constant the project file generates
    /// (PackageVersion.g.cs), because the no-op path fingerprints it on every build.
    /// </summary>
    public const string Version = PackageVersion.Value;

    /// <summary>e.g. <c>convex-authkit-build-0.1.0-dev</c>.</summary>
    public const string HeaderValue = "convex-authkit-build-" + Version;
}
