namespace Convex.AuthKit.Build.Http;

/// <summary>Timeouts and retry parameters for <see cref="ResilientHttpClient"/> (docs/architecture.md#faults-retries-and-partial-failure).</summary>
internal sealed class HttpPolicy
{
    private static readonly Random SharedRandom = new Random();

    /// <summary>Budget for one attempt, from sending the request to having read the whole body.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts in all, the first one included.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Backoff before the first retry; it doubles for each further retry.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Upper bound of the computed backoff.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Upper bound of a wait requested by <c>Retry-After</c>; longer requests wait this long.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Waits between attempts. Tests replace it so they don't sleep.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = (delay, token) => Task.Delay(delay, token);

    /// <summary>Returns a number in [0, 1) that spreads the backoff; tests pin it.</summary>
    public Func<double> Jitter { get; set; } = NextSharedRandom;

    /// <summary>The clock used to turn an HTTP-date <c>Retry-After</c> into a wait.</summary>
    public Func<DateTimeOffset> UtcNow { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>A new policy with the defaults of docs/architecture.md#faults-retries-and-partial-failure.</summary>
    public static HttpPolicy CreateDefault() => new HttpPolicy();

    private static double NextSharedRandom()
    {
        lock (SharedRandom)
        {
            return SharedRandom.NextDouble();
        }
    }
}
