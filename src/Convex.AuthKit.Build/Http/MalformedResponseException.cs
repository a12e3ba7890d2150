namespace Convex.AuthKit.Build.Http;

/// <summary>
/// A success status whose body isn't what the protocol promises (not JSON, a field missing or of the wrong type).
/// The message names what was wrong, never the body, which may hold secrets. Not retried: it is deterministic.
/// </summary>
internal sealed class MalformedResponseException : ServiceFailureException
{
    public MalformedResponseException(ServiceKind service, string method, Uri requestUri, int status, string problem)
        : base(service, $"Unexpected answer from {DisplayName(service)} to {method} {Printable(requestUri)} ({status}): {problem}")
    {
    }
}
