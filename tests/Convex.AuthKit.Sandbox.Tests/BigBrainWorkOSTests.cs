using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Convex.AuthKit.Sandbox.Tests.SandboxFixture;
using static Convex.AuthKit.Sandbox.Tests.SandboxHttp;

namespace Convex.AuthKit.Sandbox.Tests;

[TestClass]
public sealed class BigBrainWorkOSTests
{
    private const string GetOrProvision = "/api/workos/get_or_provision_workos_environment";

    [TestMethod]
    public async Task HasAssociatedTeamReportsTheTeamAndItsAdmin()
    {
        await using var server = await Fresh();
        var answer = await Post(server.BigBrainUrl, "/api/workos/has_associated_workos_team", Bearer(AccessToken), new { deploymentName = Deployment });
        Assert.AreEqual(200, answer.Status, answer.ToString());
        Assert.AreEqual(
            "{\"hasAssociatedWorkosTeam\":true,\"teamId\":1,\"adminEmail\":\"dev@example.com\",\"adminName\":\"Dev Example\",\"adminConvexEmail\":\"dev@example.com\"}",
            answer.Body);
    }

    [TestMethod]
    public async Task HasAssociatedTeamSaysFalseWithoutATeamAndSendsDisabledWhenSet()
    {
        var scenario = SandboxScenario.Fresh(Deployment, teamHasWorkOS: false);
        await using (var server = await SandboxServer.StartAsync(scenario))
        {
            var json = (await Post(server.BigBrainUrl, "/api/workos/has_associated_workos_team", Bearer(AccessToken), new { deploymentName = Deployment })).Json;
            Assert.IsFalse((bool)json["hasAssociatedWorkosTeam"]!);
            Assert.IsNull(json["disabled"]);
        }
        scenario.Teams[0].Disabled = true;
        await using (var server = await SandboxServer.StartAsync(scenario))
        {
            var json = (await Post(server.BigBrainUrl, "/api/workos/has_associated_workos_team", Bearer(AccessToken), new { deploymentName = Deployment })).Json;
            Assert.IsTrue((bool)json["disabled"]!);
        }
    }

    [TestMethod]
    public async Task GetOrProvisionIsIdempotentPerDeployment()
    {
        await using var server = await Fresh();
        var first = await Provision(server);
        var second = await Provision(server);
        Assert.IsTrue((bool)first["newlyProvisioned"]!);
        Assert.IsFalse((bool)second["newlyProvisioned"]!);
        foreach (var field in new[] { "environmentId", "environmentName", "clientId", "apiKey" })
            Assert.AreEqual((string?)first[field], (string?)second[field], field);
        StringAssertions.StartsWith((string)first["environmentId"]!, "environment_01");
        StringAssertions.StartsWith((string)first["clientId"]!, "client_01");
        StringAssertions.StartsWith((string)first["apiKey"]!, "sk_test_");

        var state = server.Snapshot();
        var environment = state.WorkosEnvironments.Single();
        Assert.AreEqual(Deployment, environment.DeploymentName);
        Assert.AreEqual((string?)first["apiKey"], environment.ApiKey);
        Assert.AreEqual(2, state.Counters.GetOrProvisionCalls);
        Assert.AreEqual(1, state.Counters.EnvironmentsProvisioned);
    }

    [TestMethod]
    public async Task GetOrProvisionAcceptsTheOpenApiBodyForm()
    {
        await using var server = await Fresh();
        var answer = await Post(server.BigBrainUrl, GetOrProvision, Bearer(AccessToken),
            new { deploymentName = Deployment, environmentName = "staging-env", isProduction = true });
        Assert.AreEqual(200, answer.Status, answer.ToString());
        Assert.AreEqual("staging-env", (string?)answer.Json["environmentName"]);
        StringAssertions.StartsWith((string)answer.Json["apiKey"]!, "sk_live_");
        Assert.IsTrue(server.Snapshot().WorkosEnvironments.Single().IsProduction);
    }

    [TestMethod]
    [DataRow("{\"deploymentName\":\"happy-animal-123\",\"environmentType\":\"development\"}")]
    [DataRow("{\"deploymentName\":\"happy-animal-123\",\"environmentType\":\"production\",\"isProduction\":false}")]
    [DataRow("{\"environmentType\":\"nonproduction\"}")]
    [DataRow("not json")]
    public async Task GetOrProvisionRejectsBadBodies(string body)
    {
        await using var server = await Fresh();
        var answer = await Send("POST", server.BigBrainUrl, GetOrProvision, Bearer(AccessToken), body);
        Assert.AreEqual(400, answer.Status, answer.ToString());
        Assert.AreEqual("InvalidRequest", answer.Code);
        Assert.IsEmpty(server.Snapshot().WorkosEnvironments);
    }

    [TestMethod]
    public async Task GetOrProvisionWithoutAWorkOSTeamFailsWithWorkOSTeamNotProvisioned()
    {
        await using var server = await Fresh(teamHasWorkOS: false);
        var answer = await Post(server.BigBrainUrl, GetOrProvision, Bearer(AccessToken), new { deploymentName = Deployment, environmentType = "nonproduction" });
        Assert.AreEqual(400, answer.Status, answer.ToString());
        Assert.AreEqual("WorkOSTeamNotProvisioned", answer.Code);
        Assert.IsEmpty(server.Snapshot().WorkosEnvironments);
    }

    [TestMethod]
    public async Task TeamProvisioningUsesAvailableEmailsAndRefusesUsedOnes()
    {
        var scenario = SandboxScenario.Fresh(Deployment, teamHasWorkOS: false);
        scenario.Teams[0].AvailableEmails.Add("second@example.com");
        scenario.Teams[0].UsedEmails.Add("taken@example.com");
        await using var server = await SandboxServer.StartAsync(scenario);

        var emails = await Get(server.BigBrainUrl, "/api/workos/available_workos_team_emails", Bearer(AccessToken));
        Assert.AreEqual("{\"availableEmails\":[\"dev@example.com\",\"second@example.com\"],\"usedEmails\":[\"taken@example.com\"]}", emails.Body);

        var taken = await Post(server.BigBrainUrl, "/api/workos/provision_associated_workos_team", Bearer(AccessToken), new { teamId = 1, email = "taken@example.com" });
        Assert.AreEqual(400, taken.Status);
        Assert.AreEqual("WorkosAccountAlreadyExistsWithThisEmail", taken.Code);

        var created = await Post(server.BigBrainUrl, "/api/workos/provision_associated_workos_team", Bearer(AccessToken), new { teamId = 1, email = "second@example.com" });
        Assert.AreEqual(200, created.Status, created.ToString());
        StringAssertions.StartsWith((string)created.Json["workosTeamId"]!, "org_01");
        Assert.AreEqual("my-team", (string?)created.Json["workosTeamName"]);
        Assert.AreEqual("second@example.com", (string?)created.Json["adminEmail"]);

        var again = await Post(server.BigBrainUrl, "/api/workos/provision_associated_workos_team", Bearer(AccessToken), new { teamId = 1, email = "dev@example.com" });
        Assert.AreEqual("WorkOSTeamAlreadyProvisioned", again.Code);
        var environment = await Provision(server);
        Assert.IsTrue((bool)environment["newlyProvisioned"]!);
        Assert.AreEqual(1, server.Snapshot().Counters.WorkOSTeamsProvisioned);
    }
}

internal static class StringAssertions
{
    public static void StartsWith(string value, string prefix) =>
        Assert.IsTrue(value.StartsWith(prefix, System.StringComparison.Ordinal), $"'{value}' should start with '{prefix}'");
}
