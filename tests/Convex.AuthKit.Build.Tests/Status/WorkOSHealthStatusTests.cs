using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Status;
using Convex.AuthKit.Build.Tests.Provisioning;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Status;

/// <summary>
/// The status's WorkOS health rows: whether WorkOS still knows the deployment's environment (and with the client ID
/// the deployment holds), and the team's production state. Read with an access token only, beside the other reads;
/// a failed read is an "unknown" row; the build never asks.
/// </summary>
[TestClass]
public sealed class WorkOSHealthStatusTests
{
    private const string EnvironmentHealthPath = "/api/deployments/happy-animal-123/workos_environment_health";
    private const string TeamHealthPath = "/api/teams/1/workos_team_health";
    private const string Environment = WorkOSHealth.EnvironmentLabel;
    private const string Team = WorkOSHealth.TeamLabel;

    [TestMethod]
    public async Task EnvironmentExists_WithTheDeploymentsClientId_AndAnActiveTeam()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        var environment = h.WorkOSEnvironment()!;
        h.Sandbox.ClearRequests();

        var (block, log) = await StatusRun.RunAsync(h);

        StatusRun.AssertOneBlock(log);
        Assert.AreEqual($"exists ({environment.Name}, client ID {environment.ClientId}), the deployment's WORKOS_CLIENT_ID", block[Environment]);
        Assert.AreEqual("active (WorkOS team my-team)", block[Team]);
        Assert.IsNull(block[WorkOSHealth.NextStepLabel]);
        Assert.HasCount(1, h.Sandbox.Requests.Where(r => r.Path == EnvironmentHealthPath && r.Method == "GET"));
        Assert.HasCount(1, h.Sandbox.Requests.Where(r => r.Path == TeamHealthPath && r.Method == "GET"));
        StatusRun.AssertNoMutatingRequest(h);
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
    }

    [TestMethod]
    public async Task NothingProvisionedYet_TheEnvironmentIsNoneYet_NotAProblem()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var (block, _) = await StatusRun.RunAsync(h);
        Assert.AreEqual("none yet: the deployment has no WorkOS environment", block[Environment]);
        Assert.IsNull(block[WorkOSHealth.NextStepLabel]);
        StringAssert.StartsWith(block.NextBuild, "provision the AuthKit environment");
    }

    [TestMethod]
    public async Task DeletedEnvironment_IsMissing_WithTheNextStep_AndTheBuildAgrees()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", SandboxScenario.Fresh().WithDeletedEnvironment());
        h.WriteEnvFile($"CONVEX_DEPLOYMENT=dev:{FlowHarness.Deployment}\nVITE_WORKOS_CLIENT_ID={DeletedEnvironment.ClientId}\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n");

        var (block, log) = await StatusRun.RunAsync(h);

        var text = StatusRun.AssertOneBlock(log);
        Assert.AreEqual("WORKOS_CLIENT_ID set, WORKOS_ENVIRONMENT_ID set, WORKOS_API_KEY set", block["deployment variables"]);
        Assert.AreEqual("missing: WorkOS no longer has the environment the deployment's WORKOS_* variables belong to (WorkOSEnvironmentNotProvisioned)", block[Environment]);
        Assert.AreEqual("active (WorkOS team my-team)", block[Team]);
        Assert.AreEqual("remove the three variables from the deployment (`npx convex env remove WORKOS_CLIENT_ID WORKOS_API_KEY WORKOS_ENVIRONMENT_ID`), "
            + "delete VITE_WORKOS_CLIENT_ID from .env.local, then build with -p:ConvexAuthKitForce=true to provision a new environment", block[WorkOSHealth.NextStepLabel]);
        Assert.AreEqual("fail with error CAK1013: WorkOS rejects the deployment's WORKOS_API_KEY, as its environment no longer exists", block.NextBuild);
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, "a missing environment is told, not raised: " + log.All);
        StatusRun.AssertNoMutatingRequest(h);
        Assert.DoesNotContain(DeletedEnvironment.ApiKey, text);

        // The build agrees with the forecast: WorkOS rejects the old key.
        h.Sandbox.ClearRequests();
        var build = await h.RunAsync();
        Assert.AreEqual("CAK1013", build.Errors.Single().Code, build.All);
        Assert.IsFalse(h.Sandbox.Requests.Any(r => r.Path.EndsWith("_health", StringComparison.Ordinal)), "the health reads are the status's only");

        // The next step, followed: a new environment, and the deployment and the env file hold its values.
        await RemoveWorkOSVariablesAsync(h);
        h.WriteEnvFile($"CONVEX_DEPLOYMENT=dev:{FlowHarness.Deployment}\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n");
        h.Configure = s => s.Force = true;
        build = await h.RunAsync();
        Assert.AreEqual(0, build.Errors.Count + build.Warnings.Count, build.All);
        var fresh = h.WorkOSEnvironment()!;
        Assert.AreNotEqual(DeletedEnvironment.ClientId, fresh.ClientId);
        Assert.AreEqual(fresh.ClientId, h.DeploymentVariables()["WORKOS_CLIENT_ID"]);
        StringAssert.Contains(h.ReadEnvFile(), "VITE_WORKOS_CLIENT_ID=" + fresh.ClientId);

        h.Configure = null;
        (block, _) = await StatusRun.RunAsync(h);
        StringAssert.StartsWith(block[Environment], "exists (");
        Assert.IsNull(block[WorkOSHealth.NextStepLabel]);
    }

    [TestMethod]
    public async Task DeletedEnvironment_OnlyTheVariablesNoEnvFileEntry_TheNextStepNamesNoEntry()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", SandboxScenario.Fresh().WithDeletedEnvironment());
        var (block, _) = await StatusRun.RunAsync(h);
        Assert.AreEqual("remove the three variables from the deployment (`npx convex env remove WORKOS_CLIENT_ID WORKOS_API_KEY WORKOS_ENVIRONMENT_ID`), "
            + "then build with -p:ConvexAuthKitForce=true to provision a new environment", block[WorkOSHealth.NextStepLabel]);
    }

    [TestMethod]
    public async Task ClientIdDiffers_WhenTheDeploymentHoldsAnotherEnvironmentsValues()
    {
        var scenario = SandboxScenario.Fresh();
        scenario.WorkosEnvironments.Add(new SandboxWorkOSEnvironment
        {
            DeploymentName = FlowHarness.Deployment,
            Id = "environment_01JRECORDED0000000000000001",
            Name = "recorded",
            ClientId = "client_01JRECORDED0000000000000001",
        });
        var other = new SandboxWorkOSEnvironment
        {
            Id = "environment_01JOTHER000000000000000001",
            Name = "other",
            ClientId = "client_01JOTHER000000000000000001",
            ApiKey = "sk_test_other_environment_91c3aa",
        };
        scenario.WorkosEnvironments.Add(other);
        var env = scenario.Deployment(FlowHarness.Deployment).Env;
        env["WORKOS_CLIENT_ID"] = other.ClientId;
        env["WORKOS_API_KEY"] = other.ApiKey;
        env["WORKOS_ENVIRONMENT_ID"] = other.Id;
        await using var h = await FlowHarness.StartAsync("vite-app", scenario);

        var (block, log) = await StatusRun.RunAsync(h);

        Assert.AreEqual("client ID differs: the environment (recorded) has client_01JRECORDED0000000000000001, but the deployment's WORKOS_CLIENT_ID is client_01JOTHER000000000000000001", block[Environment]);
        Assert.IsNull(block[WorkOSHealth.NextStepLabel]);
        Assert.AreEqual(0, log.Errors.Count, log.All);
        Assert.IsFalse(log.All.Contains(other.ApiKey), "a secret reached the log");
    }

    [TestMethod]
    [DataRow("inactive")]
    [DataRow("suspended")]
    [DataRow("deleting")]
    public async Task TeamInAProblemState_IsAProblemRow(string state)
    {
        var scenario = SandboxScenario.Fresh();
        scenario.Teams[0].WorkosTeam!.ProductionState = state;
        await using var h = await FlowHarness.StartAsync("vite-app", scenario);

        var (block, log) = await StatusRun.RunAsync(h);

        Assert.AreEqual($"{state}: a problem, WorkOS team my-team is {state}; check it in the WorkOS dashboard", block[Team]);
        Assert.AreEqual(0, log.Errors.Count, "the status tells the problem, it does not fail: " + log.All);
    }

    [TestMethod]
    public async Task DeployKey_ChecksNeither()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", SandboxScenario.Fresh().WithDeletedEnvironment(), loggedIn: false, withDeployment: false);
        h.Environment["CONVEX_DEPLOY_KEY"] = FreshSecrets.DeployKey(FlowHarness.Deployment);

        var (block, log) = await StatusRun.RunAsync(h);

        StatusRun.AssertOneBlock(log);
        Assert.AreEqual("not checked (deploy key)", block[Environment]);
        Assert.AreEqual("not checked (deploy key)", block[Team]);
        Assert.IsNull(block[WorkOSHealth.NextStepLabel], "unknown health gives no next step");
        Assert.IsFalse(h.Sandbox.Requests.Any(r => r.Path.Contains("workos")), string.Join(", ", h.Sandbox.Requests));
    }

    [TestMethod]
    public async Task TeamWithoutWorkOS_TheTeamIsNotAsked()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", SandboxScenario.Fresh(teamHasWorkOS: false));
        var (block, _) = await StatusRun.RunAsync(h);
        Assert.AreEqual("not checked (the Convex team has no WorkOS team)", block[Team]);
        Assert.AreEqual("none yet: the deployment has no WorkOS environment", block[Environment]);
        Assert.IsFalse(h.Sandbox.Requests.Any(r => r.Path == TeamHealthPath));
    }

    [TestMethod]
    public async Task FailedHealthReads_AreUnknownRows_AndTheStatusGoesOn()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        new FaultPolicy().Use(h);
        await h.RunAsync();
        h.Sandbox.InjectFault(new SandboxFault { Service = SandboxService.BigBrain, Method = "GET", Path = EnvironmentHealthPath, Status = 500, Count = 3, Body = "{\"code\":\"InternalServerError\",\"message\":\"boom\"}" });
        h.Sandbox.InjectFault(new SandboxFault { Service = SandboxService.BigBrain, Method = "GET", Path = TeamHealthPath, Status = 200, Body = "{\"teamProvisioned\":true,\"teamInfo\":{\"id\":\"org_1\",\"name\":\"t\"}}" });

        var (block, log) = await StatusRun.RunAsync(h);

        StatusRun.AssertOneBlock(log);
        Assert.AreEqual("unknown (the Convex management API answered 500 InternalServerError)", block[Environment]);
        StringAssert.StartsWith(block[Team], "unknown (Unexpected answer from the Convex management API to GET ");
        StringAssert.EndsWith(block[Team], "missing string field 'teamInfo.productionState')");
        Assert.AreEqual("WORKOS_CLIENT_ID set, WORKOS_ENVIRONMENT_ID set, WORKOS_API_KEY set", block["deployment variables"], "the other reads are unaffected");
        Assert.AreEqual(NextBuildForecast.StampMatches, block.NextBuild);
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
    }

    [TestMethod]
    public async Task Offline_HealthIsUnknown()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        new FaultPolicy().Use(h);
        await h.Sandbox.DisposeAsync();
        var (block, log) = await StatusRun.RunAsync(h);
        Assert.AreEqual("unknown (Convex could not be reached)", block[Environment]);
        Assert.AreEqual("unknown (the WorkOS team question got no answer)", block[Team]);
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
    }

    /// <summary>
    /// No extra round trip: the environment's read overlaps round trip 1 (authorize), the team's the variables read.
    /// Each pair is held on the server, so a read that waited for the other could not overlap it.
    /// </summary>
    [TestMethod]
    public async Task HealthReads_RunBesideTheOtherReads()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        h.Sandbox.ClearRequests();
        void Hold(string method, string path, SandboxService service = SandboxService.BigBrain) =>
            h.Sandbox.InjectFault(new SandboxFault { Service = service, Method = method, Path = path, HoldMilliseconds = 700 });
        Hold("POST", "/api/deployment/authorize_within_current_project");
        Hold("GET", EnvironmentHealthPath);
        Hold("GET", "/api/v1/list_environment_variables", SandboxService.Deployment);
        Hold("GET", TeamHealthPath);

        var (block, _) = await StatusRun.RunAsync(h);

        StringAssert.StartsWith(block[Environment], "exists (");
        StringAssert.StartsWith(block[Team], "active");
        AssertOverlap(h, "/api/deployment/authorize_within_current_project", EnvironmentHealthPath);
        AssertOverlap(h, "/api/v1/list_environment_variables", TeamHealthPath);
    }

    [TestMethod]
    public async Task TheBuildNeverAsksForHealth()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        h.Configure = s => s.Force = true;
        await h.RunAsync();
        Assert.IsFalse(h.Sandbox.Requests.Any(r => r.Path.EndsWith("_health", StringComparison.Ordinal)), string.Join(", ", h.Sandbox.Requests));
    }

    private static void AssertOverlap(FlowHarness h, string firstPath, string secondPath)
    {
        var first = h.Sandbox.Requests.Single(r => r.Path == firstPath);
        var second = h.Sandbox.Requests.Single(r => r.Path == secondPath);
        Assert.IsTrue(first.Started < second.Ended && second.Started < first.Ended,
            $"{firstPath} [{first.Started:HH:mm:ss.fff}–{first.Ended:HH:mm:ss.fff}] and {secondPath} [{second.Started:HH:mm:ss.fff}–{second.Ended:HH:mm:ss.fff}] ran one after the other");
    }

    private static async Task RemoveWorkOSVariablesAsync(FlowHarness h)
    {
        using var http = new ResilientHttpClient(HttpPolicy.CreateDefault());
        await new DeploymentClient(http, h.Sandbox.DeploymentUrl, FreshSecrets.AdminKey(FlowHarness.Deployment)).UpdateEnvironmentVariablesAsync(new[]
        {
            new EnvironmentVariableChange("WORKOS_CLIENT_ID", null),
            new EnvironmentVariableChange("WORKOS_API_KEY", null),
            new EnvironmentVariableChange("WORKOS_ENVIRONMENT_ID", null),
        }, default);
    }
}
