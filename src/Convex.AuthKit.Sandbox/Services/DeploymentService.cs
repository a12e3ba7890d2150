using System.Text;
using System.Text.RegularExpressions;
using Convex.AuthKit.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Sandbox.Services;

/// <summary>
/// A deployment's HTTP API (docs/protocol.md#deployment-api): the public /api/v1 variable endpoints and canonical URLs, the CLI's
/// update path and the system queries on /api/query. The key in <c>Authorization: Convex &lt;key&gt;</c> selects the deployment.
/// </summary>
internal sealed class DeploymentService
{
    private const string ListQuery = "_system/cli/queryEnvironmentVariables";
    private const string GetQuery = "_system/cli/queryEnvironmentVariables:get";
    private const int MaxValueBytes = 8192;
    private static readonly Regex VariableName = new Regex("^[a-zA-Z_][a-zA-Z0-9_]{0,39}$", RegexOptions.CultureInvariant);
    private static readonly string[] Routes =
    {
        "GET /api/v1/list_environment_variables",
        "GET /api/v1/get_canonical_urls",
        "POST /api/v1/update_environment_variables",
        "POST /api/update_environment_variables",
        "POST /api/query",
    };

    private readonly SandboxState state;
    private readonly Func<string> deploymentOrigin;

    /// <param name="deploymentOrigin">The origin all deployments share (what Big Brain answers as their URL).</param>
    public DeploymentService(SandboxState state, Func<string> deploymentOrigin)
    {
        this.state = state;
        this.deploymentOrigin = deploymentOrigin;
    }

    public SandboxReply Handle(SandboxCall call)
    {
        var route = call.Method + " " + call.Path;
        if (!Routes.Contains(route)) return NotFound();
        var credential = call.Credential;
        switch (credential.Kind)
        {
            case SandboxAuthKind.AdminKey:
            case SandboxAuthKind.DeployKey:
                break;
            case SandboxAuthKind.None:
                return SandboxReply.Error(401, "MissingAdminKey", "This endpoint requires an admin key: send Authorization: Convex <admin key>.");
            case SandboxAuthKind.Malformed:
                return SandboxReply.Error(401, "UnexpectedAuthHeaderFormat", "Expected the Authorization header to be \"Convex <admin key>\".");
            default:
                return SandboxReply.Error(401, "BadAdminKey", "The provided admin key was invalid for this instance.");
        }
        var deployment = credential.Deployment!;
        if (deployment.LegacyApiOnly && call.Path.StartsWith("/api/v1/", StringComparison.Ordinal)) return NotFound();

        switch (route)
        {
            case "GET /api/v1/list_environment_variables":
                return SandboxReply.Json(200, new JObject { ["environmentVariables"] = JObject.FromObject(Sorted(deployment.Env)) });
            case "GET /api/v1/get_canonical_urls":
                return SandboxReply.Json(200, new JObject
                {
                    ["convexCloudUrl"] = deploymentOrigin(),
                    ["convexSiteUrl"] = deployment.SiteUrl ?? "https://" + deployment.Name + ".convex.site",
                });
            case "POST /api/query":
                return Query(call, deployment);
            default:
                return Update(call, deployment);
        }
    }

    /// <summary>What an unknown route gets: 404 with a plain-text body (no JSON <c>code</c>).</summary>
    private static SandboxReply NotFound() => SandboxReply.Text(404, "Not Found");

    private static SortedDictionary<string, string> Sorted(Dictionary<string, string> env) =>
        new SortedDictionary<string, string>(env, StringComparer.Ordinal);

    private SandboxReply Update(SandboxCall call, SandboxDeployment deployment)
    {
        if (call.JsonObject()?["changes"] is not JArray changes)
            return SandboxReply.Error(400, "InvalidRequest", "The body needs changes (an array of {name, value}).");
        var parsed = new List<KeyValuePair<string, string?>>();
        foreach (var change in changes)
        {
            var name = change is JObject o && o["name"]?.Type == JTokenType.String ? (string?)o["name"] : null;
            if (name == null || !VariableName.IsMatch(name))
                return SandboxReply.Error(400, "InvalidEnvironmentVariableName",
                    "Environment variable names start with a letter or _, hold only letters, digits and _, and have at most 40 characters.");
            var value = change["value"];
            if (value == null || (value.Type != JTokenType.String && value.Type != JTokenType.Null))
                return SandboxReply.Error(400, "InvalidEnvironmentVariableValue", $"The value of {name} must be a string, or null to delete it.");
            var text = value.Type == JTokenType.Null ? null : (string?)value;
            if (text != null && Encoding.UTF8.GetByteCount(text) > MaxValueBytes)
                return SandboxReply.Error(400, "EnvironmentVariableValueTooLarge", $"The value of {name} is larger than {MaxValueBytes} bytes.");
            if (parsed.Any(p => p.Key == name))
                return SandboxReply.Error(400, "DuplicateEnvironmentVariable", $"{name} appears more than once in changes.");
            parsed.Add(new KeyValuePair<string, string?>(name, text));
        }
        foreach (var change in parsed)
        {
            if (change.Value == null) deployment.Env.Remove(change.Key);
            else deployment.Env[change.Key] = change.Value;
        }
        state.Counters.EnvironmentVariableUpdates++;
        return SandboxReply.Empty(200);
    }

    private static SandboxReply Query(SandboxCall call, SandboxDeployment deployment)
    {
        var body = call.JsonObject();
        var path = BigBrainService.StringField(body, "path");
        if (path == null || body!["args"] is not JArray args)
            return SandboxReply.Error(400, "InvalidRequest", "The body needs path (a string) and args (an array).");
        if (args.Count > 1 || (args.Count == 1 && args[0] is not JObject))
            return FunctionError("args must hold at most one object.");
        var arguments = args.Count == 1 ? (JObject)args[0] : new JObject();

        if (path == ListQuery || path == ListQuery + ":default")
        {
            var list = new JArray(Sorted(deployment.Env).Select(p => new JObject { ["name"] = p.Key, ["value"] = p.Value }));
            return Success(list);
        }
        if (path == GetQuery)
        {
            var name = BigBrainService.StringField(arguments, "name");
            if (name == null) return FunctionError("ArgumentValidationError: Object is missing the required field `name`.");
            return Success(deployment.Env.TryGetValue(name, out var value)
                ? new JObject { ["name"] = name, ["value"] = value }
                : JValue.CreateNull());
        }
        return FunctionError($"Could not find public function for '{path}'. Did you forget to run `npx convex dev` or `npx convex deploy`?");
    }

    private static SandboxReply Success(JToken value) =>
        SandboxReply.Json(200, new JObject { ["status"] = "success", ["value"] = value, ["logLines"] = new JArray() });

    /// <summary>A failed function: HTTP 560 with the error envelope (docs/protocol.md#deployment-api).</summary>
    private static SandboxReply FunctionError(string message) =>
        SandboxReply.Json(560, new JObject { ["status"] = "error", ["errorMessage"] = message, ["logLines"] = new JArray() });
}
