using System.Net.Http.Headers;
using Convex.AuthKit.Build.Http;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>
/// A Convex deployment's environment variables (docs/architecture.md#deployment-variables-through-the-public-api): the public v1 API, falling back to the CLI's
/// paths (docs/protocol.md#deployment-api) when a v1 path answers 404 without a JSON error body — a deployment that predates it.
/// </summary>
internal sealed partial class DeploymentClient
{
    private readonly ResilientHttpClient _http;
    private readonly Uri _deploymentUrl;
    private readonly string _adminKey;
    private volatile bool _useCliPaths;

    /// <param name="adminKey">Admin or deploy key, sent as <c>Authorization: Convex &lt;key&gt;</c>. Secret.</param>
    public DeploymentClient(ResilientHttpClient http, Uri deploymentUrl, string adminKey)
    {
        _http = http;
        _deploymentUrl = deploymentUrl;
        _adminKey = adminKey;
    }

    /// <summary>The calls this client makes, below the deployment's URL.</summary>
    public static class Endpoints
    {
        private const string Service = "deployment";

        public static readonly Endpoint ListEnvironmentVariables = new(HttpMethod.Get, Service, "api/v1/list_environment_variables");
        public static readonly Endpoint UpdateEnvironmentVariables = new(HttpMethod.Post, Service, "api/v1/update_environment_variables");
        public static readonly Endpoint CliQueryEnvironmentVariables = new(HttpMethod.Post, Service, "api/query", "_system/cli/queryEnvironmentVariables");
        public static readonly Endpoint CliUpdateEnvironmentVariables = new(HttpMethod.Post, Service, "api/update_environment_variables");
    }

    /// <summary>The call that lists the variables, as this client now makes it.</summary>
    public Endpoint ListEnvironmentVariablesEndpoint => _useCliPaths ? Endpoints.CliQueryEnvironmentVariables : Endpoints.ListEnvironmentVariables;

    /// <summary>The call that writes variables, as this client now makes it.</summary>
    public Endpoint UpdateEnvironmentVariablesEndpoint => _useCliPaths ? Endpoints.CliUpdateEnvironmentVariables : Endpoints.UpdateEnvironmentVariables;

    /// <summary>Every variable of the deployment, in one call. Values may be secrets.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ListEnvironmentVariablesAsync(CancellationToken cancellationToken)
    {
        if (!_useCliPaths)
        {
            var result = await SendAsync(Endpoints.ListEnvironmentVariables, null, cancellationToken).ConfigureAwait(false);
            if (!IsMissingRoute(result))
            {
                EnsureSuccess(result, Array.Empty<string>());
                var json = JsonResponse.Parse(ServiceKind.Deployment, result);
                var variables = json.RequiredObject("environmentVariables");
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in variables.Properties())
                {
                    map[property.Name] = property.Value.Type == JTokenType.String
                        ? (string)property.Value!
                        : throw json.Malformed($"variable '{property.Name}' has a value that is not a string");
                }

                return map;
            }

            _useCliPaths = true;
        }

        return await ListThroughSystemQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies <paramref name="changes"/> in one call; a null value deletes the variable.</summary>
    public async Task UpdateEnvironmentVariablesAsync(IReadOnlyList<EnvironmentVariableChange> changes, CancellationToken cancellationToken)
    {
        var body = new JObject
        {
            ["changes"] = new JArray(changes.Select(change => new JObject { ["name"] = change.Name, ["value"] = change.Value })),
        };
        var secrets = changes.Select(change => change.Value).ToArray();

        if (!_useCliPaths)
        {
            var result = await SendAsync(Endpoints.UpdateEnvironmentVariables, body, cancellationToken).ConfigureAwait(false);
            if (!IsMissingRoute(result))
            {
                EnsureSuccess(result, secrets);
                return;
            }

            _useCliPaths = true;
        }

        var legacy = await SendAsync(Endpoints.CliUpdateEnvironmentVariables, body, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(legacy, secrets);
    }

    /// <summary>
    /// <c>POST /api/query</c> running <c>_system/cli/queryEnvironmentVariables</c> with args <c>[{}]</c>; the value is an
    /// array of <c>{name, value}</c>. A failed function answers 560 (or 200) with <c>{"status":"error","errorMessage"}</c>.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> ListThroughSystemQueryAsync(CancellationToken cancellationToken)
    {
        var body = new JObject
        {
            ["path"] = Endpoints.CliQueryEnvironmentVariables.Function,
            ["format"] = "convex_encoded_json",
            ["args"] = new JArray(new JObject()),
        };
        var result = await SendAsync(Endpoints.CliQueryEnvironmentVariables, body, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess && result.Status != 560)
        {
            EnsureSuccess(result, Array.Empty<string>());
        }

        var json = JsonResponse.Parse(ServiceKind.Deployment, result);
        var status = json.OptionalString("status");
        if (status == "error")
        {
            var errorData = json.Object["errorData"] as JObject;
            var code = errorData?["code"]?.Type == JTokenType.String ? (string?)errorData["code"] : null;
            throw new ServiceException(
                ServiceKind.Deployment, result.Method, result.RequestUri, result.Status, result.ReasonPhrase,
                ServiceErrorBody.Redact(code, new[] { _adminKey }),
                ServiceErrorBody.Redact(json.OptionalString("errorMessage"), new[] { _adminKey }));
        }

        if (status != "success")
        {
            throw json.Malformed("expected 'status' to be 'success' or 'error'");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!(json.Object["value"] is JArray entries))
        {
            throw json.Malformed("expected 'value' to be an array of {name, value}");
        }

        foreach (var entry in entries)
        {
            if (!(entry is JObject item) || item["name"]?.Type != JTokenType.String || item["value"]?.Type != JTokenType.String)
            {
                throw json.Malformed("expected 'value' to be an array of {name, value}");
            }

            map[(string)item["name"]!] = (string)item["value"]!;
        }

        return map;
    }

    private Task<HttpResult> SendAsync(Endpoint endpoint, JObject? body, CancellationToken cancellationToken)
    {
        var uri = JsonRequest.Combine(_deploymentUrl, endpoint.Path);
        return _http.SendAsync(
            ServiceKind.Deployment,
            () => JsonRequest.Create(endpoint.Method, uri, body, new AuthenticationHeaderValue("Convex", _adminKey), BigBrainClient.ConvexHeaders()),
            RetryMode.Idempotent,
            cancellationToken);
    }

    /// <summary>A 404 without a JSON error body: the route doesn't exist (Convex's own errors carry <c>{code, message}</c>).</summary>
    private static bool IsMissingRoute(HttpResult result) =>
        result.Status == 404 && !(JsonBody.TryParse(result.Body) is JObject);

    private void EnsureSuccess(HttpResult result, IEnumerable<string?> secrets)
    {
        if (!result.IsSuccess)
        {
            throw ServiceErrorBody.ToException(ServiceKind.Deployment, result, secrets.Concat(new[] { _adminKey }));
        }
    }
}
