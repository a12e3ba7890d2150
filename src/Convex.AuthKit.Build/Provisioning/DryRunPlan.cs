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

    public static void Print(ProvisionLog log, string subject, ConvexConnection connection, ProvisioningPlan plan)
    {
        var reads = Reads(connection);
        var steps = plan.Steps.SelectMany(step => step.DryRunLines(connection.Deployment)).ToList();
        if (steps.Count == 0)
        {
            log.High($"{subject}: dry run, up to date, nothing would change.");
            foreach (var line in reads) log.Normal("  - " + line);
            return;
        }
        // One line a step, like the change report (tools and the demo read the package's output line by line).
        log.High($"{subject}: dry run, nothing changed; a build would:");
        foreach (var line in reads.Concat(steps)) log.High("  - " + line);
    }

    /// <summary>The reads of round trips 1 and 2, which the dry run made too.</summary>
    private static List<string> Reads(ConvexConnection connection)
    {
        var lines = new List<string>();
        if (connection.UsesDeployKey)
            lines.Add($"{BigBrainClient.Endpoints.UrlForKey} (read: the deployment's URL)");
        else
        {
            lines.Add($"{BigBrainClient.Endpoints.AuthorizeWithinCurrentProject} (read: the deployment's URL and admin key)");
            lines.Add($"{BigBrainClient.Endpoints.HasAssociatedWorkOSTeam} (read)");
        }
        lines.Add($"{connection.Deployment.ListEnvironmentVariablesEndpoint} (read: the deployment's variables)");
        return lines;
    }
}
