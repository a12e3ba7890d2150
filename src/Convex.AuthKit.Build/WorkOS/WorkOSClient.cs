using System.Net.Http.Headers;
using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.Http;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.WorkOS;

/// <summary>
/// The WorkOS calls of docs/protocol.md#workos-api, one per <see cref="WorkOSSettingKind"/>, with
/// <c>Authorization: Bearer &lt;WORKOS_API_KEY&gt;</c>. Duplicates come back as <see cref="WorkOSChangeResult.AlreadyPresent"/>;
/// other error statuses throw <see cref="ServiceException"/>. Retried as idempotent: a repeated add is answered as a duplicate.
/// </summary>
internal sealed class WorkOSClient
{
    private const string Service = "WorkOS";

    public static readonly WorkOSSettingCall RedirectUris =
        new(new Endpoint(HttpMethod.Post, Service, "user_management/redirect_uris"), "uri", AddsToList: true, "redirect URI", "redirect URIs");

    public static readonly WorkOSSettingCall CorsOrigins =
        new(new Endpoint(HttpMethod.Post, Service, "user_management/cors_origins"), "origin", AddsToList: true, "CORS origin", "CORS origins");

    public static readonly WorkOSSettingCall AppHomepageUrl =
        new(new Endpoint(HttpMethod.Put, Service, "user_management/app_homepage_url"), "url", AddsToList: false, "app homepage URL", "homepage");

    /// <summary>Every kind of setting, in the order the status lists them.</summary>
    public static IReadOnlyList<WorkOSSettingKind> SettingKinds { get; } = (WorkOSSettingKind[])Enum.GetValues(typeof(WorkOSSettingKind));

    private readonly ResilientHttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _apiKey;

    /// <param name="baseUrl"><c>ConvexAuthKitWorkOSApiUrl</c>, <c>WORKOS_API_URL</c> or WorkOS's public API (docs/protocol.md#workos-api).</param>
    /// <param name="apiKey">The environment's API key. Secret.</param>
    public WorkOSClient(ResilientHttpClient http, Uri baseUrl, string apiKey)
    {
        _http = http;
        _baseUrl = baseUrl;
        _apiKey = apiKey;
    }

    /// <summary>The one place that maps a kind to its call: a kind without one is a bug, never another kind's call.</summary>
    public static WorkOSSettingCall CallFor(WorkOSSettingKind kind) => kind switch
    {
        WorkOSSettingKind.RedirectUri => RedirectUris,
        WorkOSSettingKind.CorsOrigin => CorsOrigins,
        WorkOSSettingKind.AppHomepageUrl => AppHomepageUrl,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No WorkOS call is defined for this setting kind."),
    };

    /// <summary>Sends one setting with its kind's call.</summary>
    public async Task<WorkOSChangeResult> ApplyAsync(WorkOSSetting setting, CancellationToken cancellationToken)
    {
        var call = CallFor(setting.Kind);
        var result = await SendAsync(call.Endpoint, new JObject { [call.BodyField] = setting.Value }, cancellationToken).ConfigureAwait(false);
        if (call.AddsToList) return IsDuplicate(result) ? WorkOSChangeResult.AlreadyPresent : EnsureChanged(result);
        return result.Status == 422 ? WorkOSChangeResult.NotAccepted : EnsureChanged(result);
    }

    /// <summary>
    /// The Convex CLI takes 422 for redirect URIs and 409 for CORS origins; the WorkOS CLI and emulator disagree on
    /// which, so both kinds accept both: any 409, or a 422 whose body says "already exists" (or carries a code ending
    /// <c>_already_exists</c>, as the emulator sends, or <c>duplicate_cors_origin</c>).
    /// </summary>
    private static bool IsDuplicate(HttpResult result)
    {
        if (result.Status == 409)
        {
            return true;
        }

        return result.Status == 422
            && (result.Body.IndexOf("already exists", StringComparison.OrdinalIgnoreCase) >= 0
                || result.Body.IndexOf("_already_exists", StringComparison.Ordinal) >= 0
                || result.Body.IndexOf("duplicate_cors_origin", StringComparison.Ordinal) >= 0);
    }

    private WorkOSChangeResult EnsureChanged(HttpResult result)
    {
        if (!result.IsSuccess)
        {
            throw ServiceErrorBody.ToException(ServiceKind.WorkOS, result, new[] { _apiKey });
        }

        return WorkOSChangeResult.Changed;
    }

    private Task<HttpResult> SendAsync(Endpoint endpoint, JObject body, CancellationToken cancellationToken)
    {
        var uri = JsonRequest.Combine(_baseUrl, endpoint.Path);
        return _http.SendAsync(
            ServiceKind.WorkOS,
            () => JsonRequest.Create(endpoint.Method, uri, body, new AuthenticationHeaderValue("Bearer", _apiKey)),
            RetryMode.Idempotent,
            cancellationToken);
    }
}
