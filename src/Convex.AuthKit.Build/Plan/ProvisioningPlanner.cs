using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Plan;

/// <summary>
/// Decides what the build does, from the facts alone (docs/architecture.md#the-provisioning-plan): no request, no write. The build
/// executes the plan, the dry run prints it and the status summarises it, so the three cannot disagree.
/// </summary>
internal static class ProvisioningPlanner
{
    public const string TermsUrl = "https://workos.com/legal/terms-of-service";
    public const string PrivacyUrl = "https://workos.com/legal/privacy";

    /// <summary>The deployment variable the WorkOS AuthKit component verifies webhooks with.</summary>
    public const string WebhookSecretName = "WORKOS_WEBHOOK_SECRET";

    public static ProvisioningPlan Plan(ProvisioningFacts facts)
    {
        var plan = StepsFor(facts);
        return plan with { Warnings = WarningsFor(facts, plan).Concat(plan.Warnings).ToList() };
    }

    /// <summary>
    /// The WorkOS AuthKit component reads WORKOS_WEBHOOK_SECRET from the deployment and throws without it
    /// (docs/architecture.md#the-component-webhook). When the plan does not make it (switched off, no site URL, a refusal),
    /// CAK2109 says how by hand; CAK2113 names the events the build could not read.
    /// </summary>
    private static PlanWarning[] WarningsFor(ProvisioningFacts facts, ProvisioningPlan plan)
    {
        if (facts.AuthKitComponentFile == null || facts.Webhook is not { } webhook || HasWebhookSecret(facts.DeploymentVariables)) return Array.Empty<PlanWarning>();
        if (plan.Find<ConfigureWebhookEndpoint>() is { } step)
        {
            return webhook.Events.NotLiteralFile is { } file
                ? new[]
                {
                    new PlanWarning(Diagnostics.WebhookEventsNotLiteral,
                        $"{file} passes additionalEventTypes to new AuthKit(...) in a form the build cannot read, so the webhook endpoint {step.EndpointUrl} gets only "
                        + $"{string.Join(", ", step.Events)}. Add the other events to that endpoint in the WorkOS dashboard, or write additionalEventTypes as an array of string literals."),
                }
                : Array.Empty<PlanWarning>();
        }
        var why = !webhook.Configure ? "; ConvexAuthKitConfigureWebhook is false, so the build does not make one"
            : webhook.SiteUrl == null ? "; the deployment does not say where it serves HTTP actions (it has no get_canonical_urls and is not on .convex.cloud), so the build does not make one"
            : "";
        return new[] { WebhookByHand(facts, why) };
    }

    public static bool HasWebhookSecret(IReadOnlyDictionary<string, string> variables) =>
        variables.TryGetValue(WebhookSecretName, out var secret) && secret.Length > 0;

    /// <summary>CAK2109: the manual steps, after why the build did not make the endpoint.</summary>
    public static PlanWarning WebhookByHand(ProvisioningFacts facts, string why)
    {
        var webhook = facts.Webhook!;
        var url = webhook.EndpointUrl?.ToString() ?? "<the deployment's HTTP actions URL, ending .convex.site>" + WebhookFacts.Path;
        return new PlanWarning(Diagnostics.AuthKitComponentWithoutWebhookSecret,
            $"{facts.AuthKitComponentFile} uses the WorkOS AuthKit component, which needs {WebhookSecretName} on deployment {facts.Selection.DeploymentName}, and the deployment has none{why}. "
            + $"In the WorkOS dashboard, create a webhook endpoint {url} for the events {string.Join(", ", webhook.Events.Events)}, "
            + $"then run `npx convex env set {WebhookSecretName}=<secret>` with its signing secret.");
    }

    /// <summary>The component's webhook step, when the build makes it: in use, no secret on the deployment, switched on, a site URL.</summary>
    private static ConfigureWebhookEndpoint? WebhookStep(ProvisioningFacts facts, WorkOSCredentials credentials, bool arePlaceholders)
    {
        if (facts.Webhook is not { Configure: true, EndpointUrl: { } url } webhook || HasWebhookSecret(facts.DeploymentVariables)) return null;
        var events = webhook.Events.Events;
        // A newly provisioned environment has no endpoints; before provisioning nothing can be read.
        var choice = facts.Provisioned is { NewlyProvisioned: true } ? WebhookEndpointChoice.Create(events)
            : webhook.Endpoints != null && !arePlaceholders ? WebhookEndpointChoice.Choose(webhook.Endpoints, url, events)
            : null;
        return new ConfigureWebhookEndpoint(credentials, url, events, choice);
    }

    private static ProvisioningPlan StepsFor(ProvisioningFacts facts)
    {
        // After provisioning the CLI re-reads the deployment: the new environment's values replace everything.
        if (facts.Provisioned is { } provisioned)
            return WithCredentials(facts, provisioned.Credentials, arePlaceholders: false,
                new SetDeploymentVariables(WorkOSCredentialsPlan.AllOf(provisioned.Credentials)));

        var credentials = WorkOSCredentialsPlan.Resolve(facts.DeploymentVariables, facts.Environment);
        if (credentials.Complete)
        {
            var mismatch = WorkOSCredentialsPlan.Mismatch(credentials, facts.DeploymentVariables, facts.Environment);
            if (mismatch != null) return ProvisioningPlan.Refused(mismatch);
            var gaps = WorkOSCredentialsPlan.GapsIn(credentials, facts.DeploymentVariables);
            return WithCredentials(facts, credentials, arePlaceholders: false, gaps.Count > 0 ? new SetDeploymentVariables(gaps) : null);
        }

        var refusal = ProvisioningRefusal(facts);
        if (refusal != null) return ProvisioningPlan.Refused(refusal);
        var placeholders = WorkOSCredentialsPlan.Placeholders;
        return WithCredentials(facts, placeholders, arePlaceholders: true,
            facts.Team is { HasAssociatedWorkOSTeam: false } team ? new CreateWorkOSTeam(team.TeamId, facts.TeamSettings.AdminEmail!) : null,
            // docs/protocol.md#reference-flow: a dev deployment's environment is nonproduction (environmentType is allowed only in prod).
            new ProvisionEnvironment(facts.Selection.DeploymentName!, "nonproduction"),
            new SetDeploymentVariables(WorkOSCredentialsPlan.AllOf(placeholders)));
    }

    /// <summary>
    /// The steps that get the credentials onto the deployment, then the ones that use them: configure WorkOS and
    /// write the env file (docs/protocol.md#reference-flow). An env-file problem never holds back the remote steps
    /// (docs/architecture.md#faults-retries-and-partial-failure): the env-file step carries it.
    /// </summary>
    private static ProvisioningPlan WithCredentials(ProvisioningFacts facts, WorkOSCredentials credentials, bool arePlaceholders, params PlanStep?[] credentialSteps)
    {
        var steps = credentialSteps.OfType<PlanStep>().ToList();
        if (WebhookStep(facts, credentials, arePlaceholders) is { } webhook)
        {
            // Its secret joins the one variables write, which comes after it and waits for it.
            var write = steps.OfType<SetDeploymentVariables>().FirstOrDefault();
            if (write != null) steps.Remove(write);
            steps.Add(webhook);
            steps.Add((write ?? new SetDeploymentVariables(Array.Empty<EnvironmentVariableChange>())) with { SetsWebhookSecret = true });
        }

        var refusal = WorkOSSettingsPlan.Resolve(facts.Dev, credentials, facts.Environment.GetRaw, out var settings);
        if (refusal != null) return ProvisioningPlan.Refused(refusal);
        if (settings.Count > 0 && !arePlaceholders && facts.WorkOSEnvironmentGone && facts.Provisioned == null)
            return ProvisioningPlan.Refused(new Refusal(Diagnostics.WorkOSServiceError, "WorkOS rejects the deployment's WORKOS_API_KEY, as its environment no longer exists"));
        if (settings.Count > 0) steps.Add(new ConfigureWorkOS(credentials, settings));

        if (EnvFilePlan.IsWanted(facts.Dev))
        {
            var inputs = new EnvFileInputs(facts.Dev.LocalEnvVars!, facts.WantsCookiePassword, credentials, arePlaceholders, facts.Written);
            var envFile = EnvFilePlan.Create(inputs, facts.EnvFile ?? new EnvFileSnapshot(null, facts.Environment));
            if (envFile.Problem != null || envFile.Changes.Count > 0) steps.Add(new WriteEnvFile(envFile));
            return new ProvisioningPlan(steps) { Credentials = credentials, Warnings = envFile.Warnings };
        }
        return new ProvisioningPlan(steps) { Credentials = credentials };
    }

    /// <summary>
    /// Why the build cannot provision here: a deploy key (docs/architecture.md#deploy-keys-never-provision), a team that chose not to connect
    /// WorkOS, or no WorkOS team and no leave to create one (docs/architecture.md#no-team-prompt). An unanswered team question decides nothing.
    /// </summary>
    private static Refusal? ProvisioningRefusal(ProvisioningFacts facts)
    {
        var selection = facts.Selection;
        if (selection.Kind == DeploymentSelectionKind.DevDeployKey) return DeployKeyCannotProvision(selection);
        var team = facts.Team;
        if (team == null) return null;
        if (team.Disabled)
            return new Refusal(Diagnostics.WorkOSProvisioningDisabled,
                $"The Convex team of deployment {selection.DeploymentName} chose not to connect a WorkOS team, so AuthKit environments are not provisioned automatically. "
                + "Set WORKOS_CLIENT_ID and WORKOS_API_KEY on the deployment yourself (npx convex env set ...), or remove authKit.dev from convex.json; set ConvexAuthKitEnabled=false to silence this.",
                "the Convex team chose not to connect WorkOS");
        if (!team.HasAssociatedWorkOSTeam && !facts.TeamSettings.AllowTeamCreation)
            return TeamNotAssociated(selection.DeploymentName!, facts.TeamSettings.AdminEmail != null
                ? $"ConvexAuthKitWorkOSTeamEmail is set, but creating a WorkOS team also needs ConvexAuthKitAcceptWorkOSTerms=true (WorkOS Terms of Service: {TermsUrl}, Privacy Policy: {PrivacyUrl})."
                : null);
        return null;
    }

    /// <summary>CAK1007, from the plan or from the provisioning call's own answer.</summary>
    public static Refusal TeamNotAssociated(string deploymentName, string? detail) =>
        new Refusal(Diagnostics.WorkOSTeamNotAssociated,
            (detail != null ? detail + " " : "")
            + $"The Convex team of deployment {deploymentName} has no WorkOS team yet, and a build never prompts: set ConvexAuthKitWorkOSTeamEmail "
            + "and ConvexAuthKitAcceptWorkOSTerms=true, or run `npx convex dev` once.\n"
            + "Either:\n"
            + "  1. run `npx convex dev` once in an interactive terminal and accept creating the WorkOS team, or\n"
            + "  2. let the build create it: set ConvexAuthKitWorkOSTeamEmail to one of your verified Convex account emails and "
            + $"ConvexAuthKitAcceptWorkOSTerms=true to accept the WorkOS Terms of Service ({TermsUrl}) and Privacy Policy ({PrivacyUrl}).",
            "the Convex team has no WorkOS team yet; set ConvexAuthKitWorkOSTeamEmail and ConvexAuthKitAcceptWorkOSTerms=true, or run `npx convex dev` once");

    private static Refusal DeployKeyCannotProvision(DeploymentSelection selection) =>
        new Refusal(Diagnostics.DeployKeyCannotProvision,
            $"AuthKit configuration in convex.json requires WorkOS credentials, the deployment has none, and a deploy key ({selection.CredentialSource}) cannot provision them: "
            + $"set WORKOS_CLIENT_ID and WORKOS_API_KEY on deployment {selection.DeploymentName}, or build once logged in with `npx convex login` and without the deploy key.\n"
            + $"The build uses a deployment-specific key ({selection.CredentialSource}); such keys cannot provision WorkOS environments. Either:\n"
            + $"  1. set WORKOS_CLIENT_ID and WORKOS_API_KEY (and WORKOS_ENVIRONMENT_ID) on deployment {selection.DeploymentName} "
            + $"(npx convex env set, or the dashboard: {DashboardUrl(selection)}), then build again to configure only, or\n"
            + "  2. provision once with an access token: run `npx convex dev` (or build) while logged in with `npx convex login`, without the deploy key.",
            "the deployment has no WorkOS credentials, and a deploy key cannot provision them");

    private static string DashboardUrl(DeploymentSelection selection) =>
        (selection.ProvisionHost != null && selection.ProvisionHost.Host != "api.convex.dev" ? "http://localhost:6789" : "https://dashboard.convex.dev")
        + $"/d/{selection.DeploymentName}/settings/environment-variables";
}
