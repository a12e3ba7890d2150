namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>
/// Where a deployment serves its HTTP actions when it cannot say (an older deployment without get_canonical_urls,
/// docs/protocol.md#deployment-api): a cloud URL <c>https://&lt;name&gt;[.&lt;region&gt;].convex.cloud</c> has its
/// actions on the same host with <c>.convex.site</c>. Any other URL (a custom domain, a local backend) has no rule.
/// </summary>
internal static class DeploymentSiteUrl
{
    private const string CloudSuffix = ".convex.cloud";
    private const string SiteSuffix = ".convex.site";

    /// <summary>The site origin for an https <c>.convex.cloud</c> deployment URL; null for any other URL.</summary>
    public static Uri? FromCloudUrl(Uri deploymentUrl)
    {
        if (!deploymentUrl.IsAbsoluteUri || deploymentUrl.Scheme != Uri.UriSchemeHttps || !deploymentUrl.IsDefaultPort)
        {
            return null;
        }

        var host = deploymentUrl.IdnHost;
        if (!host.EndsWith(CloudSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new Uri("https://" + host.Substring(0, host.Length - CloudSuffix.Length) + SiteSuffix);
    }
}
