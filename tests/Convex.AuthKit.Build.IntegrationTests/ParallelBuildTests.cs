using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Harness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// Scenario 6 (docs/architecture.md#parallel-builds): a solution of four projects sharing one Convex app, built with `dotnet build -m`. The
/// cross-process lock lets exactly one of them provision; the others wait, then find that it succeeded with the same
/// inputs (the Convex app's shared stamp) and make no request.
/// </summary>
[TestClass]
public sealed class ParallelBuildTests
{
    private static readonly string[] Projects = { "Api", "Web", "Worker", "Jobs" };

    [TestMethod]
    public async Task SolutionOfFourProjectsSharingOneAppProvisionsOneEnvironment()
    {
        await using var s = await ScenarioApp.StartAsync("shared-app");
        // Latency widens the window in which four unserialised builds would all find the deployment unprovisioned.
        s.Sandbox.Latency = TimeSpan.FromMilliseconds(50);

        var result = s.Build("SharedApp.sln", "-m:4");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        foreach (var project in Projects)
        {
            StringAssert.Contains(result.Output, $"{project} -> ", "every project's build succeeds");
            Assert.IsTrue(File.Exists(s.App.PathOf($"{project}/obj/{project}.ConvexAuthKit.stamp")), project + " recorded a successful run\n" + result);
        }

        var state = s.Sandbox.Snapshot();
        Assert.AreEqual(1, state.WorkosEnvironments.Count, "one environment");
        Assert.AreEqual(1, state.Counters.GetOrProvisionCalls, "get_or_provision is called once\n" + result);
        Assert.AreEqual(1, state.Counters.EnvironmentVariableUpdates, "the deployment variables are written once");
        Assert.AreEqual(1, FixtureProject.PackageLines(result).Count(l => l.Contains("provisioned a new AuthKit environment")), result.ToString());

        // The builds took turns under the app's lock, and the ones after the first found nothing to do: the requests
        // are those of one cold provisioning.
        var requests = s.Sandbox.Requests;
        foreach (var path in new[] { "/authorize_within_current_project", "/list_environment_variables", "/update_environment_variables" })
            Assert.AreEqual(1, requests.Count(r => r.Path.EndsWith(path, StringComparison.Ordinal)), path + ": " + string.Join(", ", requests));

        var environment = state.EnvironmentFor(ScenarioApp.Deployment)!;
        var entries = EnvEntries(s.ReadEnvFile());
        CollectionAssert.AreEquivalent(new[] { "CONVEX_DEPLOYMENT", "VITE_WORKOS_CLIENT_ID", "VITE_WORKOS_REDIRECT_URI" }, entries.Select(e => e.Key).ToList(),
            "each entry exactly once:\n" + s.ReadEnvFile());
        var values = entries.ToDictionary(e => e.Key, e => e.Value);
        Assert.AreEqual(environment.ClientId, values["VITE_WORKOS_CLIENT_ID"]);
        Assert.AreEqual("http://localhost:5173/callback", values["VITE_WORKOS_REDIRECT_URI"]);
        StringAssert.StartsWith(values["CONVEX_DEPLOYMENT"], "dev:" + ScenarioApp.Deployment);

        s.Sandbox.ClearRequests();
        var again = s.Build("SharedApp.sln", "-m:4", "-v:d");
        Assert.AreEqual(0, again.ExitCode, again.ToString());
        Assert.AreEqual(0, s.Sandbox.Requests.Count, "the unchanged solution makes no request");
        // Each project recorded its check (the first by provisioning, the others by adopting the app's), so MSBuild
        // finds every one unchanged: no task of the package runs in any of them.
        Assert.IsFalse(again.Output.Contains("Task \"CollectConvexAuthKitInputsTask\"", StringComparison.Ordinal), "no project runs the inputs task\n" + again);
        Assert.IsFalse(again.Output.Contains("Task \"ProvisionAuthKitTask\"", StringComparison.Ordinal), "no project runs the provisioning\n" + again);
        foreach (var project in Projects)
            Assert.IsTrue(File.Exists(s.App.PathOf($"{project}/obj/{project}.ConvexAuthKit.g.targets")), project + " has its record for MSBuild\n" + again);
    }

    /// <summary>
    /// Visual Studio's Rebuild (`--no-incremental`) cleans each project just before building it: one project's Clean
    /// must not undo the check of the app another project just made, so the solution checks the app at most once.
    /// </summary>
    [TestMethod]
    public async Task RebuildOfTheSolutionChecksTheAppAtMostOnce()
    {
        await using var s = await ScenarioApp.StartAsync("shared-app");
        var first = s.Build("SharedApp.sln", "-m:4");
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        s.Sandbox.ClearRequests();

        // One project at a time, so each project's Clean comes after another project's check (with -m the Cleans of
        // parallel projects tend to finish before any check, and would hide the defect).
        var rebuild = s.Build("SharedApp.sln", "--no-incremental", "-m:1");

        Assert.AreEqual(0, rebuild.ExitCode, rebuild.ToString());
        var requests = s.Sandbox.Requests;
        foreach (var path in new[] { "/authorize_within_current_project", "/list_environment_variables" })
            Assert.IsTrue(requests.Count(r => r.Path.EndsWith(path, StringComparison.Ordinal)) <= 1, path + ": " + string.Join(", ", requests) + "\n" + rebuild);
        foreach (var project in Projects)
            Assert.IsTrue(File.Exists(s.App.PathOf($"{project}/obj/{project}.ConvexAuthKit.stamp")), project + " recorded a successful run\n" + rebuild);
    }

    /// <summary>NAME=value lines of a dotenv file (comments and blank lines left out), in order.</summary>
    private static List<KeyValuePair<string, string>> EnvEntries(string text) =>
        text.Split('\n').Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l =>
            {
                var equals = l.IndexOf('=');
                Assert.IsTrue(equals > 0, "a valid dotenv line: " + l);
                return new KeyValuePair<string, string>(l.Substring(0, equals), l.Substring(equals + 1));
            })
            .ToList();
}
