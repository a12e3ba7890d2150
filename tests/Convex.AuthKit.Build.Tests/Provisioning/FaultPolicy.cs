using System.Collections.Concurrent;
using Convex.AuthKit.Build.Http;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// docs/architecture.md#faults-retries-and-partial-failure (3 attempts, Retry-After honoured) with test-sized times: a per-request timeout short
/// enough that a hang costs two seconds, a tiny backoff, and waits that are recorded (to prove Retry-After was honoured) instead of slept.
/// </summary>
internal sealed class FaultPolicy
{
    /// <summary>
    /// Every call of a run shares it, not only the faulted one. Half a second was too short: on a 2-core machine busy with
    /// the end-to-end builds beside these tests, a sound call was seen to go unanswered that long and was retried.
    /// </summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestRealWait = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    /// <summary>Every wait between attempts the client asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits => _waits.ToArray();

    public HttpPolicy Create() => new()
    {
        RequestTimeout = RequestTimeout,
        BaseDelay = BaseDelay,
        MaxDelay = TimeSpan.FromMilliseconds(40),
        Jitter = () => 0,
        Delay = Wait,
    };

    /// <summary>Makes every run of <paramref name="harness"/> use this policy.</summary>
    public FaultPolicy Use(FlowHarness harness)
    {
        harness.Configure = settings => settings.CreateHttpPolicy = Create;
        return this;
    }

    public void ClearWaits()
    {
        while (_waits.TryDequeue(out _)) { }
    }

    private Task Wait(TimeSpan delay, CancellationToken cancellationToken)
    {
        _waits.Enqueue(delay);
        return Task.Delay(delay < LongestRealWait ? delay : LongestRealWait, cancellationToken);
    }
}
