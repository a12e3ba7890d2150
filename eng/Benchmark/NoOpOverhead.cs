using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;

namespace Convex.AuthKit.Benchmark;

/// <summary>
/// No-op `dotnet build --no-restore` of the Vite fixture with the package (provisioned, so the stamp hits) against the
/// same fixture without it: warm-up runs, then alternating runs (with/without, then without/with) with node reuse off.
/// </summary>
internal static class NoOpOverhead
{
    private const string Project = "ViteApp.csproj";

    public sealed record Result(int Runs, double WithMedian, double WithoutMedian, double WithLowerQuartile, double WithoutLowerQuartile, double TargetMilliseconds, IReadOnlyDictionary<string, double> TargetBreakdown, IReadOnlyDictionary<string, int> PackageTasks, int Requests)
    {
        public double Ratio => WithMedian / WithoutMedian;

        /// <summary>Less sensitive to load spikes from other processes than the median.</summary>
        public double LowerQuartileRatio => WithLowerQuartile / WithoutLowerQuartile;
    }

    public static async Task<Result> MeasureAsync(PackageFeed feed, int runs)
    {
        await using var sandbox = await SandboxServer.StartAsync(SandboxScenario.Fresh());
        var with = BenchApp.Create(feed, "vite-app", sandbox, withPackage: true);
        var without = BenchApp.Create(feed, "vite-app", sandbox, withPackage: false);
        with.Build(Project);
        without.Build(Project);
        if (sandbox.Snapshot().WorkosEnvironments.Count != 1) throw new InvalidOperationException("The fixture was not provisioned.");

        var check = with.Build(Project, "--no-restore", "-v:d");
        if (check.Output.Contains("Target \"_ConvexAuthKitProvisionCore\" in file", StringComparison.Ordinal))
            throw new InvalidOperationException("The no-op build with the package did not skip the provisioning target:\n" + check);
        for (var i = 0; i < 2; i++)
        {
            with.Timed(Project, "--no-restore");
            without.Timed(Project, "--no-restore");
        }

        sandbox.ClearRequests();
        var withTimes = new List<double>();
        var withoutTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            if (i % 2 == 0)
            {
                withTimes.Add(with.Timed(Project, "--no-restore").Seconds);
                withoutTimes.Add(without.Timed(Project, "--no-restore").Seconds);
            }
            else
            {
                withoutTimes.Add(without.Timed(Project, "--no-restore").Seconds);
                withTimes.Add(with.Timed(Project, "--no-restore").Seconds);
            }
            Console.WriteLine($"  no-op run {i + 1,2}/{runs}: with {Measures.Seconds(withTimes[^1])}, without {Measures.Seconds(withoutTimes[^1])}");
        }
        var requests = sandbox.Requests.Count;

        // At a user's default verbosity (minimal): the summary is a console logger parameter, not a verbosity.
        var outputs = Enumerable.Range(0, 7).Select(_ => with.Build(Project, "--no-restore", "-clp:PerformanceSummary").Output).ToList();
        var summaries = outputs.Select(Measures.PackageTargets).ToList();
        // Over the 7 builds: every task of the package that ran, with its calls.
        var tasks = outputs.SelectMany(o => Measures.PackageTasks(o)).GroupBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(t => t.Value), StringComparer.Ordinal);
        var breakdown = summaries.SelectMany(s => s.Keys).Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, name => Measures.Median(summaries.Select(s => s.TryGetValue(name, out var ms) ? ms : 0)));
        return new Result(runs, Measures.Median(withTimes), Measures.Median(withoutTimes), Measures.LowerQuartile(withTimes), Measures.LowerQuartile(withoutTimes),
            Measures.Median(summaries.Select(s => s.Values.Sum())), breakdown, tasks, requests);
    }
}
