using System.Collections.Generic;
using System;

namespace Convex.AuthKit.Build.Http
{
    /// <summary>
    /// A completed HTTP exchange: status, headers and the body, read exactly once.
    /// The body may hold secrets (admin keys, API keys): never log it.
    /// </summary>
    public sealed class HttpResult
    {
        public HttpResult(
            string method,
            Uri requestUri,
            int status,
            string reasonPhrase,
            string body,
            IReadOnlyDictionary<string, string> headers,
            int attempts)
        {
            Method = method;
            RequestUri = requestUri;
            Status = status;
            ReasonPhrase = reasonPhrase;
            Body = body;
            Headers = headers;
            Attempts = attempts;
        }

        public string Method { get; }

        public Uri RequestUri { get; }

        public int Status { get; }

        public string ReasonPhrase { get; }

        /// <summary>The whole response body as text (empty when there was none).</summary>
        public string Body { get; }

        /// <summary>Response and content headers, names case-insensitive, repeated values joined with ", ".</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>How many attempts it took to get this answer.</summary>
        public int Attempts { get; }

        public bool IsSuccess => Status >= 200 && Status <= 299;

        /// <summary>The raw <c>Retry-After</c> header, if any.</summary>
        public string? RetryAfter => Header("Retry-After");

        public string? ContentType => Header("Content-Type");

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        /// <summary>Deliberately omits the body, which may contain secrets.</summary>
        public override string ToString() => $"{Method} {ServiceFailureException.Printable(RequestUri)} {Status} {ReasonPhrase}";
    }
}
