using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Facts;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Build.Vocabulary;
using Convex.AuthKit.Build.WorkOS;

namespace Convex.AuthKit.Build.Status;

/// <summary>
/// What the status learns from Convex, with reads only: round trip 1 of the flow (authorize, and with an access
/// token the WorkOS team question) and the deployment's variables; with an access token also the WorkOS health,
/// read alongside. Offline or refused is an answer, not a failure. The plan's facts come from here; what only the
/// status shows (the URL, why nothing was read, the WorkOS health) stays beside them.
/// </summary>
/// <param name="Variables">Every variable of the deployment (values may be secrets); null when they could not be read.</param>
/// <param name="Team">The team question's answer; null with a deploy key, or when it failed.</param>
/// <param name="Offline">Why Convex could not be reached, or null.</param>
/// <param name="Failure">The error a build would report for the same answer (e.g. CAK1005), or null.</param>
/// <param name="Health">Whether WorkOS still knows the environment, and the team's state; never on the build path.</param>
internal sealed record DeploymentReads(Uri? Url, IReadOnlyDictionary<string, string>? Variables, WorkOSTeamAssociation? Team, string? Offline, ProvisioningException? Failure, WorkOSHealth Health)
{
    /// <summary>For a component app: where the deployment serves HTTP actions (docs/architecture.md#the-component-webhook); null when unknown.</summary>
    public Uri? SiteUrl { get; init; }

    /// <summary>For a component app whose deployment has an API key: the WorkOS environment's webhook endpoints; null when not read.</summary>
    public IReadOnlyList<WebhookEndpoint>? WebhookEndpoints { get; init; }

    /// <summary>Why the webhook endpoints could not be read; null when they were, or were not asked for.</summary>
    public string? WebhookEndpointsFailure { get; init; }

    public static async Task<DeploymentReads> ReadAsync(DeploymentSelection selection, LocalFacts local, BuildSettings settings, ProvisionLog log, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var http = HttpClients.Create(settings, log);
        var health = WorkOSHealthCheck.Start(selection, http, settings.TimeoutSeconds, budget.Token, cancellationToken);
        async Task<DeploymentReads> WithHealth(Uri? url, IReadOnlyDictionary<string, string>? variables, WorkOSTeamAssociation? team, string? offline, ProvisioningException? failure) =>
            new DeploymentReads(url, variables, team, offline, failure, await health.FinishAsync().ConfigureAwait(false));
        try
        {
            var connection = await ConvexConnection.OpenAsync(selection, http, budget.Token).ConfigureAwait(false);
            health.AskTeam(connection.TeamAnswer); // read while the variables are
            if (!local.UsesAuthKitComponent)
            {
                var variables = await connection.ReadVariablesAsync(budget.Token).ConfigureAwait(false);
                return await WithHealth(connection.DeploymentUrl, variables, connection.TeamAnswer, null, null).ConfigureAwait(false);
            }
            var (read, siteUrl) = await connection.ReadVariablesAndSiteUrlAsync(budget.Token).ConfigureAwait(false);
            var (endpoints, failure) = await ReadWebhookEndpointsAsync(http, read, local, settings, budget.Token).ConfigureAwait(false);
            return await WithHealth(connection.DeploymentUrl, read, connection.TeamAnswer, null, null).ConfigureAwait(false) with
            {
                SiteUrl = siteUrl,
                WebhookEndpoints = endpoints,
                WebhookEndpointsFailure = failure,
            };
        }
        catch (ServiceUnreachableException e)
        {
            return await WithHealth(null, null, null, e.Message, null).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return await WithHealth(null, null, null, $"no answer within ConvexAuthKitTimeoutSeconds ({settings.TimeoutSeconds} s)", null).ConfigureAwait(false);
        }
        catch (Exception e) when (!(e is OperationCanceledException) && FailureTranslation.TryTranslate(e, out var failure))
        {
            return await WithHealth(null, null, null, null, failure).ConfigureAwait(false);
        }
    }

    /// <summary>The endpoints, when the deployment has an API key to read them with; a failure is a note, never the status's failure.</summary>
    private static async Task<(IReadOnlyList<WebhookEndpoint>? Endpoints, string? Failure)> ReadWebhookEndpointsAsync(ResilientHttpClient http,
        IReadOnlyDictionary<string, string> variables, LocalFacts local, BuildSettings settings, CancellationToken cancellationToken)
    {
        if (!variables.TryGetValue(WorkOSCredentials.ApiKeyName, out var apiKey) || apiKey.Length == 0) return (null, null);
        try
        {
            var client = new WebhookEndpointsClient(http, WorkOSApiUrl.For(settings, local.Environment), apiKey);
            return (await client.ListAllAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (ServiceFailureException e)
        {
            return (null, e.Message);
        }
    }
}
