using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.WorkOS;

namespace Convex.AuthKit.Build.Plan;

/// <summary>
/// What the WorkOS AuthKit component's webhook is planned from (docs/architecture.md#the-component-webhook): the switch, the
/// events, the deployment's site URL and, when they were read, the WorkOS environment's endpoints.
/// </summary>
/// <param name="Configure">ConvexAuthKitConfigureWebhook.</param>
/// <param name="SiteUrl">The deployment's own answer, or the <c>.convex.site</c> rule for an older <c>.convex.cloud</c> deployment; null when neither says.</param>
/// <param name="Endpoints">Every endpoint of the deployment's WorkOS environment; null when not read (the build lists them beside the WorkOS settings).</param>
internal sealed record WebhookFacts(bool Configure, AuthKitEventTypes Events, Uri? SiteUrl, IReadOnlyList<WebhookEndpoint>? Endpoints)
{
    /// <summary>Where the component serves its webhook: <c>registerRoutes</c> hard-codes the path.</summary>
    public const string Path = "/workos/webhook";

    public Uri? EndpointUrl => SiteUrl == null ? null : EndpointUrlAt(SiteUrl);

    public static Uri EndpointUrlAt(Uri siteUrl) => new(siteUrl.GetLeftPart(UriPartial.Authority) + Path);
}

/// <summary>
/// Get-or-create (docs/architecture.md#the-component-webhook): the endpoint already at our URL is reused, enabled and given
/// the events it lacks (never losing one the user added); without one, a new endpoint is created.
/// </summary>
/// <param name="Existing">The endpoint at our URL; null to create one.</param>
/// <param name="Events">The events the endpoint is to carry: the existing ones, then the missing wanted ones.</param>
internal sealed record WebhookEndpointChoice(WebhookEndpoint? Existing, IReadOnlyList<string> Events)
{
    public bool Creates => Existing == null;

    public bool Updates => Existing != null && (!Existing.IsEnabled || Events.Count != Existing.Events.Count);

    public static WebhookEndpointChoice Create(IReadOnlyList<string> events) => new(null, events);

    public static WebhookEndpointChoice Choose(IReadOnlyList<WebhookEndpoint> endpoints, Uri url, IReadOnlyList<string> wanted)
    {
        var existing = Survivor(endpoints, url);
        if (existing == null) return Create(wanted);
        var events = existing.Events.Concat(wanted.Where(e => !existing.Events.Contains(e, StringComparer.Ordinal))).ToList();
        return new WebhookEndpointChoice(existing, events);
    }

    /// <summary>The endpoint at our URL that every racing build keeps: the oldest, by <c>created_at</c> then <c>id</c>.</summary>
    public static WebhookEndpoint? Survivor(IReadOnlyList<WebhookEndpoint> endpoints, Uri url) =>
        endpoints.Where(e => IsAt(e.EndpointUrl, url)).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The same scheme, host, port and path, a trailing slash aside.</summary>
    public static bool IsAt(Uri endpoint, Uri url) =>
        string.Equals(endpoint.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(endpoint.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase)
        && endpoint.Port == url.Port
        && string.Equals(endpoint.AbsolutePath.TrimEnd('/'), url.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);
}
