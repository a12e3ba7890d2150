using System.Globalization;

namespace Convex.AuthKit.Build.Http;

/// <summary>Backoff and <c>Retry-After</c> arithmetic of docs/architecture.md#faults-retries-and-partial-failure.</summary>
internal static class RetryDelays
{
    /// <summary>IMF-fixdate, RFC 850 and asctime: the three HTTP-date forms (RFC 9110 §5.6.7).</summary>
    private static readonly string[] HttpDateFormats = { "r", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy" };

    /// <summary>
    /// The wait after the failed attempt <paramref name="failedAttempt"/> (1-based): BaseDelay·2^(n-1) plus up to 20 %
    /// jitter, capped at MaxDelay; a <c>Retry-After</c> wins when longer, but never beyond MaxRetryAfter.
    /// </summary>
    public static TimeSpan Compute(HttpPolicy policy, int failedAttempt, string? retryAfter)
    {
        var exponent = Math.Min(failedAttempt - 1, 30);
        var backoffTicks = policy.BaseDelay.Ticks * Math.Pow(2, exponent);
        backoffTicks += backoffTicks * 0.2 * Clamp01(policy.Jitter());
        var backoff = TimeSpan.FromTicks((long)Math.Min(backoffTicks, policy.MaxDelay.Ticks));

        var requested = ParseRetryAfter(retryAfter, policy.UtcNow());
        if (requested is TimeSpan wait && wait > backoff)
        {
            return wait < policy.MaxRetryAfter ? wait : policy.MaxRetryAfter;
        }

        return backoff;
    }

    /// <summary>Delta-seconds or an HTTP date; null when absent or unreadable. A date in the past means zero.</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value!.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue));
        }

        if (DateTimeOffset.TryParseExact(text, HttpDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static double Clamp01(double value) => value < 0 ? 0 : value > 1 ? 1 : value;
}
