using Newtonsoft.Json;

namespace Convex.AuthKit.Sandbox;

/// <summary>The starting state of a sandbox. JSON form: camelCase property names (see scenarios/fresh-vite.json).</summary>
public class SandboxScenario
{
    public List<SandboxAccessToken> AccessTokens { get; set; } = new List<SandboxAccessToken>();
    public List<SandboxTeam> Teams { get; set; } = new List<SandboxTeam>();
    public List<SandboxProject> Projects { get; set; } = new List<SandboxProject>();
    public List<SandboxDeployment> Deployments { get; set; } = new List<SandboxDeployment>();
    public List<SandboxWorkOSEnvironment> WorkosEnvironments { get; set; } = new List<SandboxWorkOSEnvironment>();
    public SandboxWorkOSOptions Workos { get; set; } = new SandboxWorkOSOptions();

    public SandboxDeployment Deployment(string name) =>
        Deployments.FirstOrDefault(d => d.Name == name) ?? throw new KeyNotFoundException("No deployment " + name);

    public SandboxTeam Team(long id) =>
        Teams.FirstOrDefault(t => t.Id == id) ?? throw new KeyNotFoundException("No team " + id);

    /// <summary>The WorkOS environment linked to a deployment, or null (a deleted one is no longer linked).</summary>
    public SandboxWorkOSEnvironment? EnvironmentFor(string deploymentName) =>
        WorkosEnvironments.FirstOrDefault(e => e.DeploymentName == deploymentName && !e.Deleted);

    public string ToJson() => JsonConvert.SerializeObject(this, SandboxJson.Indented);

    public static SandboxScenario Parse(string json) =>
        JsonConvert.DeserializeObject<SandboxScenario>(json, SandboxJson.Settings)
        ?? throw new FormatException("The scenario JSON is empty.");

    public static SandboxScenario Load(string jsonFilePath) => Parse(File.ReadAllText(jsonFilePath));

    /// <summary>A deep copy (scenarios are mutable; the server never shares instances with callers).</summary>
    public SandboxScenario Clone() => Parse(ToJson());

    /// <summary>
    /// One team (id 1, slug <c>my-team</c>) associated with a WorkOS team unless <paramref name="teamHasWorkOS"/> is false,
    /// one project (id 10, <c>my-project</c>), one dev deployment, one access token for the team, nothing provisioned.
    /// The secrets are fixed so tests can name them: see <see cref="FreshSecrets"/>.
    /// </summary>
    public static SandboxScenario Fresh(string deploymentName = "happy-animal-123", bool teamHasWorkOS = true)
    {
        var scenario = new SandboxScenario();
        scenario.AccessTokens.Add(new SandboxAccessToken { Token = FreshSecrets.AccessToken, TeamIds = { 1 } });
        scenario.Teams.Add(new SandboxTeam
        {
            Id = 1,
            Slug = "my-team",
            WorkosTeam = teamHasWorkOS
                ? new SandboxWorkOSTeam { Id = "org_01JSANDBOX0000000000000001", Name = "my-team", AdminEmail = "dev@example.com" }
                : null,
            AvailableEmails = { "dev@example.com" },
            AdminName = "Dev Example",
            AdminConvexEmail = "dev@example.com",
        });
        scenario.Projects.Add(new SandboxProject { Id = 10, TeamId = 1, Slug = "my-project" });
        scenario.Deployments.Add(new SandboxDeployment
        {
            Name = deploymentName,
            ProjectId = 10,
            Type = "dev",
            AdminKey = FreshSecrets.AdminKey(deploymentName),
            DeployKey = FreshSecrets.DeployKey(deploymentName),
        });
        return scenario;
    }

    /// <summary>Adds a further team, project and deployment (for "two teams" or "inaccessible deployment" cases).</summary>
    public SandboxScenario WithDeployment(string name, string type = "dev", long projectId = 10)
    {
        Deployments.Add(new SandboxDeployment
        {
            Name = name,
            ProjectId = projectId,
            Type = type,
            AdminKey = FreshSecrets.AdminKey(name),
            DeployKey = type + ":" + name + "|" + FreshSecrets.DeployKeySecret,
        });
        return this;
    }

    /// <summary>
    /// The deployment was provisioned once, then its WorkOS environment was deleted: the deployment keeps
    /// WORKOS_CLIENT_ID, WORKOS_API_KEY and WORKOS_ENVIRONMENT_ID of <see cref="DeletedEnvironment"/>, WorkOS rejects that
    /// API key with 401, and Big Brain no longer knows an environment for the deployment.
    /// </summary>
    public SandboxScenario WithDeletedEnvironment(string deploymentName = "happy-animal-123") =>
        WithEnvironmentVariablesOf(deploymentName, DeletedEnvironment.Id, DeletedEnvironment.ClientId, DeletedEnvironment.ApiKey, deleted: true);

    /// <summary>
    /// The deployment already has its WorkOS environment (<see cref="SeededEnvironment"/>; provisioned earlier, e.g. by
    /// the CLI) and the three WORKOS_* variables that name it; nothing is registered with WorkOS yet.
    /// </summary>
    public SandboxScenario WithProvisionedEnvironment(string deploymentName = "happy-animal-123") =>
        WithEnvironmentVariablesOf(deploymentName, SeededEnvironment.Id, SeededEnvironment.ClientId, SeededEnvironment.ApiKey, deleted: false);

    /// <summary>A WorkOS environment linked to the deployment, whose variables name it.</summary>
    private SandboxScenario WithEnvironmentVariablesOf(string deploymentName, string id, string clientId, string apiKey, bool deleted)
    {
        WorkosEnvironments.Add(new SandboxWorkOSEnvironment
        {
            DeploymentName = deploymentName,
            Id = id,
            Name = deploymentName,
            ClientId = clientId,
            ApiKey = apiKey,
            Deleted = deleted,
        });
        var env = Deployment(deploymentName).Env;
        env["WORKOS_CLIENT_ID"] = clientId;
        env["WORKOS_API_KEY"] = apiKey;
        env["WORKOS_ENVIRONMENT_ID"] = id;
        return this;
    }

    /// <summary>Adds a webhook endpoint to the WorkOS environment of the deployment (see <see cref="WithProvisionedEnvironment"/>).</summary>
    public SandboxScenario WithWebhookEndpoint(SandboxWebhookEndpoint endpoint, string deploymentName = "happy-animal-123")
    {
        var environment = EnvironmentFor(deploymentName) ?? throw new InvalidOperationException("Deployment " + deploymentName + " has no WorkOS environment.");
        environment.WebhookEndpoints.Add(endpoint);
        return this;
    }

    /// <summary>A regional deployment: get_canonical_urls answers <c>https://&lt;name&gt;.&lt;region&gt;.convex.site</c> (scenarios/regional-site-url.json).</summary>
    public SandboxScenario WithRegionalSiteUrl(string region = "eu-west-1", string deploymentName = "happy-animal-123")
    {
        Deployment(deploymentName).SiteUrl = "https://" + deploymentName + "." + region + ".convex.site";
        return this;
    }

    /// <summary>
    /// A provisioned deployment whose WorkOS environment already has a disabled endpoint at the deployment's webhook URL,
    /// subscribed to <c>user.created</c> only (scenarios/disabled-webhook-endpoint.json).
    /// </summary>
    public SandboxScenario WithDisabledWebhookEndpoint(string deploymentName = "happy-animal-123") =>
        WithProvisionedEnvironment(deploymentName).WithWebhookEndpoint(
            new SandboxWebhookEndpoint
            {
                Id = SeededWebhookEndpoints.DisabledId,
                EndpointUrl = SeededWebhookEndpoints.ComponentUrl(deploymentName),
                Secret = SeededWebhookEndpoints.DisabledSecret,
                Status = "disabled",
                Events = { "user.created" },
                CreatedAt = "2026-01-15T12:00:00.000Z",
                UpdatedAt = "2026-01-15T12:00:00.000Z",
            },
            deploymentName);

    /// <summary>
    /// A provisioned deployment whose endpoint at the webhook URL is the oldest of three, with list pages of two, so a
    /// newest-first list shows it on the second page only (scenarios/webhook-endpoint-second-page.json).
    /// </summary>
    public SandboxScenario WithWebhookEndpointOnSecondPage(string deploymentName = "happy-animal-123")
    {
        WithProvisionedEnvironment(deploymentName);
        Workos.WebhookEndpointsPageSize = 2;
        WithWebhookEndpoint(Endpoint(SeededWebhookEndpoints.SecondPageId, SeededWebhookEndpoints.ComponentUrl(deploymentName), SeededWebhookEndpoints.SecondPageSecret, "2026-01-15T12:00:00.000Z", "user.created", "user.updated", "user.deleted"), deploymentName);
        WithWebhookEndpoint(Endpoint("we_01JSEEDOTHER00000000000001", "https://example.com/hooks/audit", "whsec_seeded_other_endpoint_1_d2a4", "2026-02-01T09:00:00.000Z", "organization.created"), deploymentName);
        WithWebhookEndpoint(Endpoint("we_01JSEEDOTHER00000000000002", "https://example.com/hooks/sessions", "whsec_seeded_other_endpoint_2_8e6b", "2026-03-01T09:00:00.000Z", "session.created"), deploymentName);
        return this;

        static SandboxWebhookEndpoint Endpoint(string id, string url, string secret, string createdAt, params string[] events) => new()
        {
            Id = id,
            EndpointUrl = url,
            Secret = secret,
            Events = events.ToList(),
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
    }
}

/// <summary>The fixed values of <see cref="SandboxScenario.WithProvisionedEnvironment"/>.</summary>
public static class SeededEnvironment
{
    public const string Id = "environment_01JSEEDED00000000000000001";
    public const string ClientId = "client_01JSEEDED00000000000000001";
    /// <summary>Secret.</summary>
    public const string ApiKey = "sk_test_seeded_environment_6f1e9a";
}

/// <summary>The fixed values of the seeded webhook-endpoint scenarios.</summary>
public static class SeededWebhookEndpoints
{
    public const string DisabledId = "we_01JSEEDDISABLED00000000001";
    /// <summary>Secret.</summary>
    public const string DisabledSecret = "whsec_seeded_disabled_endpoint_5a1c";
    public const string SecondPageId = "we_01JSEEDSECONDPAGE000000001";
    /// <summary>Secret.</summary>
    public const string SecondPageSecret = "whsec_seeded_second_page_endpoint_0b7f";

    /// <summary>Where the WorkOS AuthKit component serves its webhook on a deployment with the default site URL.</summary>
    public static string ComponentUrl(string deploymentName) => "https://" + deploymentName + ".convex.site/workos/webhook";
}

/// <summary>The fixed values of <see cref="SandboxScenario.WithDeletedEnvironment"/>.</summary>
public static class DeletedEnvironment
{
    public const string Id = "environment_01JDELETED0000000000000001";
    public const string ClientId = "client_01JDELETED0000000000000001";
    /// <summary>Secret.</summary>
    public const string ApiKey = "sk_test_deleted_environment_4b7d2e";
}

/// <summary>The fixed secrets of <see cref="SandboxScenario.Fresh"/>.</summary>
public static class FreshSecrets
{
    public const string AccessToken = "cvx-sandbox-access-token-8f3a2c";
    public const string DeployKeySecret = "eyJ2MiI6InNhbmRib3gtZGVwbG95LWtleSJ9";
    public static string AdminKey(string deploymentName) => deploymentName + "|01sandboxadmin7d4e9b";
    public static string DeployKey(string deploymentName) => "dev:" + deploymentName + "|" + DeployKeySecret;
}
