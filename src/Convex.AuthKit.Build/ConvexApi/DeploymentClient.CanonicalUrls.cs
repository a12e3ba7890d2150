using Convex.AuthKit.Build.Http;

namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>The deployment's canonical URLs, read beside its variables (docs/protocol.md#deployment-api).</summary>
internal sealed partial class DeploymentClient
{
    public static readonly Endpoint GetCanonicalUrlsEndpoint = new(HttpMethod.Get, "deployment", "api/v1/get_canonical_urls");

    /// <summary>
    /// <c>GET /api/v1/get_canonical_urls</c>; null when the deployment predates it (a 404 without a JSON error body, as
    /// for the variables' v1 paths): the caller then derives the site URL with <see cref="DeploymentSiteUrl.FromCloudUrl"/>.
    /// </summary>
    public async Task<CanonicalUrls?> GetCanonicalUrlsAsync(CancellationToken cancellationToken)
    {
        var result = await SendAsync(GetCanonicalUrlsEndpoint, null, cancellationToken).ConfigureAwait(false);
        if (IsMissingRoute(result))
        {
            return null;
        }

        EnsureSuccess(result, Array.Empty<string>());
        var json = JsonResponse.Parse(ServiceKind.Deployment, result);
        return new CanonicalUrls(Origin(json, "convexCloudUrl"), Origin(json, "convexSiteUrl"));
    }

    /// <summary>An absolute http(s) URL with nothing after its origin but an optional <c>/</c>.</summary>
    private static Uri Origin(JsonResponse json, string name)
    {
        var text = json.RequiredString(name);
        if (Uri.TryCreate(text, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            && url.AbsolutePath == "/" && url.Query.Length == 0 && url.Fragment.Length == 0 && url.UserInfo.Length == 0
            && text.Length <= 2048 && !text.Any(char.IsWhiteSpace))
        {
            return url;
        }

        throw json.Malformed($"field '{name}' is not an http(s) origin");
    }
}
