using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Selection;

namespace Convex.AuthKit.Build.Facts;

/// <summary>
/// Round trip 1 (docs/architecture.md#fewest-round-trips): the deployment's URL and admin key and, with an access token, whether the team has
/// an associated WorkOS team, asked concurrently (it needs only the name and token). A dev deploy key asks only for
/// its URL: deploy keys never reach a Big Brain WorkOS endpoint (docs/architecture.md#deploy-keys-never-provision).
/// Then round trip 2, every deployment variable. The connection records each read it sent, for the dry run.
/// </summary>
internal sealed class ConvexConnection
{
    private readonly Task<WorkOSTeamAssociation>? _teamAssociation;
    private readonly List<string> _reads;

    private ConvexConnection(DeploymentSelection selection, BigBrainClient bigBrain, DeploymentClient deployment, Uri deploymentUrl,
        Task<WorkOSTeamAssociation>? teamAssociation, List<string> reads)
    {
        Selection = selection;
        BigBrain = bigBrain;
        Deployment = deployment;
        DeploymentUrl = deploymentUrl;
        _teamAssociation = teamAssociation;
        _reads = reads;
    }

    public DeploymentSelection Selection { get; }
    public BigBrainClient BigBrain { get; }
    public DeploymentClient Deployment { get; }
    public Uri DeploymentUrl { get; }
    public string DeploymentName => Selection.DeploymentName!;

    /// <summary>
    /// The answer asked for in round trip 1; its failure only matters when provisioning needs it. Never asked with a
    /// deploy key.
    /// </summary>
    public Task<WorkOSTeamAssociation> TeamAssociationAsync() =>
        _teamAssociation ?? throw new InvalidOperationException("A deploy key never asks Big Brain about WorkOS.");

    /// <summary>The team question's answer as a fact for the plan: null when it was not asked (a deploy key) or failed.</summary>
    public WorkOSTeamAssociation? TeamAnswer =>
        _teamAssociation != null && _teamAssociation.Status == TaskStatus.RanToCompletion ? _teamAssociation.Result : null;

    /// <summary>The reads sent so far, one line each (method, service, path and what was read; never a secret).</summary>
    public IReadOnlyList<string> Reads => _reads;

    /// <summary>A read another client sent for the same run (the dry run's list of webhook endpoints).</summary>
    public void RecordRead(string line) => _reads.Add(line);

    public static async Task<ConvexConnection> OpenAsync(DeploymentSelection selection, ResilientHttpClient http, CancellationToken cancellationToken)
    {
        var bigBrain = new BigBrainClient(http, selection.ProvisionHost!, selection.Credential!);
        var reads = new List<string>();
        if (selection.Kind == DeploymentSelectionKind.DevDeployKey)
        {
            reads.Add($"{BigBrainClient.Endpoints.UrlForKey} (read: the deployment's URL)");
            var url = await bigBrain.UrlForKeyAsync(selection.Credential!, cancellationToken).ConfigureAwait(false);
            return new ConvexConnection(selection, bigBrain, new DeploymentClient(http, url, selection.Credential!), url, null, reads);
        }

        reads.Add($"{BigBrainClient.Endpoints.AuthorizeWithinCurrentProject} (read: the deployment's URL and admin key)");
        reads.Add($"{BigBrainClient.Endpoints.HasAssociatedWorkOSTeam} (read)");
        var authorize = bigBrain.AuthorizeWithinCurrentProjectAsync(selection.DeploymentName!, selection.DeploymentType, cancellationToken);
        var association = bigBrain.HasAssociatedWorkOSTeamAsync(selection.DeploymentName!, cancellationToken);
        await Task.WhenAll(Quietly(authorize), Quietly(association)).ConfigureAwait(false);
        var credentials = await authorize.ConfigureAwait(false);
        return new ConvexConnection(selection, bigBrain, new DeploymentClient(http, credentials.Url, credentials.AdminKey), credentials.Url, association, reads);
    }

    /// <summary>Round trip 2 (docs/architecture.md#deployment-variables-through-the-public-api): every variable of the deployment, at once.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadVariablesAsync(CancellationToken cancellationToken)
    {
        var variables = await Deployment.ListEnvironmentVariablesAsync(cancellationToken).ConfigureAwait(false);
        // After the call: the endpoint it settled on.
        _reads.Add($"{Deployment.ListEnvironmentVariablesEndpoint} (read: the deployment's variables)");
        return variables;
    }

    /// <summary>
    /// Round trip 2 for a component app: the variables and, beside them, where the deployment serves HTTP actions
    /// (docs/architecture.md#the-component-webhook): its own answer, or the <c>.convex.site</c> rule for an older
    /// <c>.convex.cloud</c> deployment; null when neither says.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, string> Variables, Uri? SiteUrl)> ReadVariablesAndSiteUrlAsync(CancellationToken cancellationToken)
    {
        var variables = ReadVariablesAsync(cancellationToken);
        var canonical = Deployment.GetCanonicalUrlsAsync(cancellationToken);
        await Task.WhenAll(Quietly(variables), Quietly(canonical)).ConfigureAwait(false);
        var read = await variables.ConfigureAwait(false);
        var urls = await canonical.ConfigureAwait(false);
        _reads.Add($"{DeploymentClient.GetCanonicalUrlsEndpoint} (read: the deployment's site URL)");
        return (read, urls?.SiteUrl ?? DeploymentSiteUrl.FromCloudUrl(DeploymentUrl));
    }

    /// <summary>Waits for a task without throwing, so that both concurrent calls finish before either failure surfaces.</summary>
    private static async Task Quietly(Task task)
    {
        try { await task.ConfigureAwait(false); }
        catch (Exception) { }
    }
}
