using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Provisioning;

/// <summary>
/// ConvexAuthKitDryRun=true: the plan, one line a call (method, service, path; never a secret) or env-file line.
/// Only the reads are sent (the plan needs their answers); nothing is written, here or remotely.
/// </summary>
internal static class DryRunPlan
{
    public const string RefusalPrefix = "Dry run: a build would stop here: ";

    /// <summary>An env-file problem: the build makes the remote changes, then reports it.</summary>
    public const string AfterStepsPrefix = "Dry run: a build would make the remote changes above, then leave the env file unchanged: ";

    /// <param name="reads">The reads the run sent, as the connection recorded them.</param>
    public static void Print(ProvisionLog log, string subject, IReadOnlyList<string> reads, DeploymentClient deployment, ProvisioningPlan plan)
    {
        // Up to date as the report and the status say it: re-sending the WorkOS settings alone changes nothing.
        var steps = plan.ChangesSomething ? plan.Steps.SelectMany(step => step.DryRunLines(deployment)) : Array.Empty<string>();
        log.High(plan.ChangesSomething ? $"{subject}: dry run, nothing changed; a build would:" : $"{subject}: dry run, up to date, nothing would change; it read:");
        // One line a call, like the change report (tools and the demo read the package's output line by line).
        foreach (var line in reads.Concat(steps)) log.High("  - " + line);
    }
}
