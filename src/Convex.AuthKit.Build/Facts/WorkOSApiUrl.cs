using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Facts;

/// <summary>Where the WorkOS calls go (docs/protocol.md#workos-api): ConvexAuthKitWorkOSApiUrl, else WORKOS_API_URL, else WorkOS's public API.</summary>
internal static class WorkOSApiUrl
{
    /// <exception cref="ProvisioningException">CAK1019: the URL is not absolute.</exception>
    public static Uri For(BuildSettings settings, BuildEnvironment environment)
    {
        var configured = settings.WorkOSApiUrl ?? environment.Get("WORKOS_API_URL") ?? "https://api.workos.com";
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var url))
            throw new ProvisioningException(Diagnostics.InvalidSetting, $"The WorkOS API URL '{configured}' (ConvexAuthKitWorkOSApiUrl or WORKOS_API_URL) is not an absolute URL.");
        return url;
    }
}
