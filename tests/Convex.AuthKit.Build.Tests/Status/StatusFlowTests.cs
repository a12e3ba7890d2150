using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Status;
using Convex.AuthKit.Build.Tests.Provisioning;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Status;

/// <summary>
/// ConvexAuthKitStatus at the flow level: one block of facts and a last line saying what the next build would do;
/// reads only (authorize, team question, list variables), writes nothing; works unprovisioned, offline, without an app.
/// </summary>
[TestClass]
public sealed class StatusFlowTests
{
    private static readonly string[] Reads =
    {
        "/api/deployment/authorize_within_current_project", "/api/workos/has_associated_workos_team", "/api/v1/list_environment_variables",
        "/api/deployments/happy-animal-123/workos_environment_health", "/api/teams/1/workos_team_health",
    };

    [TestMethod]
    public async Task NothingProvisionedYet_TellsTheFactsAndThePlan_WithReadsOnly()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var envFile = File.ReadAllBytes(h.EnvFilePath);

        var (block, log) = await StatusRun.RunAsync(h);

        var text = StatusRun.AssertOneBlock(log);
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.AreEqual($"{h.AppDirectory} (the project folder)", block["Convex app"]);
        Assert.AreEqual("convex.json authKit.dev", block["AuthKit"]);
        StringAssert.StartsWith(block["deployment"], "dev:happy-animal-123, selected by CONVEX_DEPLOYMENT in .env.local");
        StringAssert.StartsWith(block["credential"], "access token (from ~");
        Assert.AreEqual("WORKOS_CLIENT_ID missing, WORKOS_ENVIRONMENT_ID missing, WORKOS_API_KEY missing", block["deployment variables"]);
        StringAssert.StartsWith(block["client ID"], "none yet");
        Assert.AreEqual("http://localhost:5173/callback", block["redirect URIs"]);
        Assert.AreEqual("http://localhost:5173", block["CORS origins"]);
        Assert.AreEqual("http://localhost:5173", block["homepage"]);
        Assert.AreEqual("present: none; missing: VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI", block[".env.local"]);
        StringAssert.StartsWith(block.NextBuild, "provision the AuthKit environment of deployment happy-animal-123");
        StringAssert.Contains(block.NextBuild, "set WORKOS_CLIENT_ID, WORKOS_ENVIRONMENT_ID, WORKOS_API_KEY on the deployment");
        StringAssert.Contains(block.NextBuild, "write VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI to .env.local");
        StringAssert.EndsWith(text, "next build:           " + block.NextBuild);

        CollectionAssert.AreEquivalent(Reads, h.Sandbox.Requests.Select(r => r.Path).ToArray(), string.Join(", ", h.Sandbox.Requests));
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(h.EnvFilePath));
        Assert.IsFalse(Directory.Exists(Path.GetDirectoryName(h.Files.StampFile)), "a status writes no state file");
        StatusRun.AssertNoSecret(h, log.All);
    }

    [TestMethod]
    public async Task Provisioned_ShowsTheDeploymentValues_AndTheStampHit()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        var environment = h.WorkOSEnvironment()!;
        var stamp = File.ReadAllBytes(h.Files.StampFile);
        h.Sandbox.ClearRequests();

        var (block, log) = await StatusRun.RunAsync(h);

        StatusRun.AssertOneBlock(log);
        Assert.AreEqual("WORKOS_CLIENT_ID set, WORKOS_ENVIRONMENT_ID set, WORKOS_API_KEY set", block["deployment variables"]);
        Assert.AreEqual($"{environment.ClientId} (from the deployment)", block["client ID"]);
        Assert.AreEqual("present: VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI; missing: none", block[".env.local"]);
        Assert.AreEqual(NextBuildForecast.StampMatches, block.NextBuild);
        StatusRun.AssertNoMutatingRequest(h);
        CollectionAssert.AreEqual(stamp, File.ReadAllBytes(h.Files.StampFile));
        StatusRun.AssertNoSecret(h, log.All);

        DeleteStamps(h);
        (block, _) = await StatusRun.RunAsync(h);
        StringAssert.StartsWith(block.NextBuild, "change nothing: the deployment and the env file are complete (it re-sends the 3 WorkOS settings");
        Assert.IsFalse(File.Exists(h.Files.StampFile));
    }

    [TestMethod]
    public async Task StampHitWithDrift_SaysAForcedBuildWouldRepairIt()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        h.Configure = s => s.Force = true;
        var (forced, _) = await StatusRun.RunAsync(h);
        StringAssert.StartsWith(forced.NextBuild, "change nothing", "Force ignores the stamp, as in the build");
        h.Configure = null;

        // A dashboard edit behind the build's back: the deployment loses WORKOS_API_KEY; the stamp still matches.
        using (var http = new ResilientHttpClient(HttpPolicy.CreateDefault()))
            await new DeploymentClient(http, h.Sandbox.DeploymentUrl, FreshSecrets.AdminKey(FlowHarness.Deployment))
                .UpdateEnvironmentVariablesAsync(new[] { new EnvironmentVariableChange("WORKOS_API_KEY", null) }, default);
        h.Sandbox.ClearRequests();

        var (block, log) = await StatusRun.RunAsync(h);
        Assert.AreEqual("WORKOS_CLIENT_ID set, WORKOS_ENVIRONMENT_ID set, WORKOS_API_KEY missing", block["deployment variables"]);
        StringAssert.StartsWith(block.NextBuild, NextBuildForecast.StampMatches + "; a forced build (-p:ConvexAuthKitForce=true) would provision");
        StatusRun.AssertNoMutatingRequest(h);
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
    }

    [TestMethod]
    public async Task Offline_WithStamp_ReadsTheClientIdFromTheEnvFile()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        new FaultPolicy().Use(h);
        await h.RunAsync();
        var clientId = h.WorkOSEnvironment()!.ClientId;
        await h.Sandbox.DisposeAsync();

        var (block, log) = await StatusRun.RunAsync(h);

        StatusRun.AssertOneBlock(log);
        Assert.AreEqual(NextBuildForecast.StampMatches, block.NextBuild, "offline with a stamp hit: the build does nothing");
        StringAssert.StartsWith(block["deployment variables"], "unknown: offline (Could not reach");
        Assert.AreEqual($"{clientId} (VITE_WORKOS_CLIENT_ID in .env.local), not checked against the deployment", block["client ID"]);
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);

        DeleteStamps(h);
        (block, _) = await StatusRun.RunAsync(h);
        Assert.AreEqual("try Convex again; if it is still unreachable, warn CAK2105 and go on (.env.local holds every entry)", block.NextBuild);
    }

    [TestMethod]
    public async Task Offline_WithoutStamp_SaysSoAndTellsTheLocalFacts()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        new FaultPolicy().Use(h);
        await h.Sandbox.DisposeAsync();

        var (block, log) = await StatusRun.RunAsync(h);

        StatusRun.AssertOneBlock(log);
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        StringAssert.StartsWith(block["deployment variables"], "unknown: offline");
        Assert.AreEqual("unknown (the deployment was not read)", block["client ID"]);
        Assert.AreEqual("http://localhost:5173/callback", block["redirect URIs"]);
        Assert.AreEqual("present: none; missing: VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI", block[".env.local"]);
        Assert.AreEqual("try Convex again; if it is still unreachable, fail with error CAK1014 (.env.local lacks VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI)", block.NextBuild);
    }

    [TestMethod]
    public async Task ProjectWithoutConvexApp_SaysSo()
    {
        await using var h = await FlowHarness.StartAsync("no-convex", loggedIn: false, withDeployment: false);
        var (block, log) = await StatusRun.RunAsync(h);
        StatusRun.AssertOneBlock(log);
        StringAssert.StartsWith(block["Convex app"], "none (");
        Assert.AreEqual("nothing: this project has no Convex app", block.NextBuild);
        Assert.AreEqual(0, h.Sandbox.Requests.Count);
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
    }

    [TestMethod]
    public async Task NotLoggedIn_NamesTheMissingCredential_WithoutAWarning()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", loggedIn: false);
        var (block, log) = await StatusRun.RunAsync(h);
        StatusRun.AssertOneBlock(log);
        StringAssert.StartsWith(block["credential"], "none: not logged in");
        Assert.AreEqual("not read", block["deployment variables"]);
        StringAssert.StartsWith(block.NextBuild, "warn CAK2104 and change nothing");
        StringAssert.Contains(block.NextBuild, "you are not logged in to Convex: there is no access token in", "the selection's own message, as the build reports it");
        Assert.AreEqual(0, log.Warnings.Count, "the status is not a build: it tells the warning instead of raising it");
        Assert.AreEqual(0, h.Sandbox.Requests.Count);
    }

    [TestMethod]
    public async Task AnyConfiguration_TellsWhetherTheNextBuildRunsAtAll()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var (release, _) = await StatusRun.RunAsync(h, "Release");
        StringAssert.StartsWith(release.NextBuild, "nothing in Release (Release is not in ConvexAuthKitConfigurations (Debug)); in a listed configuration it would do: provision");
        Assert.AreEqual("WORKOS_CLIENT_ID missing, WORKOS_ENVIRONMENT_ID missing, WORKOS_API_KEY missing", release["deployment variables"], "the facts are read in any configuration");

        var (listed, _) = await StatusRun.RunAsync(h, "development", "Debug; Development");
        StringAssert.StartsWith(listed.NextBuild, "provision");

        var (disabled, _) = await StatusRun.RunAsync(h, enabled: false);
        StringAssert.StartsWith(disabled.NextBuild, "nothing in Debug (ConvexAuthKitEnabled is false)");
        StatusRun.AssertNoMutatingRequest(h);
    }

    [TestMethod]
    public async Task InvalidConvexJson_IsARealError_AndTheBlockStillComes()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        File.WriteAllText(Path.Combine(h.AppDirectory, "convex.json"), "{ \"authKit\": ");
        var (block, log) = await StatusRun.RunAsync(h);
        Assert.AreEqual("CAK1001", log.Errors.Single().Code, log.All);
        StatusRun.AssertOneBlock(log);
        StringAssert.StartsWith(block.NextBuild, "fail with error CAK1001");

        h.Configure = s => s.FailOnError = false;
        (block, log) = await StatusRun.RunAsync(h);
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        StringAssert.StartsWith(block.NextBuild, "warn CAK1001 and go on");
        StringAssert.StartsWith(block["warning"], "CAK1001: ");
    }

    [TestMethod]
    public async Task BrokenSettings_AreRealErrors()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        h.Configure = s => s.ConvexProjectDirectory = "no-such-folder";
        var (block, log) = await StatusRun.RunAsync(h);
        Assert.AreEqual("CAK1003", log.Errors.Single().Code, log.All);
        StringAssert.EndsWith(block["Convex app"], "no-such-folder (ConvexProjectDirectory) does not exist");
        StringAssert.StartsWith(block.NextBuild, "fail with error CAK1003");

        h.Configure = null;
        h.Environment["CONVEX_SELF_HOSTED_URL"] = "http://127.0.0.1:3210";
        (block, log) = await StatusRun.RunAsync(h);
        Assert.AreEqual("CAK1004", log.Errors.Single().Code, log.All);
        StringAssert.StartsWith(block["deployment"], "invalid: ");
        StringAssert.StartsWith(block.NextBuild, "fail with error CAK1004");
        Assert.AreEqual(0, h.Sandbox.Requests.Count);
    }

    [TestMethod]
    public async Task DeployKeyOnAFreshDeployment_ForecastsTheRefusal_WithoutAWorkOSCall()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", loggedIn: false, withDeployment: false);
        h.Environment["CONVEX_DEPLOY_KEY"] = FreshSecrets.DeployKey(FlowHarness.Deployment);
        var (block, log) = await StatusRun.RunAsync(h);
        StatusRun.AssertOneBlock(log);
        StringAssert.StartsWith(block["credential"], "deploy key (CONVEX_DEPLOY_KEY from the process environment");
        StringAssert.StartsWith(block.NextBuild, "fail with error CAK1006");
        Assert.IsFalse(h.Sandbox.Requests.Any(r => r.Path.Contains("/workos/")));
        Assert.IsFalse(log.All.Contains(FreshSecrets.DeployKeySecret));
        Assert.AreEqual(0, log.Errors.Count, "a status fails only on a real error");
    }

    [TestMethod]
    public async Task TeamWithoutWorkOS_ForecastsCak1007_OrTheTeamCreation()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", SandboxScenario.Fresh(teamHasWorkOS: false));
        var (block, _) = await StatusRun.RunAsync(h);
        Assert.AreEqual("none yet for the Convex team", block["WorkOS team"]);
        StringAssert.StartsWith(block.NextBuild, "fail with error CAK1007");

        h.Configure = s => { s.WorkOSTeamEmail = "dev@example.com"; s.AcceptWorkOSTerms = true; };
        (block, _) = await StatusRun.RunAsync(h);
        StringAssert.StartsWith(block.NextBuild, "create the Convex team's WorkOS team (admin dev@example.com); provision");
        StatusRun.AssertNoMutatingRequest(h);
    }

    [TestMethod]
    public async Task StaleEnvFileValue_ForecastsCak1010()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        h.WriteEnvFile($"CONVEX_DEPLOYMENT=dev:{FlowHarness.Deployment}\nVITE_WORKOS_CLIENT_ID=client_from_another_deployment\n");
        var (block, log) = await StatusRun.RunAsync(h);
        StringAssert.StartsWith(block.NextBuild, "fail with error CAK1010: VITE_WORKOS_CLIENT_ID in .env.local (line 2) is 'client_from_another_deployment'");
        Assert.AreEqual(0, log.Errors.Count, log.All);

        var build = await h.RunAsync();
        Assert.AreEqual("CAK1010", build.Errors.Single().Code, "the forecast agrees with the build");
    }

    [TestMethod]
    public async Task OtherEnvFile_IsTheOneReadAndNamed()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", withDeployment: false);
        Directory.CreateDirectory(Path.Combine(h.AppDirectory, "config"));
        File.WriteAllText(Path.Combine(h.AppDirectory, "config", "dev.env"), $"CONVEX_DEPLOYMENT=dev:{FlowHarness.Deployment}\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n");
        h.Configure = s => s.EnvFile = Path.Combine("config", "dev.env");
        var (block, _) = await StatusRun.RunAsync(h);
        StringAssert.Contains(block["deployment"], "CONVEX_DEPLOYMENT in config");
        Assert.AreEqual("present: VITE_WORKOS_REDIRECT_URI; missing: VITE_WORKOS_CLIENT_ID", block[Path.Combine("config", "dev.env")]);
        StringAssert.EndsWith(block.NextBuild, "write VITE_WORKOS_CLIENT_ID to " + Path.Combine("config", "dev.env"));
    }

    [TestMethod]
    public async Task AnotherProjectOfTheSameAppSeesTheAppsRecordedSuccess()
    {
        await using var h = await FlowHarness.StartAsync();
        h.Configure = s => s.ConvexProjectDirectory = h.AppDirectory;
        await h.RunAsync();
        // A second project of the same Convex app: no stamp of its own, but the app's shared one matches (docs/architecture.md#parallel-builds).
        h.ProjectDirectory = Path.Combine(h.Root, "other-project");
        Directory.CreateDirectory(h.ProjectDirectory);

        var (block, _) = await StatusRun.RunAsync(h);
        Assert.AreEqual(NextBuildForecast.StampMatches, block.NextBuild);
        h.Sandbox.ClearRequests();
        await h.RunAsync();
        Assert.AreEqual(0, h.Sandbox.Requests.Count, "the build agrees with the forecast");
    }

    /// <summary>No recorded success at all: neither the project's stamp nor the Convex app's shared one.</summary>
    private static void DeleteStamps(FlowHarness h)
    {
        File.Delete(h.Files.StampFile);
        File.Delete(Convex.AuthKit.Build.Incremental.AppLock.StampPathFor(h.AppDirectory)!);
    }
}
