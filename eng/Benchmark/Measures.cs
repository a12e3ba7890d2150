using System.Text.RegularExpressions;
using Convex.AuthKit.Sandbox;

namespace Convex.AuthKit.Benchmark;

internal static class Measures
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("No values.");
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double LowerQuartile(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return Median(sorted.Take((sorted.Length + 1) / 2));
    }

    /// <summary>Sequential round trips: requests whose [start, end] ranges overlap (transitively) count as one.</summary>
    public static int RoundTrips(IEnumerable<SandboxRequest> requests)
    {
        var count = 0;
        DateTimeOffset groupEnd = default;
        foreach (var request in requests.OrderBy(r => r.Started))
        {
            if (count == 0 || request.Started >= groupEnd)
            {
                count++;
                groupEnd = request.Ended;
            }
            else if (request.Ended > groupEnd)
            {
                groupEnd = request.Ended;
            }
        }
        return count;
    }

    private static readonly Regex TargetLine = new Regex(@"^\s*(?<ms>\d+) ms\s+(?<name>\S+)\s+\d+ calls", RegexOptions.Multiline);

    /// <summary>
    /// Milliseconds MSBuild spent in the package's targets (-clp:PerformanceSummary's target section; target times
    /// there are exclusive, so they add up).
    /// </summary>
    public static double PackageTargetMilliseconds(string output) => PackageTargets(output).Values.Sum();

    /// <summary>Each of the package's targets and its own milliseconds in -clp:PerformanceSummary's target section.</summary>
    public static IReadOnlyDictionary<string, double> PackageTargets(string output)
    {
        var start = output.IndexOf("Target Performance Summary:", StringComparison.Ordinal);
        var end = output.IndexOf("Task Performance Summary:", StringComparison.Ordinal);
        if (start < 0 || end < start) throw new InvalidOperationException("No target performance summary in the output.");
        return TargetLine.Matches(output.Substring(start, end - start))
            .Where(m => m.Groups["name"].Value.StartsWith("ConvexAuthKit", StringComparison.Ordinal) || m.Groups["name"].Value.StartsWith("_ConvexAuthKit", StringComparison.Ordinal))
            .ToDictionary(m => m.Groups["name"].Value, m => double.Parse(m.Groups["ms"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static readonly Regex TaskLine = new Regex(@"^\s*(?<ms>\d+) ms\s+(?<name>\S+)\s+(?<calls>\d+) calls", RegexOptions.Multiline);

    /// <summary>
    /// The package's tasks in -clp:PerformanceSummary's task section, each with its number of calls: the package's
    /// task names all contain "AuthKit" (CollectConvexAuthKitInputsTask, ProvisionAuthKitTask, ConvexAuthKitStatusTask).
    /// </summary>
    public static IReadOnlyDictionary<string, int> PackageTasks(string output)
    {
        var start = output.IndexOf("Task Performance Summary:", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException("No task performance summary in the output.");
        return TaskLine.Matches(output.Substring(start))
            .Where(m => m.Groups["name"].Value.Contains("AuthKit", StringComparison.Ordinal))
            .ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["calls"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The span from the first request's start to the last one's end, and the gaps between consecutive round trips
    /// (from the end of one group of overlapping requests to the start of the next).
    /// </summary>
    public static (double SpanMilliseconds, IReadOnlyList<double> GapMilliseconds) Span(IEnumerable<SandboxRequest> requests)
    {
        var ordered = requests.OrderBy(r => r.Started).ToList();
        var gaps = new List<double>();
        DateTimeOffset groupEnd = default;
        foreach (var request in ordered)
        {
            if (groupEnd == default) groupEnd = request.Ended;
            else if (request.Started >= groupEnd)
            {
                gaps.Add((request.Started - groupEnd).TotalMilliseconds);
                groupEnd = request.Ended;
            }
            else if (request.Ended > groupEnd) groupEnd = request.Ended;
        }
        return ((ordered.Max(r => r.Ended) - ordered[0].Started).TotalMilliseconds, gaps);
    }

    public static string Seconds(double seconds) => seconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + " s";

    public static string Ratio(double ratio) => ratio.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
