using Microsoft.VisualStudio.TestTools.UnitTesting;
using Newtonsoft.Json.Linq;
using static Convex.AuthKit.Sandbox.Tests.SandboxFixture;
using static Convex.AuthKit.Sandbox.Tests.SandboxHttp;

namespace Convex.AuthKit.Sandbox.Tests;

[TestClass]
public sealed class RequestLogAndControlTests
{
    [TestMethod]
    public async Task TheLogRecordsEachRequestInOrderWithAuthKindsAndNoSecrets()
    {
        await using var server = await Fresh();
        var environment = await Provision(server);
        var apiKey = (string)environment["apiKey"]!;
        await Post(server.DeploymentUrl, "/api/v1/update_environment_variables", ConvexKey(AdminKey),
            new { changes = new[] { new { name = "WORKOS_API_KEY", value = apiKey }, new { name = "WORKOS_COOKIE_PASSWORD", value = "a-cookie-password-of-32-characters" } } });
        await Get(server.DeploymentUrl, "/api/v1/list_environment_variables", ConvexKey(AdminKey));
        await Post(server.WorkOSUrl, "/user_management/redirect_uris", Bearer(apiKey), new { uri = "http://localhost:5173/callback" });
        await Post(server.BigBrainUrl, "/api/deployment/url_for_key", Bearer(DeployKey), new { deployKey = DeployKey });

        var log = server.Requests;
        CollectionAssert.AreEqual(new[] { SandboxService.BigBrain, SandboxService.Deployment, SandboxService.Deployment, SandboxService.WorkOS, SandboxService.BigBrain },
            log.Select(r => r.Service).ToArray());
        CollectionAssert.AreEqual(new[] { SandboxAuthKind.AccessToken, SandboxAuthKind.AdminKey, SandboxAuthKind.AdminKey, SandboxAuthKind.WorkOSApiKey, SandboxAuthKind.DeployKey },
            log.Select(r => r.AuthKind).ToArray());
        CollectionAssert.AreEqual(new long[] { 1, 2, 3, 4, 5 }, log.Select(r => r.Sequence).ToArray());
        Assert.IsTrue(log.All(r => r.Ended >= r.Started && r.Status is 200 or 201));
        Assert.AreEqual("/api/workos/get_or_provision_workos_environment", log[0].Path);

        var everything = string.Join("\n", log.Select(r => r.RequestBody + "\n" + r.ResponseBody));
        var control = (await Get(server.BigBrainUrl, "/_sandbox/state")).Body;
        foreach (var secret in new[] { AccessToken, AdminKey, DeployKey, apiKey, "a-cookie-password-of-32-characters" })
        {
            Assert.DoesNotContain(secret, everything);
            Assert.DoesNotContain(secret, JToken.Parse(control)["requests"]!.ToString());
        }
        Assert.Contains("\"apiKey\":\"***\"", log[0].ResponseBody);
        Assert.Contains("environment_01", log[0].ResponseBody, "non-secret fields stay visible");
    }

    [TestMethod]
    public async Task ControlEndpointsExposeStateRequestsFaultsLatencyAndReset()
    {
        await using var server = await Fresh();
        await Provision(server);

        var state = (await Get(server.BigBrainUrl, "/_sandbox/state")).Json;
        Assert.AreEqual(Deployment, (string?)state["state"]!["workosEnvironments"]![0]!["deploymentName"]);
        Assert.AreEqual(1, (int)state["state"]!["counters"]!["environmentsProvisioned"]!);
        Assert.AreEqual(AccessToken, (string?)state["state"]!["accessTokens"]![0]!["token"], "the state shows credentials; secretFields marks them");
        Assert.Contains("workosEnvironments[].apiKey", state["secretFields"]!.Values<string>().ToList());
        Assert.AreEqual(1, ((JArray)state["requests"]!).Count);
        Assert.AreEqual(1, ((JArray)(await Get(server.BigBrainUrl, "/_sandbox/requests")).Json).Count);

        var fault = await Post(server.BigBrainUrl, "/_sandbox/faults", null,
            "{\"service\":\"bigBrain\",\"method\":\"HEAD\",\"path\":\"/api/authorize\",\"count\":1,\"status\":503,\"retryAfter\":\"3\"}");
        Assert.AreEqual(200, fault.Status, fault.ToString());
        var faulted = await Send("HEAD", server.BigBrainUrl, "/api/authorize", Bearer(AccessToken));
        Assert.AreEqual(503, faulted.Status);
        Assert.AreEqual("3", faulted.RetryAfter);

        Assert.AreEqual(200, (await Post(server.BigBrainUrl, "/_sandbox/latency", null, "{\"ms\":250}")).Status);
        Assert.AreEqual(TimeSpan.FromMilliseconds(250), server.Latency);

        Assert.AreEqual(200, (await Post(server.BigBrainUrl, "/_sandbox/reset-requests", null, "{}")).Status);
        Assert.IsEmpty(server.Requests);
        Assert.AreEqual(400, (await Post(server.BigBrainUrl, "/_sandbox/faults", null, "{\"method\":\"GET\"}")).Status);
        Assert.AreEqual(404, (await Get(server.BigBrainUrl, "/_sandbox/nothing")).Status);
    }

    [TestMethod]
    public async Task SnapshotIsADeepCopyAndTheScenarioIsCopiedAtStart()
    {
        var scenario = SandboxScenario.Fresh(Deployment);
        await using var server = await SandboxServer.StartAsync(scenario);
        scenario.Deployments[0].Env["LATE"] = "1";
        var snapshot = server.Snapshot();
        snapshot.Deployments[0].Env["MINE"] = "1";
        snapshot.Teams[0].WorkosTeam = null;
        var fresh = server.Snapshot();
        Assert.IsEmpty(fresh.Deployments[0].Env);
        Assert.IsNotNull(fresh.Teams[0].WorkosTeam);
    }

    [TestMethod]
    public void TheShippedFreshViteScenarioMatchesTheBuilder()
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "scenarios", "fresh-vite.json");
        var loaded = SandboxServer.LoadScenario(path);
        Assert.AreEqual(SandboxScenario.Fresh().ToJson(), loaded.ToJson());
    }

    [TestMethod]
    [DataRow("{\"deployments\":[{\"name\":\"a-b-1\",\"projectId\":99}]}")]
    [DataRow("{\"teams\":[{\"id\":1,\"slug\":\"t\"}],\"projects\":[{\"id\":1,\"teamId\":1,\"slug\":\"p\"}],\"deployments\":[{\"name\":\"a-b-1\",\"projectId\":1,\"type\":\"local\"}]}")]
    [DataRow("{\"workos\":{\"corsDuplicateStatus\":400}}")]
    [DataRow("{\"accessTokens\":[{\"token\":\"t\",\"teamIds\":[5]}]}")]
    public async Task ContradictoryScenariosAreRejected(string json)
    {
        await Assert.ThrowsExactlyAsync<ArgumentException>(() => SandboxServer.StartAsync(SandboxServer.ParseScenario(json)));
    }

    [TestMethod]
    public void ScenarioTyposAreRejected() =>
        Assert.ThrowsExactly<Newtonsoft.Json.JsonSerializationException>(() => SandboxServer.ParseScenario("{\"deploymnets\":[]}"));

    [TestMethod]
    public async Task MissingCredentialsAreGenerated()
    {
        var scenario = SandboxServer.ParseScenario(
            "{\"teams\":[{\"id\":1,\"slug\":\"t\"}],\"projects\":[{\"id\":1,\"teamId\":1,\"slug\":\"p\"}],\"deployments\":[{\"name\":\"brave-fox-7\",\"projectId\":1}]," +
            "\"workosEnvironments\":[{\"deploymentName\":\"brave-fox-7\"}]}");
        await using var server = await SandboxServer.StartAsync(scenario);
        var state = server.Snapshot();
        StringAssertions.StartsWith(state.Deployments[0].AdminKey, "brave-fox-7|");
        StringAssertions.StartsWith(state.Deployments[0].DeployKey, "dev:brave-fox-7|");
        StringAssertions.StartsWith(state.WorkosEnvironments[0].ApiKey, "sk_test_");
        StringAssertions.StartsWith(state.WorkosEnvironments[0].ClientId, "client_01");
        StringAssertions.StartsWith(state.WorkosEnvironments[0].Id, "environment_01");
    }
}
