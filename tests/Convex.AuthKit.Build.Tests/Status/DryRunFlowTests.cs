using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Tests.Provisioning;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Status;

/// <summary>
/// ConvexAuthKitDryRun=true at the flow level: the plan names every call (method, service, path) and every env-file
/// line, and nothing changes — no mutating request, the env file byte-identical, no stamp or items written.
/// </summary>
[TestClass]
public sealed class DryRunFlowTests
{
    private static async Task<RecordingLogSink> DryRunAsync(FlowHarness h)
    {
        var previous = h.Configure;
        h.Configure = s => { previous?.Invoke(s); s.DryRun = true; };
        try { return await h.RunAsync(); }
        finally { h.Configure = previous; }
    }

    [TestMethod]
    public async Task FreshApp_PrintsEveryCallAndEnvLine_AndChangesNothing()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var before = File.ReadAllBytes(h.EnvFilePath);

        var log = await DryRunAsync(h);

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        var plan = string.Join("\n", log.High);
        StringAssert.Contains(log.High[0], "dry run, nothing changed; a build would:");
        foreach (var expected in new[]
        {
            "POST Convex management API /api/deployment/authorize_within_current_project",
            "POST Convex management API /api/workos/has_associated_workos_team",
            "GET deployment /api/v1/list_environment_variables",
            "POST Convex management API /api/workos/get_or_provision_workos_environment",
            "POST deployment /api/v1/update_environment_variables (set WORKOS_CLIENT_ID, WORKOS_ENVIRONMENT_ID, WORKOS_API_KEY)",
            "POST WorkOS /user_management/redirect_uris (http://localhost:5173/callback)",
            "POST WorkOS /user_management/cors_origins (http://localhost:5173)",
            "PUT WorkOS /user_management/app_homepage_url (http://localhost:5173)",
            ".env.local: add # See this environment at https://dashboard.workos.com/",
            "set VITE_WORKOS_CLIENT_ID=<client ID of the new environment>",
            ".env.local: set VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback",
        })
            StringAssert.Contains(plan, expected);

        StatusRun.AssertNoMutatingRequest(h);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(h.EnvFilePath), "the env file is byte-identical");
        Assert.IsFalse(File.Exists(h.Files.StampFile), "a dry run writes no stamp");
        Assert.IsFalse(File.Exists(h.Files.ItemsFile), "a dry run writes no items file");
        Assert.AreEqual(0, h.Sandbox.Snapshot().WorkosEnvironments.Count);
        Assert.AreEqual(0, h.DeploymentVariables().Count);
        StatusRun.AssertNoSecret(h, log.All);
    }

    [TestMethod]
    public async Task AlreadyProvisioned_SaysUpToDateLikeTheReport_ListsOnlyTheReads_AndLeavesTheStampAlone()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        var envFile = File.ReadAllBytes(h.EnvFilePath);
        var stamp = File.ReadAllBytes(h.Files.StampFile);
        var stampTime = File.GetLastWriteTimeUtc(h.Files.StampFile);
        h.Sandbox.ClearRequests();

        var log = await DryRunAsync(h);

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        var plan = string.Join("\n", log.High);
        Assert.IsTrue(h.Sandbox.Requests.Count > 0, "the stamp does not stop a dry run");
        StringAssert.Contains(log.High[0], "dry run, up to date, nothing would change");
        StringAssert.Contains(plan, "GET deployment /api/v1/list_environment_variables");
        Assert.IsFalse(plan.Contains("/user_management/"), "re-sending the WorkOS settings changes nothing, as the report and the status say: " + plan);
        Assert.IsFalse(plan.Contains("get_or_provision"), plan);
        Assert.IsFalse(plan.Contains("update_environment_variables"), plan);
        Assert.IsFalse(plan.Contains(".env.local:"), "the env file is complete: " + plan);
        StatusRun.AssertNoMutatingRequest(h);
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(h.EnvFilePath));
        CollectionAssert.AreEqual(stamp, File.ReadAllBytes(h.Files.StampFile));
        Assert.AreEqual(stampTime, File.GetLastWriteTimeUtc(h.Files.StampFile));
        StatusRun.AssertNoSecret(h, log.All);
    }

    [TestMethod]
    public async Task ProvisionedDeploymentWithIncompleteEnvFile_ShowsTheRealValuesToWrite()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        var clientId = h.WorkOSEnvironment()!.ClientId;
        h.WriteEnvFile($"CONVEX_DEPLOYMENT=dev:{FlowHarness.Deployment}\n");
        var before = File.ReadAllBytes(h.EnvFilePath);
        h.Sandbox.ClearRequests();

        var log = await DryRunAsync(h);

        var plan = string.Join("\n", log.High);
        StringAssert.Contains(plan, $"set VITE_WORKOS_CLIENT_ID={clientId}");
        StringAssert.Contains(plan, "set VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback");
        StatusRun.AssertNoMutatingRequest(h);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(h.EnvFilePath));
    }

    [TestMethod]
    public async Task DeploymentLostItsApiKey_PlansTheProvisioning_WithoutAFalseStaleValueError()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        using (var http = new ResilientHttpClient(HttpPolicy.CreateDefault()))
            await new DeploymentClient(http, h.Sandbox.DeploymentUrl, FreshSecrets.AdminKey(FlowHarness.Deployment))
                .UpdateEnvironmentVariablesAsync(new[] { new EnvironmentVariableChange("WORKOS_API_KEY", null) }, default);
        h.Sandbox.ClearRequests();

        var log = await DryRunAsync(h);

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, "the env file's client ID cannot be compared with an environment not fetched yet: " + log.All);
        StringAssert.Contains(string.Join("\n", log.High), "get_or_provision_workos_environment");
        StatusRun.AssertNoMutatingRequest(h);

        h.Configure = s => s.Force = true;
        var build = await h.RunAsync();
        Assert.AreEqual(0, build.Errors.Count, "and the build agrees: it gets the same environment back " + build.All);
        Assert.AreEqual(h.WorkOSEnvironment()!.ApiKey, h.DeploymentVariables()["WORKOS_API_KEY"]);
    }

    [TestMethod]
    public async Task FreshNextJsApp_MasksTheSecretLines()
    {
        await using var h = await FlowHarness.StartAsync("nextjs-app");
        var log = await DryRunAsync(h);
        var plan = string.Join("\n", log.High);
        StringAssert.Contains(plan, ".env.local: set WORKOS_API_KEY=***");
        StringAssert.Contains(plan, ".env.local: set WORKOS_COOKIE_PASSWORD=***");
        StringAssert.Contains(plan, ".env.local: set NEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback");
        StatusRun.AssertNoMutatingRequest(h);
        Assert.IsFalse(h.ReadEnvFile().Contains("WORKOS_"), "nothing written");
    }

    [TestMethod]
    public async Task TeamWithoutWorkOS_StopsWhereTheBuildWould()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", SandboxScenario.Fresh(teamHasWorkOS: false));
        var log = await DryRunAsync(h);
        Assert.AreEqual("CAK1007", log.Errors.Single().Code, log.All);
        StatusRun.AssertNoMutatingRequest(h);
        Assert.IsNull(h.Sandbox.Snapshot().Team(1).WorkosTeam);
    }

    [TestMethod]
    public async Task TeamWithoutWorkOS_WithEmailAndTerms_PlansTheTeamCreation()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", SandboxScenario.Fresh(teamHasWorkOS: false));
        h.Configure = s => { s.WorkOSTeamEmail = "dev@example.com"; s.AcceptWorkOSTerms = true; };
        var log = await DryRunAsync(h);
        Assert.AreEqual(0, log.Errors.Count, log.All);
        var plan = string.Join("\n", log.High);
        StringAssert.Contains(plan, "POST Convex management API /api/workos/provision_associated_workos_team (create the Convex team's WorkOS team, admin dev@example.com)");
        StatusRun.AssertNoMutatingRequest(h);
        Assert.IsNull(h.Sandbox.Snapshot().Team(1).WorkosTeam, "the team is not created by a dry run");
    }

    [TestMethod]
    public async Task DeployKeyOnAFreshDeployment_FailsLikeTheBuild_WithoutAWorkOSCall()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", loggedIn: false, withDeployment: false);
        h.Environment["CONVEX_DEPLOY_KEY"] = FreshSecrets.DeployKey(FlowHarness.Deployment);
        var log = await DryRunAsync(h);
        Assert.AreEqual("CAK1006", log.Errors.Single().Code, log.All);
        Assert.IsFalse(h.Sandbox.Requests.Any(r => r.Path.Contains("/workos/")));
        StatusRun.AssertNoMutatingRequest(h);
    }

    [TestMethod]
    public async Task ProjectWithoutConvexApp_WritesNoStamp()
    {
        await using var h = await FlowHarness.StartAsync("no-convex", loggedIn: false, withDeployment: false);
        var log = await DryRunAsync(h);
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.IsFalse(File.Exists(h.Files.StampFile), "a dry run writes no stamp, even with nothing to do");
        Assert.IsFalse(File.Exists(h.Files.ItemsFile));

        await h.RunAsync();
        Assert.IsTrue(File.Exists(h.Files.StampFile), "an ordinary run does (the test can fail)");
    }
}
