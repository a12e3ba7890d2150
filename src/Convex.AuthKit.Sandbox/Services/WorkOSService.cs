using Convex.AuthKit.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Sandbox.Services;

/// <summary>
/// WorkOS's three configuration endpoints (docs/protocol.md#workos-api) and its webhook-endpoint API. The API key in
/// <c>Bearer</c> selects the environment.
/// </summary>
internal sealed class WorkOSService
{
    private readonly SandboxState state;
    private readonly WorkOSWebhookEndpoints webhookEndpoints;

    public WorkOSService(SandboxState state)
    {
        this.state = state;
        webhookEndpoints = new WorkOSWebhookEndpoints(state);
    }

    public SandboxReply Handle(SandboxCall call)
    {
        var route = call.Method + " " + call.Path;
        var isWebhookRoute = WorkOSWebhookEndpoints.Serves(call.Path);
        if (route != "POST /user_management/redirect_uris" && route != "POST /user_management/cors_origins"
            && route != "PUT /user_management/app_homepage_url" && !isWebhookRoute)
            return SandboxReply.Error(404, "not_found", "No route for " + route + ".");
        var environment = call.Credential.WorkOSEnvironment;
        if (environment == null)
            return SandboxReply.Error(401, "unauthorized", "Could not authorize the request. Maybe your API key is invalid?");
        if (isWebhookRoute) return webhookEndpoints.Handle(call, environment);
        var body = call.JsonObject();
        if (body == null) return SandboxReply.Error(400, "invalid_request", "The request body must be a JSON object.");

        switch (route)
        {
            case "POST /user_management/redirect_uris":
                return AddRedirectUri(environment, body);
            case "POST /user_management/cors_origins":
                return AddCorsOrigin(environment, body);
            default:
                return SetHomepage(environment, body);
        }
    }


    /// <summary>422 unprocessable_entity with one <c>{field, code}</c> entry, as WorkOS validation errors look.</summary>
    private static SandboxReply Invalid(string field, string code) =>
        SandboxReply.Json(422, new JObject
        {
            ["code"] = "unprocessable_entity",
            ["message"] = "Validation failed",
            ["errors"] = new JArray(new JObject { ["field"] = field, ["code"] = code }),
        });

    /// <summary>The field as a non-empty string, or the 422 that a missing / non-string field gets.</summary>
    private static string? Field(JObject body, string field, out SandboxReply? failure)
    {
        failure = null;
        var token = body[field];
        if (token == null || token.Type == JTokenType.Null || (token.Type == JTokenType.String && ((string?)token)!.Length == 0))
            failure = Invalid(field, "required");
        else if (token.Type != JTokenType.String) failure = Invalid(field, "invalid");
        return failure == null ? (string?)token : null;
    }

    private static bool IsAbsolute(string value, bool httpOnly) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (!httpOnly || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static SandboxReply AddRedirectUri(SandboxWorkOSEnvironment environment, JObject body)
    {
        var uri = Field(body, "uri", out var failure);
        if (failure != null) return failure;
        if (!IsAbsolute(uri!, httpOnly: false)) return Invalid("uri", "invalid");
        if (environment.RedirectUris.Contains(uri!))
            return SandboxReply.Error(422, "redirect_uri_already_exists", "Redirect URI already exists");
        var isDefault = environment.RedirectUris.Count == 0;
        environment.RedirectUris.Add(uri!);
        var now = SandboxIds.Timestamp();
        return SandboxReply.Json(201, new JObject
        {
            ["object"] = "redirect_uri",
            ["id"] = "redir_" + SandboxIds.Ulid(),
            ["uri"] = uri,
            ["default"] = isDefault,
            ["created_at"] = now,
            ["updated_at"] = now,
        });
    }

    private SandboxReply AddCorsOrigin(SandboxWorkOSEnvironment environment, JObject body)
    {
        var origin = Field(body, "origin", out var failure);
        if (failure != null) return failure;
        if (!IsAbsolute(origin!, httpOnly: true) || new Uri(origin!).PathAndQuery != "/" || origin!.EndsWith('/'))
            return Invalid("origin", "invalid");
        if (environment.CorsOrigins.Contains(origin))
        {
            return state.Workos.CorsDuplicateStatus == 422
                ? SandboxReply.Error(422, "cors_origin_already_exists", "CORS origin already exists")
                : SandboxReply.Error(409, "duplicate_cors_origin", "CORS origin already exists");
        }
        environment.CorsOrigins.Add(origin);
        var now = SandboxIds.Timestamp();
        return SandboxReply.Json(201, new JObject
        {
            ["object"] = "cors_origin",
            ["id"] = "cors_origin_" + SandboxIds.Ulid(),
            ["origin"] = origin,
            ["created_at"] = now,
            ["updated_at"] = now,
        });
    }

    private SandboxReply SetHomepage(SandboxWorkOSEnvironment environment, JObject body)
    {
        var url = Field(body, "url", out var failure);
        if (failure != null) return failure;
        if (!IsAbsolute(url!, httpOnly: true)) return Invalid("url", "invalid");
        var host = new Uri(url!).Host;
        if (state.Workos.HomepageRejectsLocalhost && (host == "localhost" || host == "127.0.0.1" || host == "[::1]"))
            return Invalid("url", "localhost_not_allowed");
        environment.HomepageUrl = url;
        return SandboxReply.Json(200, new JObject { ["object"] = "app_homepage_url", ["url"] = url });
    }
}
