using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Tests.Http;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.ConvexApi;

/// <summary>The two health reads of BigBrainClient (the status's only): environment health decided by the code, team health's body.</summary>
[TestClass]
public sealed class WorkOSHealthClientTests
{
    private const string Name = SandboxHarness.DeploymentName;
    private const string EnvironmentHealthPath = "/api/deployments/happy-animal-123/workos_environment_health";
    private const string TeamHealthPath = "/api/teams/1/workos_team_health";

    [TestMethod]
    public void TheEndpointsAreGetsOnTheirPaths()
    {
        Assert.AreEqual("GET Convex management API " + EnvironmentHealthPath, BigBrainClient.Endpoints.WorkOSEnvironmentHealth(Name).ToString());
        Assert.AreEqual("GET Convex management API " + TeamHealthPath, BigBrainClient.Endpoints.WorkOSTeamHealth(1).ToString());
    }

    [TestMethod]
    public async Task EnvironmentHealth_ReturnsTheEnvironment_OrMissing()
    {
        await using var h = await SandboxHarness.StartAsync(SandboxHarness.WithWorkOSEnvironment());
        var health = await h.BigBrain().WorkOSEnvironmentHealthAsync(Name, default);
        Assert.AreEqual(WorkOSEnvironmentHealth.Found("environment_01JHARNESS00000000000000001", Name, "client_01JHARNESS00000000000000001"), health);
        var request = h.RequestsTo(EnvironmentHealthPath).Single();
        Assert.AreEqual("GET", request.Method);
        Assert.AreEqual(SandboxAuthKind.AccessToken, request.AuthKind);
        Assert.AreEqual("", request.RequestBody);

        await using var deleted = await SandboxHarness.StartAsync(SandboxScenario.Fresh(Name).WithDeletedEnvironment());
        Assert.AreEqual(WorkOSEnvironmentHealth.Missing, await deleted.BigBrain().WorkOSEnvironmentHealthAsync(Name, default));
    }

    /// <summary>docs/protocol.md#error-bodies-and-codes: the code decides, whatever the status; a 404 without it is an error.</summary>
    [TestMethod]
    [DataRow(404, "{\"code\":\"WorkOSEnvironmentNotProvisioned\",\"message\":\"none\"}", true)]
    [DataRow(400, "{\"code\":\"WorkOSEnvironmentNotProvisioned\",\"message\":\"none\"}", true)]
    [DataRow(404, "{\"code\":\"NotFound\",\"message\":\"No route\"}", false)]
    [DataRow(404, "Not Found", false)]
    public async Task EnvironmentHealth_IsDecidedByTheCode_NotTheStatus(int status, string body, bool missing)
    {
        await using var h = await SandboxHarness.StartAsync(SandboxHarness.WithWorkOSEnvironment());
        h.Fault(SandboxService.BigBrain, "GET", EnvironmentHealthPath, status: status, body: body);
        if (missing)
        {
            Assert.AreEqual(WorkOSEnvironmentHealth.Missing, await h.BigBrain().WorkOSEnvironmentHealthAsync(Name, default));
            return;
        }
        var e = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.BigBrain().WorkOSEnvironmentHealthAsync(Name, default));
        Assert.AreEqual(status, e.Status);
    }

    [TestMethod]
    public async Task TeamHealth_ReadsTheProductionState()
    {
        var scenario = SandboxScenario.Fresh(Name);
        scenario.Teams[0].WorkosTeam!.ProductionState = "suspended";
        await using var h = await SandboxHarness.StartAsync(scenario);
        var health = await h.BigBrain().WorkOSTeamHealthAsync(1, default);
        Assert.AreEqual(new WorkOSTeamHealth(true, "org_01JSANDBOX0000000000000001", "my-team", "suspended"), health);
        Assert.IsTrue(health.HasProblemState);
        Assert.AreEqual("GET", h.RequestsTo(TeamHealthPath).Single().Method);

        await using var none = await SandboxHarness.StartAsync(SandboxScenario.Fresh(Name, teamHasWorkOS: false));
        Assert.AreEqual(new WorkOSTeamHealth(false, null, null, null), await none.BigBrain().WorkOSTeamHealthAsync(1, default));
    }

    [TestMethod]
    [DataRow("active", false)]
    [DataRow("inactive", true)]
    [DataRow("suspended", true)]
    [DataRow("deleting", true)]
    [DataRow("somethingNew", false)]
    public void ProblemStates(string state, bool problem) =>
        Assert.AreEqual(problem, new WorkOSTeamHealth(true, null, null, state).HasProblemState);

    [TestMethod]
    [DataRow("{\"teamInfo\":null}")]
    [DataRow("{\"teamProvisioned\":true,\"teamInfo\":[]}")]
    [DataRow("{\"teamProvisioned\":true,\"teamInfo\":{\"id\":\"org_1\",\"name\":\"t\",\"productionState\":3}}")]
    public async Task TeamHealth_AMalformedAnswerSaysWhatIsWrong(string body)
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Fault(SandboxService.BigBrain, "GET", TeamHealthPath, status: 200, body: body);
        await Assert.ThrowsExactlyAsync<MalformedResponseException>(() => h.BigBrain().WorkOSTeamHealthAsync(1, default));
    }
}
