using System;

namespace Convex.AuthKit.Build.Http
{
    /// <summary>Reported before each retry, so a caller can log it at low importance. Holds no secret.</summary>
    public sealed class HttpRetryNotice
    {
        public HttpRetryNotice(ServiceKind service, string method, Uri requestUri, int failedAttempt, int maxAttempts, TimeSpan delay, string reason)
        {
            Service = service;
            Method = method;
            RequestUri = requestUri;
            FailedAttempt = failedAttempt;
            MaxAttempts = maxAttempts;
            Delay = delay;
            Reason = reason;
        }

        public ServiceKind Service { get; }

        public string Method { get; }

        public Uri RequestUri { get; }

        /// <summary>1-based number of the attempt that just failed.</summary>
        public int FailedAttempt { get; }

        public int MaxAttempts { get; }

        /// <summary>The wait before the next attempt.</summary>
        public TimeSpan Delay { get; }

        /// <summary>Why the attempt failed, e.g. <c>503 Service Unavailable</c>, <c>timed out after 30 s</c>.</summary>
        public string Reason { get; }

        public override string ToString() =>
            $"{Method} {ServiceFailureException.Printable(RequestUri)} failed ({Reason}); retrying in {Delay.TotalSeconds:0.##} s (attempt {FailedAttempt + 1}/{MaxAttempts})";
    }
}
