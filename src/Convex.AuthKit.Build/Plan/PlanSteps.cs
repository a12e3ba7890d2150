using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.WorkOS;

namespace Convex.AuthKit.Build.Plan;

/// <summary>
/// One step of the plan (docs/architecture.md#the-provisioning-plan). The build executes it, the dry run prints its lines and the
/// status says its summary. Never shows a secret.
/// </summary>
internal abstract record PlanStep
{
    /// <summary>What the next build would do, as the status says it.</summary>
    public abstract string Summary { get; }

    /// <summary>Whether carrying out the step changes anything; see <see cref="ConfigureWorkOS"/>.</summary>
    public virtual bool ChangesSomething => true;

    /// <summary>The dry run's lines: one a call (the endpoint as the client sends it), or one an env-file line.</summary>
    public abstract IEnumerable<string> DryRunLines(DeploymentClient deployment);
}

/// <summary>Create the Convex team's WorkOS team, with the given admin (docs/architecture.md#no-team-prompt).</summary>
internal sealed record CreateWorkOSTeam(long TeamId, string AdminEmail) : PlanStep
{
    public override string Summary => $"create the Convex team's WorkOS team (admin {AdminEmail})";

    public override IEnumerable<string> DryRunLines(DeploymentClient deployment) => new[]
    {
        $"{BigBrainClient.Endpoints.AvailableWorkOSTeamEmails} (read: check {AdminEmail} may be the admin)",
        $"{BigBrainClient.Endpoints.ProvisionAssociatedWorkOSTeam} (create the Convex team's WorkOS team, admin {AdminEmail})",
    };
}

/// <summary>Get the deployment's AuthKit environment, provisioning it when Convex has none for it.</summary>
/// <param name="EnvironmentType">Always <c>nonproduction</c>: the build provisions only a dev deployment.</param>
internal sealed record ProvisionEnvironment(string DeploymentName, string EnvironmentType) : PlanStep
{
    public override string Summary => $"provision the AuthKit environment of deployment {DeploymentName} (or reuse the one Convex already has for it)";

    public override IEnumerable<string> DryRunLines(DeploymentClient deployment) => new[]
    {
        $"{BigBrainClient.Endpoints.GetOrProvisionWorkOSEnvironment} (provision the deployment's AuthKit environment, or get the one it has)",
    };
}

/// <summary>Write WORKOS_* variables on the deployment, in one call. Before provisioning the values are placeholders.</summary>
internal sealed record SetDeploymentVariables(IReadOnlyList<EnvironmentVariableChange> Changes) : PlanStep
{
    /// <summary>The same write also sets WORKOS_WEBHOOK_SECRET, from the endpoint <see cref="ConfigureWebhookEndpoint"/> settles on.</summary>
    public bool SetsWebhookSecret { get; init; }

    public string Names => string.Join(", ", Changes.Select(v => v.Name).Concat(SetsWebhookSecret ? new[] { ProvisioningPlanner.WebhookSecretName } : Array.Empty<string>()));

    public override string Summary => $"set {Names} on the deployment";

    public override IEnumerable<string> DryRunLines(DeploymentClient deployment) => new[]
    {
        $"{deployment.UpdateEnvironmentVariablesEndpoint} (set {Names})",
    };
}

/// <summary>Tell WorkOS every setting of convex.json's configure section, with the environment's API key.</summary>
internal sealed record ConfigureWorkOS(WorkOSCredentials Credentials, IReadOnlyList<WorkOSSetting> Settings) : PlanStep
{
    public override string Summary => $"register the {Settings.Count} WorkOS setting{(Settings.Count == 1 ? "" : "s")} with WorkOS";

    /// <summary>
    /// WorkOS keeps what it already has (docs/protocol.md#workos-api), so re-sending the settings alone changes nothing that
    /// the facts show; the build still sends them, since the plan cannot read WorkOS's lists.
    /// </summary>
    public override bool ChangesSomething => false;

    public override IEnumerable<string> DryRunLines(DeploymentClient deployment) =>
        Settings.Select(setting => $"{WorkOSClient.CallFor(setting.Kind).Endpoint} ({setting.Value})");
}

/// <summary>
/// Create or update the WorkOS AuthKit component's webhook endpoint and set WORKOS_WEBHOOK_SECRET
/// (docs/architecture.md#the-component-webhook), with the environment's API key. The secret joins the plan's
/// <see cref="SetDeploymentVariables"/> write.
/// </summary>
/// <param name="Choice">What to do with the endpoints, when known: read (dry run, status) or a newly provisioned environment (none); null: the build lists them first.</param>
internal sealed record ConfigureWebhookEndpoint(WorkOSCredentials Credentials, Uri EndpointUrl, IReadOnlyList<string> Events, WebhookEndpointChoice? Choice) : PlanStep
{
    public override string Summary => Choice switch
    {
        null => $"create or update the webhook endpoint {Described}, set {ProvisioningPlanner.WebhookSecretName}",
        { Creates: true } => $"create the webhook endpoint {Described}, set {ProvisioningPlanner.WebhookSecretName}",
        { Updates: true } => $"update the webhook endpoint {Choice.Existing!.Id} at {EndpointUrl} (enabled; {string.Join(", ", Choice.Events)}), set {ProvisioningPlanner.WebhookSecretName}",
        _ => $"set {ProvisioningPlanner.WebhookSecretName} from the webhook endpoint {Choice.Existing!.Id} at {EndpointUrl}",
    };

    private string Described => $"{EndpointUrl} ({string.Join(", ", Events)})";

    public override IEnumerable<string> DryRunLines(DeploymentClient deployment) => Choice switch
    {
        null => new[]
        {
            $"{WebhookEndpointsClient.Calls.List} (read, unless the environment is new: an endpoint already at {EndpointUrl} is reused)",
            $"{WebhookEndpointsClient.Calls.Create} ({Described}), or the PATCH of the endpoint already at that URL",
        },
        { Creates: true } => new[] { $"{WebhookEndpointsClient.Calls.Create} ({Described})" },
        { Updates: true } => new[] { $"{WebhookEndpointsClient.Calls.Update(Choice.Existing!.Id)} (enabled; {string.Join(", ", Choice.Events)})" },
        _ => Array.Empty<string>(),
    };
}

/// <summary>
/// Add the missing entries to the env file and fill in its placeholders. The step keeps the env-file plan's inputs,
/// so that it can be planned again against the file as it is when it is written (docs/architecture.md#concurrent-edits). With a
/// <see cref="EnvFilePlan.Problem"/> the file is left as it is, and the problem is reported after the remote steps.
/// </summary>
internal sealed record WriteEnvFile(EnvFilePlan File) : PlanStep
{
    public override string Summary => File.Problem != null
        ? $"leave {File.DisplayName} unchanged ({File.Problem.Diagnostic.Code}: {File.Problem.Summary})"
        : $"write {string.Join(", ", File.Changes.Select(Describe))} to {File.DisplayName}";

    public override IEnumerable<string> DryRunLines(DeploymentClient deployment) => File.Problem != null
        ? new[] { $"{File.DisplayName}: left unchanged ({File.Problem.Diagnostic.Code}: {File.Problem.Summary})" }
        : File.Changes.Select(change => $"{File.DisplayName}: "
            + (change.ReplacesPlaceholderFrom != null ? $"replace the placeholder from {change.ReplacesPlaceholderFrom} / " : "")
            + (change.CommentOnPreviousLine != null ? "add " + change.CommentOnPreviousLine + " / " : "")
            + (change.Was != null ? $"update {change.DescribeUpdate}" : $"set {change.Display}"));

    private static string Describe(EnvFileChange change) =>
        change.ReplacesPlaceholderFrom != null ? $"{change.Name} (replacing the placeholder from {change.ReplacesPlaceholderFrom})"
        : change.Was != null ? "the updated " + change.DescribeUpdate
        : change.Name;
}
