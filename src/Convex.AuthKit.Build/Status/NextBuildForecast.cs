using Convex.AuthKit.Build.Facts;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Status;

/// <summary>The status's last line: what the next build would do, in words. Never a secret.</summary>
internal static class NextBuildForecast
{
    public const string StampMatches = "nothing, without a network request: the stamp matches every input";

    public static string Nothing(string why) => "nothing: " + why;

    public static string Fails(Diagnostic diagnostic, bool failOnError, string why) =>
        diagnostic.IsError && failOnError
            ? $"fail with error {diagnostic.Code}: {FirstLine(why)}"
            : $"warn {diagnostic.Code} and go on: {FirstLine(why)}";

    /// <summary>A deployment selection that stops the run before any request, in the words the build uses.</summary>
    public static string Stops(SelectionOutcome stop, bool stampCurrent, bool failOnError) =>
        stop.Fails ? Fails(stop.Diagnostic!, failOnError, stop.Message)
        : WithStamp(stampCurrent, stop.Diagnostic == null ? Nothing(stop.Headline) : $"warn {stop.Diagnostic.Code} and change nothing: {FirstLine(stop.Message)}", changesSomething: false);

    public static string Work(IReadOnlyList<string> actions) => string.Join("; ", actions);

    /// <summary>An unchanged, complete setup that the stamp does not cover (first build, or an input changed).</summary>
    public static string NothingToChange(int workOSSettings) =>
        "change nothing: the deployment and the env file are complete"
        + (workOSSettings > 0 ? $" (it re-sends the {workOSSettings} WorkOS setting{(workOSSettings == 1 ? "" : "s")}, which WorkOS keeps as they are)" : "")
        + ", then write the stamp so later builds make no request";

    public static string Offline(string envFile, IReadOnlyList<string> missing) => missing.Count == 0
        ? $"try Convex again; if it is still unreachable, warn {Diagnostics.Offline.Code} and go on ({envFile} holds every entry)"
        : $"try Convex again; if it is still unreachable, fail with error {Diagnostics.OfflineAndIncomplete.Code} ({envFile} lacks {string.Join(", ", missing)})";

    /// <summary>A stamp hit skips the work; a drift the status saw is then only repaired by a forced build.</summary>
    public static string WithStamp(bool stampCurrent, string outcome, bool changesSomething) =>
        !stampCurrent ? outcome
        : changesSomething ? $"{StampMatches}; a forced build (-p:ConvexAuthKitForce=true) would {outcome}"
        : StampMatches;

    /// <summary>The gate of the .targets: a configuration that is not listed (or a disabled package) runs nothing.</summary>
    public static string Gated(StatusRequest request, string outcome)
    {
        var gate = request.GateReason();
        return gate == null ? outcome : $"nothing in {request.Configuration} ({gate}); in a listed configuration it would do: {outcome}";
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.TrimEnd('.');
    }
}
