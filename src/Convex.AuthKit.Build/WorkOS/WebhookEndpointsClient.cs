using System.Globalization;
using System.Net.Http.Headers;
using Convex.AuthKit.Build.Http;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.WorkOS;

/// <summary>
/// WorkOS's webhook-endpoint API (docs/protocol.md#workos-webhook-endpoints) with <c>Authorization: Bearer
/// &lt;WORKOS_API_KEY&gt;</c>: list every page, create, update, delete. An error status throws
/// <see cref="ServiceException"/> whose message carries WorkOS's reason (its <c>message</c> and each
/// <c>errors</c> entry), except a 404 to a delete, which means the endpoint is already gone. Values WorkOS answers
/// are checked for form; an endpoint's secret never reaches an exception or a log.
/// </summary>
internal sealed class WebhookEndpointsClient
{
    /// <summary>The page size asked for: the most WorkOS allows.</summary>
    public const int PageLimit = 100;

    /// <summary>Pages followed at most (a cursor that never ends is a malformed answer, not a reason to loop).</summary>
    public const int MaxPages = 100;

    private const string Service = "WorkOS";
    private const string Collection = "webhook_endpoints";
    private const int MaxIdLength = 200;
    private const int MaxUrlLength = 2048;
    private const int MaxSecretLength = 1024;
    private const int MaxReasonLength = 500;

    private static readonly HttpMethod Patch = new("PATCH");

    private readonly ResilientHttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _apiKey;

    /// <param name="baseUrl">The WorkOS API base URL, as for <see cref="WorkOSClient"/>.</param>
    /// <param name="apiKey">The environment's API key. Secret.</param>
    public WebhookEndpointsClient(ResilientHttpClient http, Uri baseUrl, string apiKey)
    {
        _http = http;
        _baseUrl = baseUrl;
        _apiKey = apiKey;
    }

    /// <summary>The calls this client makes, below the WorkOS API's base URL.</summary>
    public static class Calls
    {
        public static readonly Endpoint List = new(HttpMethod.Get, Service, Collection);
        public static readonly Endpoint Create = new(HttpMethod.Post, Service, Collection);

        public static Endpoint Update(string id) => new(Patch, Service, Collection + "/" + Uri.EscapeDataString(id));

        public static Endpoint Delete(string id) => new(HttpMethod.Delete, Service, Collection + "/" + Uri.EscapeDataString(id));
    }

    /// <summary>
    /// Every endpoint of the environment, page by page (<c>limit=100</c>, WorkOS's default order, newest first),
    /// following <c>list_metadata.after</c> until it is null. One round trip per page.
    /// </summary>
    public async Task<IReadOnlyList<WebhookEndpoint>> ListAllAsync(CancellationToken cancellationToken)
    {
        var endpoints = new List<WebhookEndpoint>();
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        for (var page = 1; ; page++)
        {
            var pageCall = Calls.List with
            {
                Path = Calls.List.Path + "?limit=" + PageLimit.ToString(CultureInfo.InvariantCulture) + (after == null ? "" : "&after=" + Uri.EscapeDataString(after)),
            };
            var json = await SendAsync(pageCall, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
            foreach (var item in json.RequiredArray("data"))
            {
                endpoints.Add(ReadEndpoint(json, item as JObject ?? throw json.Malformed("an entry of 'data' is not an object")));
            }

            var metadata = json.RequiredObject("list_metadata");
            var next = metadata["after"];
            if (next == null || next.Type == JTokenType.Null)
            {
                return endpoints;
            }

            after = next.Type == JTokenType.String ? Token((string)next!, MaxIdLength) : null;
            if (after == null)
            {
                throw json.Malformed("field 'list_metadata.after' is not an id");
            }

            if (!cursors.Add(after) || page >= MaxPages)
            {
                throw json.Malformed($"the list does not end within {MaxPages} pages");
            }
        }
    }

    /// <summary><c>POST /webhook_endpoints</c>; WorkOS answers the new endpoint, enabled, with its secret. Not idempotent: retried only on 429/503.</summary>
    public async Task<WebhookEndpoint> CreateAsync(Uri endpointUrl, IReadOnlyList<string> events, CancellationToken cancellationToken)
    {
        var body = new JObject
        {
            ["endpoint_url"] = HttpsUrl(endpointUrl),
            ["events"] = new JArray(events.Cast<object>().ToArray()),
        };
        var json = await SendAsync(Calls.Create, body, RetryMode.ThrottleOnly, cancellationToken).ConfigureAwait(false);
        return ReadEndpoint(json, json.Object);
    }

    /// <summary>
    /// <c>PATCH /webhook_endpoints/{id}</c> with the whole wanted state of <c>status</c> and <c>events</c> (the URL is
    /// left as it is), so a repeat does the same: retried as idempotent.
    /// </summary>
    public async Task<WebhookEndpoint> UpdateAsync(string id, bool enabled, IReadOnlyList<string> events, CancellationToken cancellationToken)
    {
        var body = new JObject
        {
            ["status"] = enabled ? WebhookEndpoint.Enabled : WebhookEndpoint.Disabled,
            ["events"] = new JArray(events.Cast<object>().ToArray()),
        };
        var json = await SendAsync(Calls.Update(id), body, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        return ReadEndpoint(json, json.Object);
    }

    /// <summary><c>DELETE /webhook_endpoints/{id}</c>; a 404 (already deleted, e.g. by a retry whose first answer was lost) counts as done.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var result = await SendRawAsync(Calls.Delete(id), null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess && result.Status != 404)
        {
            throw Refusal(result);
        }
    }

    private static string HttpsUrl(Uri url) =>
        url.IsAbsoluteUri && url.Scheme == Uri.UriSchemeHttps
            ? url.AbsoluteUri
            : throw new ArgumentException("WorkOS delivers webhooks to https URLs only.", nameof(url));

    private async Task<JsonResponse> SendAsync(Endpoint endpoint, JObject? body, RetryMode mode, CancellationToken cancellationToken)
    {
        var result = await SendRawAsync(endpoint, body, mode, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw Refusal(result);
        }

        return JsonResponse.Parse(ServiceKind.WorkOS, result);
    }

    private Task<HttpResult> SendRawAsync(Endpoint endpoint, JObject? body, RetryMode mode, CancellationToken cancellationToken)
    {
        var uri = JsonRequest.Combine(_baseUrl, endpoint.Path);
        return _http.SendAsync(
            ServiceKind.WorkOS,
            () => JsonRequest.Create(endpoint.Method, uri, body, new AuthenticationHeaderValue("Bearer", _apiKey)),
            mode,
            cancellationToken);
    }

    /// <summary>
    /// The error with WorkOS's reason: its <c>message</c>, then each <c>errors</c> entry as
    /// <c>field: code (message)</c>, on one line, bounded, the API key redacted.
    /// </summary>
    private ServiceException Refusal(HttpResult result)
    {
        var basic = ServiceErrorBody.ToException(ServiceKind.WorkOS, result, new[] { _apiKey });
        var details = (JsonBody.TryParse(result.Body) as JObject)?["errors"] as JArray;
        if (details == null || details.Count == 0)
        {
            return basic;
        }

        var parts = details.OfType<JObject>()
            .Select(error => string.Join(": ", new[] { Text(error, "field"), Text(error, "code") }.Where(s => s != null))
                + (Text(error, "message") is { } message ? " (" + message + ")" : ""))
            .Where(part => part.Length > 0);
        var reason = OneLine((basic.ServiceMessage ?? "") + " [" + string.Join("; ", parts) + "]");
        return new ServiceException(
            ServiceKind.WorkOS, result.Method, result.RequestUri, result.Status, result.ReasonPhrase,
            basic.Code, ServiceErrorBody.Redact(reason, new[] { _apiKey }));
    }

    private static string? Text(JObject error, string name) => error[name]?.Type == JTokenType.String ? (string?)error[name] : null;

    private static string OneLine(string text)
    {
        var chars = text.Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        var line = new string(chars).Trim();
        return line.Length <= MaxReasonLength ? line : line.Substring(0, MaxReasonLength - 3) + "...";
    }

    /// <summary>One endpoint, each field checked for form; messages name the field, never its value.</summary>
    private static WebhookEndpoint ReadEndpoint(JsonResponse json, JObject item)
    {
        string Required(string name, int maxLength) =>
            (item[name]?.Type == JTokenType.String ? Token((string)item[name]!, maxLength) : null)
            ?? throw json.Malformed($"field '{name}' of a webhook endpoint is not a printable single-line string of at most {maxLength} characters");

        var id = Required("id", MaxIdLength);
        var url = Required("endpoint_url", MaxUrlLength);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var endpointUrl))
        {
            throw json.Malformed("field 'endpoint_url' of a webhook endpoint is not an absolute URL");
        }

        var status = Required("status", MaxIdLength);
        if (!(item["events"] is JArray eventArray))
        {
            throw json.Malformed("field 'events' of a webhook endpoint is not an array");
        }

        var events = eventArray
            .Select(e => (e.Type == JTokenType.String ? Token((string)e!, MaxIdLength) : null) ?? throw json.Malformed("an entry of 'events' is not an event name"))
            .ToList();
        var createdText = Required("created_at", MaxIdLength);
        if (!DateTimeOffset.TryParse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt))
        {
            throw json.Malformed("field 'created_at' of a webhook endpoint is not a timestamp");
        }

        var secret = Required("secret", MaxSecretLength);
        return new WebhookEndpoint(id, endpointUrl, status, events, createdAt, secret);
    }

    private static string? Token(string text, int maxLength) => JsonResponse.IsId(text, maxLength) ? text : null;
}
