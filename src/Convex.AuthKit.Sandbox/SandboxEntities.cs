namespace Convex.AuthKit.Sandbox;

// The entities of a scenario and of the live state. Fields marked "secret" are credentials: the state shows
// them (tests compare them) but the request log masks them. SandboxState.SecretFields lists them as JSON paths.

/// <summary>A Convex access token (as in ~/.convex/config.json) and the teams it can reach.</summary>
public sealed class SandboxAccessToken
{
    /// <summary>Secret.</summary>
    public string Token { get; set; } = "";
    public List<long> TeamIds { get; set; } = new List<long>();
}

/// <summary>A Convex team, optionally associated with a WorkOS team.</summary>
public sealed class SandboxTeam
{
    public long Id { get; set; }
    public string Slug { get; set; } = "";
    /// <summary>null: no WorkOS team is associated yet.</summary>
    public SandboxWorkOSTeam? WorkosTeam { get; set; }
    /// <summary>The team chose not to use the WorkOS integration: has_associated_workos_team answers <c>disabled: true</c>.</summary>
    public bool Disabled { get; set; }
    /// <summary>Verified emails that may become the WorkOS admin.</summary>
    public List<string> AvailableEmails { get; set; } = new List<string>();
    /// <summary>Emails that already have a WorkOS account (provisioning with one fails).</summary>
    public List<string> UsedEmails { get; set; } = new List<string>();
    public string? AdminName { get; set; }
    public string? AdminConvexEmail { get; set; }
}

public sealed class SandboxWorkOSTeam
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string AdminEmail { get; set; } = "";
    /// <summary>What workos_team_health answers as <c>teamInfo.productionState</c>: active, inactive, suspended or deleting.</summary>
    public string ProductionState { get; set; } = "active";
}

public sealed class SandboxProject
{
    public long Id { get; set; }
    public long TeamId { get; set; }
    public string Slug { get; set; } = "";
}

/// <summary>A cloud deployment. All deployments share the sandbox's deployment origin; the key picks one.</summary>
public sealed class SandboxDeployment
{
    public string Name { get; set; } = "";
    public long ProjectId { get; set; }
    /// <summary>dev, prod or preview.</summary>
    public string Type { get; set; } = "dev";
    /// <summary>Secret. Generated (<c>&lt;name&gt;|&lt;hex&gt;</c>) when the scenario leaves it empty.</summary>
    public string AdminKey { get; set; } = "";
    /// <summary>Secret. Generated (<c>&lt;type&gt;:&lt;name&gt;|&lt;secret&gt;</c>) when the scenario leaves it empty.</summary>
    public string DeployKey { get; set; } = "";
    public string? Reference { get; set; }
    public bool IsDefault { get; set; } = true;
    /// <summary>Environment variables. Values of names containing KEY, SECRET, PASSWORD or TOKEN are secret.</summary>
    public Dictionary<string, string> Env { get; set; } = new Dictionary<string, string>();
    /// <summary>Simulates an old backend: every /api/v1/* path answers 404 with a plain-text body (get_canonical_urls too).</summary>
    public bool LegacyApiOnly { get; set; }
    /// <summary>
    /// What get_canonical_urls answers as <c>convexSiteUrl</c> (an https origin, e.g. <c>https://&lt;name&gt;.eu-west-1.convex.site</c>
    /// or a custom domain); null: <c>https://&lt;name&gt;.convex.site</c>.
    /// </summary>
    public string? SiteUrl { get; set; }
}

/// <summary>A WorkOS environment. DeploymentName links it to the deployment it was provisioned for (may be null).</summary>
public sealed class SandboxWorkOSEnvironment
{
    public string? DeploymentName { get; set; }
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string ClientId { get; set; } = "";
    /// <summary>Secret: the WORKOS_API_KEY that selects this environment on the WorkOS API.</summary>
    public string ApiKey { get; set; } = "";
    public bool IsProduction { get; set; }
    public List<string> RedirectUris { get; set; } = new List<string>();
    public List<string> CorsOrigins { get; set; } = new List<string>();
    public string? HomepageUrl { get; set; }
    /// <summary>
    /// Deleted in WorkOS (say, from its dashboard): WorkOS rejects its API key with 401, environment health answers
    /// WorkOSEnvironmentNotProvisioned and get-or-provision creates a new one. The deployment keeps its variables.
    /// </summary>
    public bool Deleted { get; set; }
    /// <summary>The environment's webhook endpoints, in creation order.</summary>
    public List<SandboxWebhookEndpoint> WebhookEndpoints { get; set; } = new List<SandboxWebhookEndpoint>();
}

/// <summary>A WorkOS webhook endpoint. Empty fields of a scenario's endpoint are generated.</summary>
public sealed class SandboxWebhookEndpoint
{
    /// <summary><c>we_</c> and a ULID.</summary>
    public string Id { get; set; } = "";
    public string EndpointUrl { get; set; } = "";
    /// <summary>Secret: signs the deliveries (the component's WORKOS_WEBHOOK_SECRET).</summary>
    public string Secret { get; set; } = "";
    /// <summary>enabled or disabled.</summary>
    public string Status { get; set; } = "enabled";
    public List<string> Events { get; set; } = new List<string>();
    /// <summary>ISO 8601 with milliseconds, e.g. <c>2026-01-15T12:00:00.000Z</c>; lists are ordered by it, then by id.</summary>
    public string CreatedAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
}

public sealed class SandboxWorkOSOptions
{
    /// <summary>409 (default, <c>duplicate_cors_origin</c>) or 422 (<c>cors_origin_already_exists</c>, "already exists").</summary>
    public int CorsDuplicateStatus { get; set; } = 409;
    /// <summary>PUT app_homepage_url answers 422 for localhost / 127.0.0.1 URLs.</summary>
    public bool HomepageRejectsLocalhost { get; set; }
    /// <summary>
    /// The most webhook endpoints one list page holds, whatever <c>limit</c> asks (so a scenario reaches a second page
    /// with few endpoints); null: the requested limit (default 10).
    /// </summary>
    public int? WebhookEndpointsPageSize { get; set; }
    /// <summary>Creating (or moving) an endpoint to a URL another endpoint has answers 409; false: WorkOS's reference does not say, so both may exist.</summary>
    public bool RejectDuplicateWebhookUrls { get; set; }
}

/// <summary>How often the provisioning endpoints were used (state, not log: survives ClearRequests).</summary>
public sealed class SandboxCounters
{
    public int GetOrProvisionCalls { get; set; }
    public int EnvironmentsProvisioned { get; set; }
    public int WorkOSTeamsProvisioned { get; set; }
    public int EnvironmentVariableUpdates { get; set; }
}
