using System.Globalization;
using Convex.AuthKit.Sandbox.Services;

namespace Convex.AuthKit.Sandbox.Hosting;

/// <summary>Fills in generated credentials and ids, and rejects scenarios that contradict themselves.</summary>
internal static class ScenarioValidator
{
    private static readonly string[] DeploymentTypes = { "dev", "prod", "preview" };
    private static readonly string[] ProductionStates = { "active", "inactive", "suspended", "deleting" };

    public static void CompleteAndValidate(SandboxState state)
    {
        foreach (var deployment in state.Deployments)
        {
            if (string.IsNullOrEmpty(deployment.Name)) Fail("a deployment has no name");
            if (!DeploymentTypes.Contains(deployment.Type)) Fail($"deployment {deployment.Name} has type '{deployment.Type}' (dev, prod or preview)");
            if (state.Projects.All(p => p.Id != deployment.ProjectId)) Fail($"deployment {deployment.Name} names unknown project {deployment.ProjectId}");
            if (string.IsNullOrEmpty(deployment.AdminKey)) deployment.AdminKey = SandboxIds.AdminKey(deployment.Name);
            if (string.IsNullOrEmpty(deployment.DeployKey)) deployment.DeployKey = SandboxIds.DeployKey(deployment.Type, deployment.Name);
            if (deployment.SiteUrl != null && !WebhookEndpointRules.IsHttpsUrl(deployment.SiteUrl))
                Fail($"deployment {deployment.Name} has a siteUrl that is not an absolute https URL");
        }
        foreach (var project in state.Projects)
            if (state.Teams.All(t => t.Id != project.TeamId)) Fail($"project {project.Id} names unknown team {project.TeamId}");
        foreach (var token in state.AccessTokens)
        {
            if (string.IsNullOrEmpty(token.Token)) Fail("an access token is empty");
            foreach (var teamId in token.TeamIds)
                if (state.Teams.All(t => t.Id != teamId)) Fail($"an access token names unknown team {teamId}");
        }
        foreach (var environment in state.WorkosEnvironments)
        {
            if (environment.DeploymentName != null && state.Deployments.All(d => d.Name != environment.DeploymentName))
                Fail($"WorkOS environment {environment.Id} names unknown deployment {environment.DeploymentName}");
            if (string.IsNullOrEmpty(environment.Id)) environment.Id = "environment_" + SandboxIds.Ulid();
            if (string.IsNullOrEmpty(environment.ClientId)) environment.ClientId = "client_" + SandboxIds.Ulid();
            if (string.IsNullOrEmpty(environment.ApiKey)) environment.ApiKey = SandboxIds.WorkOSApiKey(environment.IsProduction);
            if (string.IsNullOrEmpty(environment.Name)) environment.Name = environment.DeploymentName ?? environment.Id;
            foreach (var endpoint in environment.WebhookEndpoints) CompleteAndValidate(environment, endpoint);
            Unique(environment.WebhookEndpoints.Select(e => e.Id), "webhook endpoint id");
        }
        foreach (var team in state.Teams)
            if (team.WorkosTeam != null && !ProductionStates.Contains(team.WorkosTeam.ProductionState))
                Fail($"team {team.Id}'s WorkOS team has productionState '{team.WorkosTeam.ProductionState}' (active, inactive, suspended or deleting)");
        if (state.Workos.CorsDuplicateStatus != 409 && state.Workos.CorsDuplicateStatus != 422)
            Fail("workos.corsDuplicateStatus must be 409 or 422");
        if (state.Workos.WebhookEndpointsPageSize is < 1 or > WebhookEndpointRules.MaxLimit)
            Fail($"workos.webhookEndpointsPageSize must be between 1 and {WebhookEndpointRules.MaxLimit}");

        Unique(state.Teams.Select(t => t.Id.ToString(CultureInfo.InvariantCulture)), "team id");
        Unique(state.Projects.Select(p => p.Id.ToString(CultureInfo.InvariantCulture)), "project id");
        Unique(state.Deployments.Select(d => d.Name), "deployment name");
        Unique(state.AccessTokens.Select(t => t.Token)
            .Concat(state.Deployments.Select(d => d.AdminKey))
            .Concat(state.Deployments.Select(d => d.DeployKey)), "Convex credential");
        Unique(state.WorkosEnvironments.Select(e => e.ApiKey), "WorkOS API key");
        Unique(state.WorkosEnvironments.Where(e => e.DeploymentName != null && !e.Deleted).Select(e => e.DeploymentName!), "WorkOS environment per deployment");
    }

    private static void CompleteAndValidate(SandboxWorkOSEnvironment environment, SandboxWebhookEndpoint endpoint)
    {
        var problem = WebhookEndpointRules.EndpointUrlProblem(endpoint.EndpointUrl) ?? WebhookEndpointRules.EventsProblem(endpoint.Events)
            ?? (WebhookEndpointRules.IsStatus(endpoint.Status) ? null : "status must be enabled or disabled");
        if (problem != null) Fail($"a webhook endpoint of WorkOS environment {environment.Id}: {problem}");
        if (string.IsNullOrEmpty(endpoint.Id)) endpoint.Id = SandboxIds.WebhookEndpointId();
        if (string.IsNullOrEmpty(endpoint.Secret)) endpoint.Secret = SandboxIds.WebhookSecret();
        if (string.IsNullOrEmpty(endpoint.CreatedAt)) endpoint.CreatedAt = SandboxIds.Timestamp();
        if (string.IsNullOrEmpty(endpoint.UpdatedAt)) endpoint.UpdatedAt = endpoint.CreatedAt;
    }

    private static void Unique(System.Collections.Generic.IEnumerable<string> values, string what)
    {
        var duplicate = values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
        // The duplicate value may be a credential: name only what kind of value repeats.
        if (duplicate != null) Fail($"a {what} appears twice");
    }

    private static void Fail(string problem) => throw new ArgumentException("Invalid sandbox scenario: " + problem + ".");
}
