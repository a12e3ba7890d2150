using System.Globalization;
using Convex.AuthKit.Sandbox.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Sandbox.Services;

/// <summary>
/// WorkOS's webhook-endpoint API (docs/protocol.md#workos-webhook-endpoints) for one environment: create, list
/// (cursor pages, newest first by default), update and delete. Each endpoint gets a generated secret.
/// </summary>
internal sealed class WorkOSWebhookEndpoints
{
    public const string Path = "/webhook_endpoints";

    private readonly SandboxState state;

    public WorkOSWebhookEndpoints(SandboxState state) => this.state = state;

    /// <summary>Whether the path is this API's: the collection or one endpoint below it.</summary>
    public static bool Serves(string path) => path == Path || (path.StartsWith(Path + "/", StringComparison.Ordinal) && path.Length > Path.Length + 1);

    public SandboxReply Handle(SandboxCall call, SandboxWorkOSEnvironment environment)
    {
        if (call.Path == Path)
        {
            if (call.Method == "GET") return List(environment, QueryHelpers.ParseQuery(call.Query));
            if (call.Method == "POST") return WithBody(call, body => Create(environment, body));
        }
        else
        {
            var id = call.Path.Substring(Path.Length + 1);
            if (call.Method == "PATCH") return WithBody(call, body => Update(environment, id, body));
            if (call.Method == "DELETE") return Delete(environment, id);
        }
        return SandboxReply.Error(404, "not_found", "No route for " + call.Method + " " + call.Path + ".");
    }

    private static SandboxReply WithBody(SandboxCall call, Func<JObject, SandboxReply> handle) =>
        call.JsonObject() is { } body ? handle(body) : SandboxReply.Error(400, "invalid_request", "The request body must be a JSON object.");

    private SandboxReply Create(SandboxWorkOSEnvironment environment, JObject body)
    {
        var failure = EndpointUrl(body, required: true, out var url);
        List<string>? events = null;
        failure ??= Events(body, required: true, out events);
        if (failure != null) return failure;
        if (DuplicateUrl(environment, url!, exceptId: null)) return Conflict();
        var now = SandboxIds.Timestamp();
        var endpoint = new SandboxWebhookEndpoint
        {
            Id = SandboxIds.WebhookEndpointId(),
            EndpointUrl = url!,
            Secret = SandboxIds.WebhookSecret(),
            Status = "enabled",
            Events = events!,
            CreatedAt = now,
            UpdatedAt = now,
        };
        environment.WebhookEndpoints.Add(endpoint);
        return SandboxReply.Json(201, ToJson(endpoint));
    }

    private SandboxReply Update(SandboxWorkOSEnvironment environment, string id, JObject body)
    {
        var endpoint = environment.WebhookEndpoints.FirstOrDefault(e => e.Id == id);
        if (endpoint == null) return NotFound(id);
        var failure = EndpointUrl(body, required: false, out var url);
        List<string>? events = null;
        string? status = null;
        failure ??= Events(body, required: false, out events);
        failure ??= Status(body, out status);
        if (failure != null) return failure;
        if (url != null && DuplicateUrl(environment, url, exceptId: id)) return Conflict();
        endpoint.EndpointUrl = url ?? endpoint.EndpointUrl;
        endpoint.Events = events ?? endpoint.Events;
        endpoint.Status = status ?? endpoint.Status;
        endpoint.UpdatedAt = SandboxIds.Timestamp();
        return SandboxReply.Json(200, ToJson(endpoint));
    }

    private static SandboxReply Delete(SandboxWorkOSEnvironment environment, string id)
    {
        var removed = environment.WebhookEndpoints.RemoveAll(e => e.Id == id);
        return removed == 0 ? NotFound(id) : SandboxReply.Empty(204);
    }

    /// <summary>
    /// One page, ordered by creation time (then id): <c>desc</c> (the default, also <c>normal</c>) or <c>asc</c>.
    /// <c>after</c> / <c>before</c> name an endpoint of the list; <c>list_metadata.after</c> is the last id of the
    /// page when more follow, <c>list_metadata.before</c> the first id when some precede.
    /// </summary>
    private SandboxReply List(SandboxWorkOSEnvironment environment, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        string? Param(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;
        var limit = WebhookEndpointRules.DefaultLimit;
        if (Param("limit") is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > WebhookEndpointRules.MaxLimit))
            return Invalid("limit", "invalid");
        var order = Param("order") ?? "desc";
        if (order != "asc" && order != "desc" && order != "normal") return Invalid("order", "invalid");
        var after = Param("after");
        var before = Param("before");
        if (after != null && before != null) return Invalid("before", "invalid");

        var ordered = environment.WebhookEndpoints
            .OrderBy(e => e.CreatedAt, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (order != "asc") ordered.Reverse();
        var cursor = after ?? before;
        var at = cursor == null ? -1 : ordered.FindIndex(e => e.Id == cursor);
        if (cursor != null && at < 0) return Invalid(after != null ? "after" : "before", "invalid");

        var size = Math.Min(limit, state.Workos.WebhookEndpointsPageSize ?? limit);
        var start = before != null ? Math.Max(0, at - size) : at + 1;
        var end = before != null ? at : Math.Min(ordered.Count, start + size);
        var page = ordered.GetRange(start, end - start);
        return SandboxReply.Json(200, new JObject
        {
            ["object"] = "list",
            ["data"] = new JArray(page.Select(ToJson)),
            ["list_metadata"] = new JObject
            {
                ["before"] = page.Count > 0 && start > 0 ? page[0].Id : null,
                ["after"] = page.Count > 0 && end < ordered.Count ? page[page.Count - 1].Id : null,
            },
        });
    }

    private bool DuplicateUrl(SandboxWorkOSEnvironment environment, string url, string? exceptId) =>
        state.Workos.RejectDuplicateWebhookUrls && environment.WebhookEndpoints.Any(e => e.Id != exceptId && e.EndpointUrl == url);

    private static SandboxReply? EndpointUrl(JObject body, bool required, out string? url)
    {
        url = null;
        var token = body["endpoint_url"];
        if (token == null) return required ? Invalid("endpoint_url", "required") : null;
        if (token.Type != JTokenType.String || !WebhookEndpointRules.IsHttpsUrl((string)token!)) return Invalid("endpoint_url", "invalid");
        url = (string)token!;
        return null;
    }

    private static SandboxReply? Events(JObject body, bool required, out List<string>? events)
    {
        events = null;
        var token = body["events"];
        if (token == null) return required ? Invalid("events", "required") : null;
        if (token is not JArray array || array.Count == 0 || array.Any(e => e.Type != JTokenType.String)) return Invalid("events", "invalid");
        var names = array.Select(e => (string)e!).ToList();
        var unknown = names.FirstOrDefault(name => !WebhookEndpointRules.KnownEvents.Contains(name));
        if (unknown != null) return Invalid("events", "invalid", $"'{unknown}' is not a valid event.");
        events = names.Distinct(StringComparer.Ordinal).ToList();
        return null;
    }

    private static SandboxReply? Status(JObject body, out string? status)
    {
        status = null;
        var token = body["status"];
        if (token == null) return null;
        if (token.Type != JTokenType.String || !WebhookEndpointRules.IsStatus((string)token!)) return Invalid("status", "invalid");
        status = (string)token!;
        return null;
    }

    /// <summary>422 unprocessable_entity with one <c>{field, code}</c> entry (and a message when it helps), as WorkOS validation errors look.</summary>
    private static SandboxReply Invalid(string field, string code, string? message = null)
    {
        var error = new JObject { ["field"] = field, ["code"] = code };
        if (message != null) error["message"] = message;
        return SandboxReply.Json(422, new JObject
        {
            ["code"] = "unprocessable_entity",
            ["message"] = "Validation failed",
            ["errors"] = new JArray(error),
        });
    }

    private static SandboxReply NotFound(string id) =>
        SandboxReply.Error(404, "entity_not_found", $"Could not find a webhook endpoint with id '{id}'.");

    private static SandboxReply Conflict() =>
        SandboxReply.Error(409, "conflict", "A webhook endpoint with this endpoint_url already exists.");

    private static JObject ToJson(SandboxWebhookEndpoint endpoint) => new()
    {
        ["object"] = "webhook_endpoint",
        ["id"] = endpoint.Id,
        ["endpoint_url"] = endpoint.EndpointUrl,
        ["secret"] = endpoint.Secret,
        ["status"] = endpoint.Status,
        ["events"] = new JArray(endpoint.Events.Cast<object>().ToArray()),
        ["created_at"] = endpoint.CreatedAt,
        ["updated_at"] = endpoint.UpdatedAt,
    };
}
