using Convex.AuthKit.Build.Plan;

namespace Convex.AuthKit.Build.Status;

/// <summary>
/// The status's webhook row (docs/architecture.md#the-component-webhook): the endpoint at the deployment's site URL, its state
/// and events, and whether WORKOS_WEBHOOK_SECRET is set and equals the endpoint's secret. Compares secrets; never shows one.
/// </summary>
internal static class WebhookStatus
{
    public const string Label = "webhook";

    public static string Describe(DeploymentReads reads, IReadOnlyList<string> wanted)
    {
        var secretSet = ProvisioningPlanner.HasWebhookSecret(reads.Variables!);
        var secret = $"{ProvisioningPlanner.WebhookSecretName} {(secretSet ? "set" : "missing")}";
        var url = reads.SiteUrl == null ? null : WebhookFacts.EndpointUrlAt(reads.SiteUrl);
        if (url == null) return $"unknown: the deployment does not say where it serves HTTP actions; {secret}";
        if (reads.WebhookEndpoints == null)
            return $"{url} (endpoints not read{(reads.WebhookEndpointsFailure != null ? ": " + reads.WebhookEndpointsFailure : ": the deployment has no WORKOS_API_KEY yet")}); {secret}";
        var endpoint = WebhookEndpointChoice.Survivor(reads.WebhookEndpoints, url);
        if (endpoint == null) return $"{url}: no endpoint; {secret}";
        var missing = wanted.Where(e => !endpoint.Events.Contains(e, StringComparer.Ordinal)).ToList();
        var text = $"{url} ({endpoint.Status}; {string.Join(", ", endpoint.Events)})" + (missing.Count > 0 ? $", lacks {string.Join(", ", missing)}" : "") + "; " + secret;
        if (secretSet && reads.Variables![ProvisioningPlanner.WebhookSecretName] != endpoint.Secret)
            text += $", but it differs from the endpoint's signing secret (rotated in the WorkOS dashboard?): run `npx convex env remove {ProvisioningPlanner.WebhookSecretName}` and build again to set the endpoint's secret";
        return text;
    }
}
