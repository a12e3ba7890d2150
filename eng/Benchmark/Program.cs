using Convex.AuthKit.Benchmark;
using Convex.AuthKit.Harness;

// eng/benchmark.sh [--runs N] [--latency-ms N] [--repeat N] [--keep]
//   --runs        no-op builds measured per variant (alternated; at least 10; default 20)
//   --latency-ms  latency the sandbox adds to every answer for the cold and parallel measurements (default 100)
//   --repeat      cold and parallel measurements repeated, medians reported (default 3)
//   --keep        keep the packed package and fixture copies (prints where)
//   --no-parallel skip the eight-project measurement (3.)

var runs = 20;
var latencyMs = 100;
var repeat = 3;
var keep = false;
var parallel = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n >= 10: runs = n; i++; break;
        case "--latency-ms" when i + 1 < args.Length && int.TryParse(args[i + 1], out var ms) && ms >= 0: latencyMs = ms; i++; break;
        case "--repeat" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r >= 1: repeat = r; i++; break;
        case "--keep": keep = true; break;
        case "--no-parallel": parallel = false; break;
        default:
            Console.Error.WriteLine("usage: eng/benchmark.sh [--runs N>=10] [--latency-ms N] [--repeat N] [--keep] [--no-parallel]");
            return 2;
    }
}
var latency = TimeSpan.FromMilliseconds(latencyMs);

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; dotnet SDK as on PATH.");
Console.WriteLine("Packing the package once ...");
var feed = PackageFeed.Pack("bench");
try
{
    Console.WriteLine($"1. No-op build overhead: {runs} alternated runs per variant (after 2 warm-ups each) ...");
    var noOp = await NoOpOverhead.MeasureAsync(feed, runs);

    Console.WriteLine($"2. Cold provisioning at {latencyMs} ms latency, {repeat} time(s) ...");
    var cold = new List<ColdProvisioning.Result>();
    for (var i = 0; i < repeat; i++)
    {
        cold.Add(await ColdProvisioning.MeasureOnceAsync(feed, latency));
        Console.WriteLine($"  cold run {i + 1}/{repeat}: {Measures.Seconds(cold[^1].WallSeconds)}, {cold[^1].Requests} requests, {cold[^1].RoundTrips} round trips");
    }

    Console.WriteLine($"3. Eight-project solution with -m against one project, first build after restore, {latencyMs} ms latency, {repeat} time(s) ...");
    var samples = new Dictionary<(bool Package, bool Whole), List<ParallelSolution.Sample>>();
    for (var i = 0; i < (parallel ? repeat : 0); i++)
        foreach (var package in new[] { true, false })
            foreach (var whole in new[] { true, false })
            {
                var sample = await ParallelSolution.MeasureOnceAsync(feed, latency, package, whole);
                (samples.TryGetValue((package, whole), out var list) ? list : samples[(package, whole)] = new List<ParallelSolution.Sample>()).Add(sample);
                Console.WriteLine($"  run {i + 1}/{repeat} {(package ? "with" : "without")} package, {(whole ? "8 projects -m" : "1 project")}: {Measures.Seconds(sample.Seconds)}"
                    + (package ? $", {sample.Requests} requests, {sample.RoundTrips} round trips, get_or_provision x{sample.GetOrProvisionCalls}" : ""));
            }
    double MedianOf(bool package, bool whole) => Measures.Median(samples[(package, whole)].Select(s => s.Seconds));

    var coldMedian = Measures.Median(cold.Select(c => c.WallSeconds));
    var typical = cold.OrderBy(c => c.WallSeconds).ElementAt(cold.Count / 2);
    Console.WriteLine();
    Console.WriteLine("==================== Convex.AuthKit.Build benchmark ====================");
    Console.WriteLine($"No-op `dotnet build --no-restore` (Vite fixture, node reuse off, median of {noOp.Runs} alternated runs each):");
    Console.WriteLine($"  with the package      {Measures.Seconds(noOp.WithMedian)}");
    Console.WriteLine($"  without the package   {Measures.Seconds(noOp.WithoutMedian)}");
    Console.WriteLine($"  ratio                 {Measures.Ratio(noOp.Ratio)}   (goal <= 1.02; lower-quartile ratio {Measures.Ratio(noOp.LowerQuartileRatio)})");
    Console.WriteLine($"  package targets       {noOp.TargetMilliseconds:0} ms own time per no-op build = {100 * noOp.TargetMilliseconds / 1000 / noOp.WithoutMedian:0.0}% of the build without the package   (goal <= 3 ms; median of 7, MSBuild -clp:PerformanceSummary at default verbosity; evaluation not included)");
    foreach (var target in noOp.TargetBreakdown.OrderByDescending(t => t.Value))
        Console.WriteLine($"    {target.Value,5:0} ms  {target.Key}");
    Console.WriteLine($"  package tasks run     {(noOp.PackageTasks.Count == 0 ? "none" : string.Join(", ", noOp.PackageTasks.Select(t => $"{t.Key} x{t.Value}")))} in those 7 no-op builds   (goal: none; the performance summary's task section)");
    Console.WriteLine($"  HTTP requests         {noOp.Requests} during the measured no-op builds");
    Console.WriteLine($"Cold provisioning (fresh Vite app, fresh sandbox, {latencyMs} ms injected latency, median of {repeat}):");
    Console.WriteLine($"  build wall time       {Measures.Seconds(coldMedian)}   (the no-op build after it: {Measures.Seconds(Measures.Median(cold.Select(c => c.NoOpSeconds)))})");
    Console.WriteLine($"  provisioning target   {Measures.Median(cold.Select(c => c.TargetMilliseconds)):0} ms");
    Console.WriteLine($"  HTTP requests         {string.Join(", ", cold.Select(c => c.Requests).Distinct())}");
    Console.WriteLine($"  sequential round trips {string.Join(", ", cold.Select(c => c.RoundTrips).Distinct())}   (goal <= 4)");
    var spans = cold.Select(c => Measures.Span(c.Log)).ToList();
    Console.WriteLine($"  request span          {Measures.Median(spans.Select(s => s.SpanMilliseconds)):0} ms first request to last   (goal <= {4.4 * latencyMs:0} ms = 1.1 x 4 round trips; runs: {string.Join(", ", spans.Select(s => s.SpanMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))})");
    Console.WriteLine($"  gaps between trips    {string.Join(" | ", spans.Select(s => string.Join(", ", s.GapMilliseconds.Select(g => g.ToString("0", System.Globalization.CultureInfo.InvariantCulture))) + " ms"))}   (per run: round trip 1->2, 2->3, 3->4)");
    Console.WriteLine(ColdProvisioning.Describe(typical.Log));
    if (parallel)
    {
        Console.WriteLine($"Eight projects sharing one Convex app, `dotnet build -m` vs one project (first build after restore, {latencyMs} ms latency, median of {repeat}):");
        Console.WriteLine($"  with the package      8 projects {Measures.Seconds(MedianOf(true, true))}, 1 project {Measures.Seconds(MedianOf(true, false))}, ratio {Measures.Ratio(MedianOf(true, true) / MedianOf(true, false))}");
        Console.WriteLine($"  without the package   8 projects {Measures.Seconds(MedianOf(false, true))}, 1 project {Measures.Seconds(MedianOf(false, false))}, ratio {Measures.Ratio(MedianOf(false, true) / MedianOf(false, false))}");
        var whole8 = samples[(true, true)];
        Console.WriteLine($"  8-project build       get_or_provision x{string.Join("/", whole8.Select(s => s.GetOrProvisionCalls).Distinct())}, {string.Join("/", whole8.Select(s => s.Requests).Distinct())} requests, {string.Join("/", whole8.Select(s => s.RoundTrips).Distinct())} round trips");
    }
    Console.WriteLine("=========================================================================");
    return 0;
}
finally
{
    if (keep) Console.WriteLine("Kept: " + feed.RunFolder);
    else feed.Delete();
}
