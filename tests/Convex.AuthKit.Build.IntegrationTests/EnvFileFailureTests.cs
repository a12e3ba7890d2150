using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Harness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// No half-applied state (docs/architecture.md#faults-retries-and-partial-failure) through `dotnet build`: an env-file problem does not hold
/// back the remote steps; it fails the build after them, naming the line; after the fix, the next build only writes the env file.
/// </summary>
[TestClass]
public sealed class EnvFileFailureTests
{
    [TestMethod]
    public async Task StaleLine_FailsAfterTheRemoteSteps_AndTheFixedFileConvergesWithOnlyTheEnvFileWrite()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        const string stale = "VITE_WORKOS_CLIENT_ID=client_01FROMANOTHERDEPLOYMENT\n";
        s.WriteEnvFile(ScenarioApp.DeploymentEnvLine + stale);

        var failed = s.Build("ViteApp.csproj");
        Assert.AreNotEqual(0, failed.ExitCode, failed.ToString());
        var lines = FixtureProject.PackageLines(failed);
        var error = lines.First(l => l.Contains("error CAK1010"));
        StringAssert.Contains(error, "VITE_WORKOS_CLIENT_ID in .env.local (line 3)");
        Assert.IsTrue(lines.ToList().FindIndex(l => l.Contains("- set WORKOS_CLIENT_ID, WORKOS_ENVIRONMENT_ID, WORKOS_API_KEY")) < lines.ToList().IndexOf(error), failed.ToString());
        var environment = s.WorkOSEnvironment()!;
        var variables = s.Sandbox.Snapshot().Deployment(ScenarioApp.Deployment).Env;
        Assert.AreEqual(environment.ClientId, variables["WORKOS_CLIENT_ID"], "the deployment holds the credentials");
        CollectionAssert.AreEqual(new[] { "http://localhost:5173/callback" }, environment.RedirectUris, "WorkOS knows the redirect URI");
        Assert.AreEqual(ScenarioApp.DeploymentEnvLine + stale, s.ReadEnvFile(), "the file is left for the user");

        s.WriteEnvFile(ScenarioApp.DeploymentEnvLine);
        s.Sandbox.ClearRequests();
        var fixedBuild = s.Build("ViteApp.csproj");
        Assert.AreEqual(0, fixedBuild.ExitCode, fixedBuild.ToString());
        var requests = s.Sandbox.Requests.Select(r => r.Method + " " + r.Path).ToList();
        Assert.AreEqual(6, requests.Count, "authorize, the team question, the variables, the 3 WorkOS settings: " + string.Join(", ", requests));
        Assert.IsFalse(requests.Any(r => r.Contains("get_or_provision") || r.Contains("update_environment_variables")), "no provisioning call, no variable write");
        Assert.AreEqual(1, s.Sandbox.Snapshot().Counters.EnvironmentsProvisioned);
        var changes = FixtureProject.PackageLines(fixedBuild).Where(l => l.Contains("  - ")).ToList();
        Assert.AreEqual(1, changes.Count, fixedBuild.ToString());
        StringAssert.EndsWith(changes[0], "- wrote VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI to .env.local");
        StringAssert.Contains(s.ReadEnvFile(), "VITE_WORKOS_CLIENT_ID=" + environment.ClientId + "\n");
    }
}
