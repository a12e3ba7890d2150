namespace Convex.AuthKit.Build.Http;

/// <summary>Which failures a request may be retried on (docs/architecture.md#faults-retries-and-partial-failure).</summary>
internal enum RetryMode
{
    /// <summary>Safe to repeat: retried on 429/502/503/504, connection failures and timeouts.</summary>
    Idempotent,

    /// <summary>Not safe to repeat blindly: retried only when the server said it did no work (429/503).</summary>
    ThrottleOnly,

    /// <summary>Sent once.</summary>
    Never,
}
