using System.Text.RegularExpressions;

namespace Convex.AuthKit.Build.Config;

/// <summary>Deployment names in Convex cloud URLs (docs/protocol.md#big-brain-endpoints, with the conformance corrections).</summary>
public static class DeploymentNames
{
    // `https://<name>.convex.cloud` or `https://<name>.<region>.convex.cloud`, region one DNS label, optional final `/`.
    private static readonly Regex CloudUrl = new(
        @"\Ahttps://([a-z]+-[a-z]+-[0-9]+)\.(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)?convex\.cloud/?\z", RegexOptions.CultureInvariant);

    /// <summary>The deployment name, or null when the URL is not a Convex cloud deployment URL.</summary>
    public static string? FromUrl(string url)
    {
        if (url == null) return null;
        var match = CloudUrl.Match(url);
        return match.Success ? match.Groups[1].Value : null;
    }
}
