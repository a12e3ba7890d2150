using Convex.AuthKit.Build.Http;

namespace Convex.AuthKit.Build.Tests.Http;

/// <summary>Policies whose waits are recorded instead of slept.</summary>
internal static class TestPolicies
{
    public static HttpPolicy Recording(List<TimeSpan> delays, double jitter = 0)
    {
        return new HttpPolicy
        {
            Delay = (delay, token) =>
            {
                token.ThrowIfCancellationRequested();
                lock (delays)
                {
                    delays.Add(delay);
                }

                return Task.CompletedTask;
            },
            Jitter = () => jitter,
        };
    }

    /// <summary>Real waits, but short, for tests over real sockets.</summary>
    public static HttpPolicy Fast() => new HttpPolicy
    {
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryAfter = TimeSpan.FromMilliseconds(50),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };
}
