using System.Globalization;
using System.Net.Http.Headers;
using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.Http;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>
/// Convex's management API ("Big Brain", docs/protocol.md#big-brain-endpoints): the calls the AuthKit flow needs, with the CLI's bodies.
/// Error statuses throw <see cref="ServiceException"/> carrying the service's <c>code</c>.
/// </summary>
internal sealed class BigBrainClient
{
    private readonly ResilientHttpClient _http;
    private readonly Uri _provisionHost;
    private readonly string _bearerCredential;

    /// <param name="provisionHost"><c>{PH}</c>: <c>CONVEX_PROVISION_HOST</c> or <c>https://api.convex.dev</c>; paths resolve to <c>{PH}/api/...</c>.</param>
    /// <param name="bearerCredential">Access token or key, sent as <c>Authorization: Bearer</c>. Secret.</param>
    public BigBrainClient(ResilientHttpClient http, Uri provisionHost, string bearerCredential)
    {
        _http = http;
        _provisionHost = provisionHost;
        _bearerCredential = bearerCredential;
    }

    /// <summary>The calls this client makes, below <c>{PH}</c>.</summary>
    public static class Endpoints
    {
        private const string Service = "Convex management API";

        public static readonly Endpoint AuthorizeWithinCurrentProject = new(HttpMethod.Post, Service, "api/deployment/authorize_within_current_project");
        public static readonly Endpoint UrlForKey = new(HttpMethod.Post, Service, "api/deployment/url_for_key");
        public static readonly Endpoint HasAssociatedWorkOSTeam = new(HttpMethod.Post, Service, "api/workos/has_associated_workos_team");
        public static readonly Endpoint GetOrProvisionWorkOSEnvironment = new(HttpMethod.Post, Service, "api/workos/get_or_provision_workos_environment");
        public static readonly Endpoint AvailableWorkOSTeamEmails = new(HttpMethod.Get, Service, "api/workos/available_workos_team_emails");
        public static readonly Endpoint ProvisionAssociatedWorkOSTeam = new(HttpMethod.Post, Service, "api/workos/provision_associated_workos_team");

        /// <summary>Read by the status only, never by the build.</summary>
        public static Endpoint WorkOSEnvironmentHealth(string deploymentName) =>
            new(HttpMethod.Get, Service, $"api/deployments/{Uri.EscapeDataString(deploymentName)}/workos_environment_health");

        /// <summary>Read by the status only, never by the build.</summary>
        public static Endpoint WorkOSTeamHealth(long teamId) =>
            new(HttpMethod.Get, Service, $"api/teams/{teamId.ToString(CultureInfo.InvariantCulture)}/workos_team_health");
    }

    /// <summary><c>POST deployment/authorize_within_current_project</c> (docs/protocol.md#big-brain-endpoints).</summary>
    /// <param name="deploymentType">The type parsed from <c>CONVEX_DEPLOYMENT</c> (e.g. <c>dev</c>), or null for a legacy value.</param>
    public async Task<DeploymentCredentials> AuthorizeWithinCurrentProjectAsync(string deploymentName, string? deploymentType, CancellationToken cancellationToken)
    {
        var body = new JObject
        {
            ["selectedDeploymentName"] = deploymentName,
            ["projectSelection"] = new JObject
            {
                ["kind"] = "deploymentName",
                ["deploymentName"] = deploymentName,
                ["deploymentType"] = deploymentType,
            },
        };
        var json = await SendAsync(Endpoints.AuthorizeWithinCurrentProject, body, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        var adminKey = json.RequiredId("adminKey");
        var url = ParseDeploymentUrl(json, json.RequiredString("url"));
        var name = json.OptionalString("deploymentName") != null ? json.RequiredId("deploymentName") : deploymentName;
        return new DeploymentCredentials(name, url, adminKey, json.OptionalString("deploymentType"));
    }

    /// <summary>
    /// <c>POST deployment/url_for_key</c> (docs/protocol.md#big-brain-endpoints). Accepts a bare JSON string, or an object with a <c>url</c> or
    /// <c>deploymentUrl</c> field.
    /// </summary>
    /// <param name="deployKey">Secret.</param>
    public async Task<Uri> UrlForKeyAsync(string deployKey, CancellationToken cancellationToken)
    {
        var body = new JObject { ["deployKey"] = deployKey };
        var json = await SendAsync(Endpoints.UrlForKey, body, RetryMode.Idempotent, cancellationToken, deployKey).ConfigureAwait(false);
        if (json.Root.Type == JTokenType.String)
        {
            return ParseDeploymentUrl(json, (string)json.Root!);
        }

        if (json.Root is JObject)
        {
            var url = json.OptionalString("url") ?? json.OptionalString("deploymentUrl")
                ?? throw json.Malformed("expected a URL string, or an object with a 'url' or 'deploymentUrl' field");
            return ParseDeploymentUrl(json, url);
        }

        throw json.Malformed("expected a URL string, or an object with a 'url' or 'deploymentUrl' field");
    }

    /// <summary><c>POST workos/has_associated_workos_team</c> (docs/protocol.md#big-brain-endpoints).</summary>
    public async Task<WorkOSTeamAssociation> HasAssociatedWorkOSTeamAsync(string deploymentName, CancellationToken cancellationToken)
    {
        var body = new JObject { ["deploymentName"] = deploymentName };
        var json = await SendAsync(Endpoints.HasAssociatedWorkOSTeam, body, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        return new WorkOSTeamAssociation(
            json.RequiredBool("hasAssociatedWorkosTeam"),
            json.RequiredInt64("teamId"),
            json.Truthy("disabled"),
            json.OptionalString("adminEmail"));
    }

    /// <summary>
    /// <c>POST workos/get_or_provision_workos_environment</c> with the CLI's body <c>{"deploymentName","environmentType"}</c> (docs/protocol.md#big-brain-endpoints).
    /// </summary>
    /// <param name="environmentType"><c>nonproduction</c> or <c>production</c>.</param>
    public async Task<ProvisionedEnvironment> GetOrProvisionWorkOSEnvironmentAsync(string deploymentName, string environmentType, CancellationToken cancellationToken)
    {
        var body = new JObject { ["deploymentName"] = deploymentName, ["environmentType"] = environmentType };
        var json = await SendAsync(Endpoints.GetOrProvisionWorkOSEnvironment, body, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        return new ProvisionedEnvironment(
            json.RequiredLine("environmentName"),
            json.RequiredBool("newlyProvisioned"),
            new WorkOSCredentials(json.RequiredId("clientId"), json.RequiredId("apiKey"), json.RequiredId("environmentId")));
    }

    /// <summary><c>GET workos/available_workos_team_emails</c> (docs/protocol.md#big-brain-endpoints).</summary>
    public async Task<AvailableWorkOSTeamEmails> AvailableWorkOSTeamEmailsAsync(CancellationToken cancellationToken)
    {
        var json = await SendAsync(Endpoints.AvailableWorkOSTeamEmails, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        return new AvailableWorkOSTeamEmails(StringArray(json, "availableEmails"), StringArray(json, "usedEmails"));
    }

    /// <summary>
    /// <c>POST workos/provision_associated_workos_team</c> (docs/protocol.md#big-brain-endpoints). Not idempotent: retried only on 429/503.
    /// An email that already has a WorkOS account answers code <see cref="ConvexErrorCodes.WorkosAccountAlreadyExistsWithThisEmail"/>.
    /// </summary>
    public async Task<ProvisionedWorkOSTeam> ProvisionAssociatedWorkOSTeamAsync(long teamId, string email, CancellationToken cancellationToken)
    {
        var body = new JObject { ["teamId"] = teamId, ["email"] = email };
        var json = await SendAsync(Endpoints.ProvisionAssociatedWorkOSTeam, body, RetryMode.ThrottleOnly, cancellationToken).ConfigureAwait(false);
        return new ProvisionedWorkOSTeam(json.RequiredId("workosTeamId"), json.RequiredLine("workosTeamName"), json.RequiredLine("adminEmail"));
    }

    /// <summary>
    /// <c>GET deployments/&lt;name&gt;/workos_environment_health</c> (docs/protocol.md#big-brain-endpoints). Decided by the error body's code,
    /// not the status: <see cref="ConvexErrorCodes.WorkOSEnvironmentNotProvisioned"/> is <see cref="WorkOSEnvironmentHealth.Missing"/>.
    /// </summary>
    public async Task<WorkOSEnvironmentHealth> WorkOSEnvironmentHealthAsync(string deploymentName, CancellationToken cancellationToken)
    {
        JsonResponse json;
        try
        {
            json = await SendAsync(Endpoints.WorkOSEnvironmentHealth(deploymentName), null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException e) when (e.Code == ConvexErrorCodes.WorkOSEnvironmentNotProvisioned)
        {
            return WorkOSEnvironmentHealth.Missing;
        }
        return WorkOSEnvironmentHealth.Found(json.RequiredId("id"), json.RequiredLine("name"), json.RequiredId("clientId"));
    }

    /// <summary><c>GET teams/&lt;teamId&gt;/workos_team_health</c> (docs/protocol.md#big-brain-endpoints); <c>teamId</c> comes from the team question.</summary>
    public async Task<WorkOSTeamHealth> WorkOSTeamHealthAsync(long teamId, CancellationToken cancellationToken)
    {
        var json = await SendAsync(Endpoints.WorkOSTeamHealth(teamId), null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        var provisioned = json.RequiredBool("teamProvisioned");
        var info = json.Object["teamInfo"];
        if (info == null || info.Type == JTokenType.Null) return new WorkOSTeamHealth(provisioned, null, null, null);
        if (!(info is JObject team)) throw json.Malformed("field 'teamInfo' is not an object");
        string? Text(string name) => team[name]?.Type == JTokenType.String ? (string?)team[name] : null;
        var state = Text("productionState") ?? throw json.Malformed("missing string field 'teamInfo.productionState'");
        return new WorkOSTeamHealth(provisioned, Text("id"), Text("name"), state);
    }

    private async Task<JsonResponse> SendAsync(Endpoint endpoint, JObject? body, RetryMode mode, CancellationToken cancellationToken, string? otherSecret = null)
    {
        var uri = JsonRequest.Combine(_provisionHost, endpoint.Path);
        var result = await _http.SendAsync(
            ServiceKind.BigBrain,
            () => JsonRequest.Create(endpoint.Method, uri, body, new AuthenticationHeaderValue("Bearer", _bearerCredential), ConvexHeaders()),
            mode,
            cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw ServiceErrorBody.ToException(ServiceKind.BigBrain, result, new[] { _bearerCredential, otherSecret });
        }

        return JsonResponse.Parse(ServiceKind.BigBrain, result);
    }

    internal static IEnumerable<KeyValuePair<string, string>> ConvexHeaders() =>
        new[] { new KeyValuePair<string, string>(ConvexClientInfo.HeaderName, ConvexClientInfo.HeaderValue) };

    private static Uri ParseDeploymentUrl(JsonResponse json, string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp))
        {
            return parsed;
        }

        throw json.Malformed("the deployment URL is not an absolute http(s) URL");
    }

    private static List<string> StringArray(JsonResponse json, string name)
    {
        var array = json.RequiredArray(name);
        if (array.Any(item => item.Type != JTokenType.String))
        {
            throw json.Malformed($"field '{name}' is not an array of strings");
        }

        return array.Select(item => (string)item!).ToList();
    }
}
