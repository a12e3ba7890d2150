namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>
/// A deployment's own answer to <c>GET /api/v1/get_canonical_urls</c> (docs/protocol.md#deployment-api): the URL its
/// clients use and the origin of its HTTP actions (regional, <c>https://&lt;name&gt;.&lt;region&gt;.convex.site</c>, or
/// a custom domain).
/// </summary>
internal sealed record CanonicalUrls(Uri CloudUrl, Uri SiteUrl);
