using System.Net.Http.Headers;
using System.Net.Http;
using System.Threading.Tasks;
using System.Threading;
using System;
using Convex.AuthKit.Build.Http;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.WorkOS
{
    /// <summary>
    /// The three WorkOS calls of docs/protocol.md#workos-api, with <c>Authorization: Bearer &lt;WORKOS_API_KEY&gt;</c>. Duplicates come back
    /// as <see cref="WorkOSChangeResult.AlreadyPresent"/>; other error statuses throw <see cref="ServiceException"/>.
    /// Retried as idempotent: a repeated add is answered as a duplicate.
    /// </summary>
    public sealed class WorkOSClient
    {
        public static readonly Uri DefaultBaseUrl = new Uri("https://api.workos.com");

        private readonly ResilientHttpClient _http;
        private readonly Uri _baseUrl;
        private readonly string _apiKey;

        /// <param name="baseUrl"><c>ConvexAuthKitWorkOSApiUrl</c>, <c>WORKOS_API_URL</c> or <see cref="DefaultBaseUrl"/>.</param>
        /// <param name="apiKey">The environment's API key. Secret.</param>
        public WorkOSClient(ResilientHttpClient http, Uri baseUrl, string apiKey)
        {
            _http = http;
            _baseUrl = baseUrl;
            _apiKey = apiKey;
        }

        /// <summary><c>POST /user_management/redirect_uris</c> <c>{"uri"}</c>.</summary>
        public async Task<WorkOSChangeResult> AddRedirectUriAsync(string uri, CancellationToken cancellationToken)
        {
            var result = await SendAsync(HttpMethod.Post, "user_management/redirect_uris", new JObject { ["uri"] = uri }, cancellationToken).ConfigureAwait(false);
            return IsDuplicate(result) ? WorkOSChangeResult.AlreadyPresent : EnsureChanged(result);
        }

        /// <summary><c>POST /user_management/cors_origins</c> <c>{"origin"}</c>.</summary>
        public async Task<WorkOSChangeResult> AddCorsOriginAsync(string origin, CancellationToken cancellationToken)
        {
            var result = await SendAsync(HttpMethod.Post, "user_management/cors_origins", new JObject { ["origin"] = origin }, cancellationToken).ConfigureAwait(false);
            return IsDuplicate(result) ? WorkOSChangeResult.AlreadyPresent : EnsureChanged(result);
        }

        /// <summary><c>PUT /user_management/app_homepage_url</c> <c>{"url"}</c>; any 422 is <see cref="WorkOSChangeResult.NotAccepted"/>.</summary>
        public async Task<WorkOSChangeResult> SetAppHomepageUrlAsync(string url, CancellationToken cancellationToken)
        {
            var result = await SendAsync(HttpMethod.Put, "user_management/app_homepage_url", new JObject { ["url"] = url }, cancellationToken).ConfigureAwait(false);
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

        private Task<HttpResult> SendAsync(HttpMethod method, string path, JObject body, CancellationToken cancellationToken)
        {
            var uri = JsonRequest.Combine(_baseUrl, path);
            return _http.SendAsync(
                ServiceKind.WorkOS,
                () => JsonRequest.Create(method, uri, body, new AuthenticationHeaderValue("Bearer", _apiKey)),
                RetryMode.Idempotent,
                cancellationToken);
        }
    }
}
