using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.WorkOS;

namespace Convex.AuthKit.Build.Provisioning;

/// <summary>
/// The plan's <see cref="ConfigureWebhookEndpoint"/> (docs/architecture.md#the-component-webhook): list every page (unless
/// the plan knows the environment has none), then create, update or reuse the endpoint at our URL. After a create,
/// <see cref="KeepTheOldestAsync"/> settles a race with another machine sharing the deployment.
/// </summary>
internal static class WebhookEndpointProvisioning
{
    /// <param name="Created">This build created the endpoint, so another machine may have created one beside it.</param>
    /// <param name="Done">What was done, for the report; never the secret.</param>
    internal sealed record Result(WebhookEndpoint Endpoint, bool Created, string Done);

    public static async Task<Result> GetOrCreateAsync(WebhookEndpointsClient client, ConfigureWebhookEndpoint step, CancellationToken cancellationToken)
    {
        var choice = step.Choice ?? await ChooseAsync(client, step, cancellationToken).ConfigureAwait(false);
        if (choice.Creates)
        {
            try
            {
                var created = await client.CreateAsync(step.EndpointUrl, choice.Events, cancellationToken).ConfigureAwait(false);
                return new Result(created, true, $"created the webhook endpoint {created.EndpointUrl} ({string.Join(", ", created.Events)})");
            }
            catch (ServiceException e) when (e.Status == 409)
            {
                // WorkOS keeps one endpoint per URL here: another machine made ours since the list.
                choice = await ChooseAsync(client, step, cancellationToken).ConfigureAwait(false);
                if (choice.Creates) throw;
            }
        }
        var existing = choice.Existing!;
        if (!choice.Updates) return new Result(existing, false, $"reused the webhook endpoint {existing.Id} at {existing.EndpointUrl}");
        var updated = await client.UpdateAsync(existing.Id, enabled: true, choice.Events, cancellationToken).ConfigureAwait(false);
        return new Result(updated, false, $"updated the webhook endpoint {updated.Id} at {updated.EndpointUrl} (enabled; {string.Join(", ", updated.Events)})");
    }

    /// <summary>
    /// Lists again after a create: when an older endpoint has our URL (another machine created one at the same time), the
    /// one this build created is deleted and the survivor returned, whose secret the deployment must hold; else null.
    /// </summary>
    public static async Task<WebhookEndpoint?> KeepTheOldestAsync(WebhookEndpointsClient client, WebhookEndpoint created, CancellationToken cancellationToken)
    {
        var survivor = WebhookEndpointChoice.Survivor(await client.ListAllAsync(cancellationToken).ConfigureAwait(false), created.EndpointUrl);
        if (survivor == null || survivor.Id == created.Id) return null;
        await client.DeleteAsync(created.Id, cancellationToken).ConfigureAwait(false);
        return survivor;
    }

    /// <summary>WorkOS refuses the endpoint (forbidden, or a value it does not take): CAK2109 with its reason, not a failure.</summary>
    public static bool IsRefusal(Exception exception) => exception is ServiceException { Service: ServiceKind.WorkOS, Status: 403 or 422 };

    private static async Task<WebhookEndpointChoice> ChooseAsync(WebhookEndpointsClient client, ConfigureWebhookEndpoint step, CancellationToken cancellationToken) =>
        WebhookEndpointChoice.Choose(await client.ListAllAsync(cancellationToken).ConfigureAwait(false), step.EndpointUrl, step.Events);
}
