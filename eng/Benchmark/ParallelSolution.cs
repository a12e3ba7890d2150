using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;

namespace Convex.AuthKit.Benchmark;

/// <summary>
/// Scenario 6 at scale: the shared-app fixture grown to eight projects, first build after restore with `-m`, against
/// the first build of one of its projects alone; with and without the package, fresh sandbox (with latency) each time.
/// </summary>
internal static class ParallelSolution
{
    private const string Solution = "SharedApp.sln";
    private const string SingleProject = "Api/Api.csproj";

    public sealed record Sample(double Seconds, int GetOrProvisionCalls, int Requests, int RoundTrips);

    public static async Task<Sample> MeasureOnceAsync(PackageFeed feed, TimeSpan latency, bool withPackage, bool wholeSolution)
    {
        await using var sandbox = await SandboxServer.StartAsync(SandboxScenario.Fresh());
        sandbox.Latency = latency;
        var app = BenchApp.Create(feed, "shared-app", sandbox, withPackage, GrowToEightProjects);
        var target = wholeSolution ? Solution : SingleProject;
        app.Restore(target);
        sandbox.ClearRequests();
        var (result, seconds) = wholeSolution ? app.Timed(target, "--no-restore", "-m") : app.Timed(target, "--no-restore");
        var state = sandbox.Snapshot();
        if (withPackage && (state.WorkosEnvironments.Count != 1 || state.Counters.GetOrProvisionCalls != 1))
            throw new InvalidOperationException("The build did not provision exactly one environment:\n" + result);
        return new Sample(seconds, state.Counters.GetOrProvisionCalls, sandbox.Requests.Count, Measures.RoundTrips(sandbox.Requests));
    }

    /// <summary>Adds Extra1..Extra4, copies of Api, to the fixture's four projects and its solution.</summary>
    private static void GrowToEightProjects(FixtureProject app)
    {
        var extras = Enumerable.Range(1, 4).Select(i => $"Extra{i}/Extra{i}.csproj").ToList();
        foreach (var extra in extras) app.Write(extra, app.Read(SingleProject));
        var add = Dotnet.Run(app.Root, new[] { "sln", app.PathOf(Solution), "add" }.Concat(extras.Select(app.PathOf)));
        if (add.ExitCode != 0) throw new InvalidOperationException("dotnet sln add failed: " + add);
        if (Directory.EnumerateFiles(app.Root, "*.csproj", SearchOption.AllDirectories).Count() != 8) throw new InvalidOperationException("Expected eight projects.");
    }
}
