using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;

namespace Convex.AuthKit.Benchmark;

/// <summary>
/// The first build of a fresh Vite app against a fresh sandbox with injected latency (restored beforehand, so only the
/// build is timed): wall time, the package's target time, HTTP requests and sequential round trips.
/// </summary>
internal static class ColdProvisioning
{
    private const string Project = "ViteApp.csproj";

    public sealed record Result(double WallSeconds, double TargetMilliseconds, double NoOpSeconds, int Requests, int RoundTrips, IReadOnlyList<SandboxRequest> Log);

    public static async Task<Result> MeasureOnceAsync(PackageFeed feed, TimeSpan latency)
    {
        await using var sandbox = await SandboxServer.StartAsync(SandboxScenario.Fresh());
        sandbox.Latency = latency;
        var app = BenchApp.Create(feed, "vite-app", sandbox, withPackage: true);
        app.Restore(Project);
        sandbox.ClearRequests();
        var (result, seconds) = app.Timed(Project, "--no-restore", "-clp:PerformanceSummary");
        var state = sandbox.Snapshot();
        if (state.WorkosEnvironments.Count != 1 || state.Counters.GetOrProvisionCalls != 1)
            throw new InvalidOperationException("The cold build did not provision exactly one environment:\n" + result);
        var log = sandbox.Requests;
        var noOp = app.Timed(Project, "--no-restore").Seconds;
        return new Result(seconds, Measures.PackageTargetMilliseconds(result.Output), noOp, log.Count, Measures.RoundTrips(log), log);
    }

    public static string Describe(IReadOnlyList<SandboxRequest> log)
    {
        var origin = log.Min(r => r.Started);
        return string.Join(Environment.NewLine, log.OrderBy(r => r.Started).Select(r =>
            $"    {(r.Started - origin).TotalMilliseconds,6:0} ms .. {(r.Ended - origin).TotalMilliseconds,6:0} ms  {r.Service,-10} {r.Method,-4} {r.Path}"));
    }
}
