namespace Convex.AuthKit.Build.Http;

/// <summary>Reported before each retry, so a caller can log it at low importance. Holds no secret.</summary>
/// <param name="FailedAttempt">1-based number of the attempt that just failed.</param>
/// <param name="Delay">The wait before the next attempt.</param>
/// <param name="Reason">Why the attempt failed, e.g. <c>503 Service Unavailable</c>, <c>timed out after 30 s</c>.</param>
internal sealed record HttpRetryNotice(ServiceKind Service, string Method, Uri RequestUri, int FailedAttempt, int MaxAttempts, TimeSpan Delay, string Reason)
{
    public override string ToString() =>
        $"{Method} {ServiceFailureException.Printable(RequestUri)} failed ({Reason}); retrying in {Delay.TotalSeconds:0.##} s (attempt {FailedAttempt + 1}/{MaxAttempts})";
}
