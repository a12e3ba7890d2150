using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Convex.AuthKit.Sandbox.Tests.SandboxFixture;
using static Convex.AuthKit.Sandbox.Tests.SandboxHttp;

namespace Convex.AuthKit.Sandbox.Tests;

/// <summary>Big Brain's two health reads, and the scenario whose WorkOS environment was deleted.</summary>
[TestClass]
public sealed class WorkOSHealthTests
{
    private const string EnvironmentHealth = "/api/deployments/happy-animal-123/workos_environment_health";
    private const string TeamHealth = "/api/teams/1/workos_team_health";

    [TestMethod]
    public async Task EnvironmentHealthIsNotProvisionedUntilProvisioned_ThenNamesTheEnvironment()
    {
        await using var server = await Fresh();
        var before = await Get(server.BigBrainUrl, EnvironmentHealth, Bearer(AccessToken));
        Assert.AreEqual(404, before.Status, before.ToString());
        Assert.AreEqual("WorkOSEnvironmentNotProvisioned", before.Code);
        Assert.IsTrue(before.IsJson);

        var provisioned = await Provision(server);
        var after = await Get(server.BigBrainUrl, EnvironmentHealth, Bearer(AccessToken));
        Assert.AreEqual(200, after.Status, after.ToString());
        Assert.AreEqual(
            $"{{\"id\":\"{provisioned["environmentId"]}\",\"name\":\"{provisioned["environmentName"]}\",\"clientId\":\"{provisioned["clientId"]}\"}}",
            after.Body);
    }

    [TestMethod]
    public async Task EnvironmentHealthRefusesDeployKeys_OtherTeams_AndOtherMethods()
    {
        var scenario = SandboxScenario.Fresh(Deployment);
        scenario.Teams.Add(new SandboxTeam { Id = 2, Slug = "other-team" });
        scenario.Projects.Add(new SandboxProject { Id = 20, TeamId = 2, Slug = "other-project" });
        scenario.WithDeployment("other-animal-456", projectId: 20);
        await using var server = await SandboxServer.StartAsync(scenario);

        var deployKey = await Get(server.BigBrainUrl, EnvironmentHealth, Bearer(DeployKey));
        Assert.AreEqual(403, deployKey.Status);
        Assert.AreEqual("NotAllowed", deployKey.Code);
        var otherTeam = await Get(server.BigBrainUrl, "/api/deployments/other-animal-456/workos_environment_health", Bearer(AccessToken));
        Assert.AreEqual("ProjectNotFound", otherTeam.Code);
        var unknown = await Get(server.BigBrainUrl, "/api/deployments/no-such-1/workos_environment_health", Bearer(AccessToken));
        Assert.AreEqual("DeploymentNotFound", unknown.Code);
        var post = await Post(server.BigBrainUrl, EnvironmentHealth, Bearer(AccessToken), new { });
        Assert.AreEqual(405, post.Status);
        var anonymous = await Get(server.BigBrainUrl, EnvironmentHealth);
        Assert.AreEqual(401, anonymous.Status);
    }

    [TestMethod]
    public async Task TeamHealthReportsTheWorkOSTeamAndItsProductionState()
    {
        var scenario = SandboxScenario.Fresh(Deployment);
        scenario.Teams[0].WorkosTeam!.ProductionState = "deleting";
        await using (var server = await SandboxServer.StartAsync(scenario))
        {
            var answer = await Get(server.BigBrainUrl, TeamHealth, Bearer(AccessToken));
            Assert.AreEqual(200, answer.Status, answer.ToString());
            Assert.AreEqual("{\"teamProvisioned\":true,\"teamInfo\":{\"id\":\"org_01JSANDBOX0000000000000001\",\"name\":\"my-team\",\"productionState\":\"deleting\"}}", answer.Body);
        }

        await using (var server = await Fresh(teamHasWorkOS: false))
        {
            var answer = await Get(server.BigBrainUrl, TeamHealth, Bearer(AccessToken));
            Assert.AreEqual("{\"teamProvisioned\":false,\"teamInfo\":null}", answer.Body);
        }
    }

    [TestMethod]
    public async Task TeamHealthRefusesDeployKeys_OtherTeams_AndBadIds()
    {
        await using var server = await Fresh();
        Assert.AreEqual("NotAllowed", (await Get(server.BigBrainUrl, TeamHealth, Bearer(DeployKey))).Code);
        var other = await Get(server.BigBrainUrl, "/api/teams/2/workos_team_health", Bearer(AccessToken));
        Assert.AreEqual(404, other.Status);
        Assert.AreEqual("TeamNotFound", other.Code);
        Assert.AreEqual("InvalidRequest", (await Get(server.BigBrainUrl, "/api/teams/my-team/workos_team_health", Bearer(AccessToken))).Code);
    }

    [TestMethod]
    public async Task AnUnknownProductionStateIsRejected()
    {
        var scenario = SandboxScenario.Fresh(Deployment);
        scenario.Teams[0].WorkosTeam!.ProductionState = "paused";
        await Assert.ThrowsExactlyAsync<ArgumentException>(() => SandboxServer.StartAsync(scenario));
    }

    [TestMethod]
    public async Task DeletedEnvironment_TheDeploymentKeepsItsVariables_WorkOSRejectsTheKey_AndANewOneCanBeProvisioned()
    {
        await using var server = await SandboxServer.StartAsync(SandboxScenario.Fresh(Deployment).WithDeletedEnvironment());

        var variables = await Get(server.DeploymentUrl, "/api/v1/list_environment_variables", ConvexKey(AdminKey));
        var held = variables.Json["environmentVariables"]!;
        Assert.AreEqual(DeletedEnvironment.ClientId, (string?)held["WORKOS_CLIENT_ID"]);
        Assert.AreEqual(DeletedEnvironment.ApiKey, (string?)held["WORKOS_API_KEY"]);
        Assert.AreEqual(DeletedEnvironment.Id, (string?)held["WORKOS_ENVIRONMENT_ID"]);

        var workOS = await Post(server.WorkOSUrl, "/user_management/redirect_uris", Bearer(DeletedEnvironment.ApiKey), new { uri = "http://localhost:5173/callback" });
        Assert.AreEqual(401, workOS.Status, workOS.ToString());
        Assert.AreEqual("unauthorized", workOS.Code);

        var health = await Get(server.BigBrainUrl, EnvironmentHealth, Bearer(AccessToken));
        Assert.AreEqual(404, health.Status);
        Assert.AreEqual("WorkOSEnvironmentNotProvisioned", health.Code);

        var fresh = await Provision(server);
        Assert.IsTrue((bool)fresh["newlyProvisioned"]!);
        Assert.AreNotEqual(DeletedEnvironment.ClientId, (string?)fresh["clientId"]);
        Assert.AreEqual((string?)fresh["clientId"], (string?)(await Get(server.BigBrainUrl, EnvironmentHealth, Bearer(AccessToken))).Json["clientId"]);
        var state = server.Snapshot();
        Assert.HasCount(2, state.WorkosEnvironments);
        Assert.IsTrue(state.WorkosEnvironments.Single(e => e.Id == DeletedEnvironment.Id).Deleted);
        Assert.AreEqual(DeletedEnvironment.ClientId, state.Deployment(Deployment).Env["WORKOS_CLIENT_ID"], "provisioning does not touch the deployment's variables");
    }

    [TestMethod]
    public async Task DeletedEnvironment_ItsApiKeyIsStillMaskedInTheLog()
    {
        await using var server = await SandboxServer.StartAsync(SandboxScenario.Fresh(Deployment).WithDeletedEnvironment());
        await Get(server.DeploymentUrl, "/api/v1/list_environment_variables", ConvexKey(AdminKey));
        await Post(server.WorkOSUrl, "/user_management/cors_origins", Bearer(DeletedEnvironment.ApiKey), new { origin = "http://localhost:5173" });
        foreach (var request in server.Requests)
            Assert.DoesNotContain(DeletedEnvironment.ApiKey, request.RequestBody + request.ResponseBody, request.ToString());
    }

    [TestMethod]
    public void TheShippedDeletedEnvironmentScenarioMatchesTheBuilder()
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "scenarios", "deleted-environment.json");
        Assert.AreEqual(SandboxScenario.Fresh().WithDeletedEnvironment().ToJson(), SandboxServer.LoadScenario(path).ToJson());
    }
}
