namespace Convex.AuthKit.Build.Http;

/// <summary>Why a service could not be reached.</summary>
internal enum UnreachableReason
{
    /// <summary>DNS failure, refused or reset connection, TLS failure.</summary>
    ConnectionFailed,

    /// <summary>No complete answer within the per-request timeout.</summary>
    TimedOut,
}

/// <summary>
/// No answer from the service after all permitted attempts. The flow treats this as "offline" (docs/architecture.md#offline).
/// </summary>
internal sealed class ServiceUnreachableException : ServiceFailureException
{
    public ServiceUnreachableException(ServiceKind service, string method, Uri requestUri, UnreachableReason reason, int attempts, string detail, Exception? innerException)
        : base(service, $"Could not reach {DisplayName(service)} ({method} {Printable(requestUri)}) after {attempts} attempt{(attempts == 1 ? "" : "s")}: {detail}", innerException)
    {
        Reason = reason;
        Attempts = attempts;
    }

    public UnreachableReason Reason { get; }

    public int Attempts { get; }
}
