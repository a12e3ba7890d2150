using System;

namespace Convex.AuthKit.Build.Http
{
    /// <summary>
    /// A success status whose body isn't what the protocol promises (not JSON, a field missing or of the wrong type).
    /// The message names what was wrong, never the body, which may hold secrets. Not retried: it is deterministic.
    /// </summary>
    public sealed class MalformedResponseException : ServiceFailureException
    {
        public MalformedResponseException(ServiceKind service, string method, Uri requestUri, int status, string problem, Exception? innerException = null)
            : base(service, $"Unexpected answer from {DisplayName(service)} to {method} {Printable(requestUri)} ({status}): {problem}", innerException)
        {
            Method = method;
            RequestUri = requestUri;
            Status = status;
            Problem = problem;
        }

        public string Method { get; }

        public Uri RequestUri { get; }

        public int Status { get; }

        public string Problem { get; }
    }
}
