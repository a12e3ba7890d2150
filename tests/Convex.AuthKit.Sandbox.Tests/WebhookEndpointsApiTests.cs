using System.Diagnostics;
using System.Globalization;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Newtonsoft.Json.Linq;
using static Convex.AuthKit.Sandbox.Tests.SandboxFixture;
using static Convex.AuthKit.Sandbox.Tests.SandboxHttp;

namespace Convex.AuthKit.Sandbox.Tests;

/// <summary>WorkOS's webhook-endpoint API: create, list pages, update, delete, validation, and the seeded scenarios.</summary>
[TestClass]
public sealed class WebhookEndpointsApiTests
{
    private const string Endpoints = "/webhook_endpoints";
    private const string OurUrl = "https://happy-animal-123.convex.site/workos/webhook";
    private static readonly string Key = Bearer(SeededEnvironment.ApiKey);

    private static Task<SandboxServer> Provisioned(Action<SandboxScenario>? configure = null)
    {
        var scenario = SandboxScenario.Fresh(Deployment).WithProvisionedEnvironment();
        configure?.Invoke(scenario);
        return SandboxServer.StartAsync(scenario);
    }

    private static Task<Answer> Create(SandboxServer server, string url, params string[] events) =>
        Post(server.WorkOSUrl, Endpoints, Key, new JObject { ["endpoint_url"] = url, ["events"] = new JArray(events.Cast<object>().ToArray()) }.ToString());

    private static Task<Answer> Patch(SandboxServer server, string id, JObject body) =>
        Send("PATCH", server.WorkOSUrl, Endpoints + "/" + id, Key, body.ToString());

    private static List<SandboxWebhookEndpoint> Stored(SandboxServer server) => server.Snapshot().WorkosEnvironments.Single().WebhookEndpoints;

    [TestMethod]
    public async Task CreateAnswersTheEndpointWithAFreshSecretAndTheListShowsIt()
    {
        await using var server = await Provisioned();

        var created = await Create(server, OurUrl, "user.created", "user.updated", "user.deleted");

        Assert.AreEqual(201, created.Status, created.ToString());
        var json = created.Json;
        Assert.AreEqual("webhook_endpoint", (string?)json["object"]);
        StringAssertions.StartsWith((string)json["id"]!, "we_");
        Assert.AreEqual(OurUrl, (string?)json["endpoint_url"]);
        Assert.AreEqual("enabled", (string?)json["status"]);
        CollectionAssert.AreEqual(new[] { "user.created", "user.updated", "user.deleted" }, json["events"]!.Select(e => (string)e!).ToArray());
        Assert.AreEqual((string?)json["created_at"], (string?)json["updated_at"]);
        var secret = (string)json["secret"]!;
        Assert.AreEqual(Stored(server).Single().Secret, secret);
        Assert.IsGreaterThan(20, secret.Length);

        var list = await Get(server.WorkOSUrl, Endpoints, Key);
        Assert.AreEqual(200, list.Status, list.ToString());
        Assert.AreEqual("list", (string?)list.Json["object"]);
        Assert.AreEqual(json.ToString(), list.Json["data"]!.Single().ToString(), "the list holds each endpoint with its secret");
        Assert.AreEqual("{\"before\":null,\"after\":null}", list.Json["list_metadata"]!.ToString(Newtonsoft.Json.Formatting.None));
    }

    [TestMethod]
    [DataRow("{\"events\":[\"user.created\"]}", "endpoint_url", "required")]
    [DataRow("{\"endpoint_url\":\"http://happy-animal-123.convex.site/workos/webhook\",\"events\":[\"user.created\"]}", "endpoint_url", "invalid")]
    [DataRow("{\"endpoint_url\":\"/workos/webhook\",\"events\":[\"user.created\"]}", "endpoint_url", "invalid")]
    [DataRow("{\"endpoint_url\":\"https://a.example/h\"}", "events", "required")]
    [DataRow("{\"endpoint_url\":\"https://a.example/h\",\"events\":[]}", "events", "invalid")]
    [DataRow("{\"endpoint_url\":\"https://a.example/h\",\"events\":\"user.created\"}", "events", "invalid")]
    [DataRow("{\"endpoint_url\":\"https://a.example/h\",\"events\":[\"user.created\",\"user.exploded\"]}", "events", "invalid")]
    public async Task CreateRefusesWhatWorkOSRefusesWith422AndCreatesNothing(string body, string field, string code)
    {
        await using var server = await Provisioned();

        var answer = await Post(server.WorkOSUrl, Endpoints, Key, body);

        Assert.AreEqual(422, answer.Status, answer.ToString());
        Assert.AreEqual("unprocessable_entity", answer.Code);
        Assert.AreEqual(field, (string?)answer.Json["errors"]![0]!["field"]);
        Assert.AreEqual(code, (string?)answer.Json["errors"]![0]!["code"]);
        Assert.IsEmpty(Stored(server));
    }

    [TestMethod]
    public async Task AnUnknownEventIsNamedInTheRefusal()
    {
        await using var server = await Provisioned();

        var answer = await Create(server, OurUrl, "user.created", "user.exploded");

        Assert.AreEqual("'user.exploded' is not a valid event.", (string?)answer.Json["errors"]![0]!["message"]);
    }

    [TestMethod]
    public async Task TheEnvironmentsApiKeyAuthorizesAndSelectsTheEnvironment()
    {
        await using var server = await Provisioned(s => s.WorkosEnvironments.Add(new SandboxWorkOSEnvironment { Id = "environment_01OTHER", ApiKey = "sk_test_other_environment_key" }));
        Assert.AreEqual(201, (await Create(server, OurUrl, "user.created")).Status);

        Assert.AreEqual(401, (await Get(server.WorkOSUrl, Endpoints)).Status);
        Assert.AreEqual(401, (await Get(server.WorkOSUrl, Endpoints, Bearer("sk_test_unknown"))).Status);
        var other = await Get(server.WorkOSUrl, Endpoints, Bearer("sk_test_other_environment_key"));
        Assert.AreEqual(200, other.Status);
        Assert.IsEmpty(other.Json["data"]!, "another environment's key sees none of this environment's endpoints");
    }

    [TestMethod]
    public async Task ADeletedEnvironmentsKeyGets401()
    {
        await using var server = await SandboxServer.StartAsync(SandboxScenario.Fresh(Deployment).WithDeletedEnvironment());

        var answer = await Get(server.WorkOSUrl, Endpoints, Bearer(DeletedEnvironment.ApiKey));

        Assert.AreEqual(401, answer.Status);
        Assert.AreEqual("unauthorized", answer.Code);
    }

    [TestMethod]
    public async Task PatchEnablesAndSetsTheEventsKeepingIdAndSecret()
    {
        await using var server = await SandboxServer.StartAsync(SandboxScenario.Fresh(Deployment).WithDisabledWebhookEndpoint());

        var updated = await Patch(server, SeededWebhookEndpoints.DisabledId, new JObject
        {
            ["status"] = "enabled",
            ["events"] = new JArray("user.created", "user.updated", "user.deleted"),
        });

        Assert.AreEqual(200, updated.Status, updated.ToString());
        Assert.AreEqual(SeededWebhookEndpoints.DisabledId, (string?)updated.Json["id"]);
        Assert.AreEqual(SeededWebhookEndpoints.DisabledSecret, (string?)updated.Json["secret"]);
        var stored = Stored(server).Single();
        Assert.AreEqual("enabled", stored.Status);
        CollectionAssert.AreEqual(new[] { "user.created", "user.updated", "user.deleted" }, stored.Events);
        Assert.AreEqual(OurUrl, stored.EndpointUrl, "a field left out keeps its value");
        Assert.AreNotEqual(stored.CreatedAt, stored.UpdatedAt);
    }

    [TestMethod]
    [DataRow("{\"status\":\"paused\"}", "status")]
    [DataRow("{\"events\":[\"nope\"]}", "events")]
    [DataRow("{\"endpoint_url\":\"http://x.example/h\"}", "endpoint_url")]
    public async Task PatchValidatesLikeCreate(string body, string field)
    {
        await using var server = await SandboxServer.StartAsync(SandboxScenario.Fresh(Deployment).WithDisabledWebhookEndpoint());

        var answer = await Send("PATCH", server.WorkOSUrl, Endpoints + "/" + SeededWebhookEndpoints.DisabledId, Key, body);

        Assert.AreEqual(422, answer.Status, answer.ToString());
        Assert.AreEqual(field, (string?)answer.Json["errors"]![0]!["field"]);
        Assert.AreEqual("disabled", Stored(server).Single().Status);
    }

    [TestMethod]
    public async Task DeleteRemovesTheEndpointAndAnUnknownIdIs404()
    {
        await using var server = await SandboxServer.StartAsync(SandboxScenario.Fresh(Deployment).WithDisabledWebhookEndpoint());
        var path = Endpoints + "/" + SeededWebhookEndpoints.DisabledId;

        var deleted = await Send("DELETE", server.WorkOSUrl, path, Key);
        var again = await Send("DELETE", server.WorkOSUrl, path, Key);
        var patch = await Patch(server, SeededWebhookEndpoints.DisabledId, new JObject { ["status"] = "enabled" });

        Assert.AreEqual(204, deleted.Status);
        Assert.AreEqual("", deleted.Body);
        Assert.AreEqual(404, again.Status);
        Assert.AreEqual("entity_not_found", again.Code);
        Assert.AreEqual(404, patch.Status);
        Assert.IsEmpty(Stored(server));
    }

    [TestMethod]
    [DataRow("PUT", Endpoints + "/we_1")]
    [DataRow("GET", Endpoints + "/we_1")]
    [DataRow("DELETE", Endpoints)]
    public async Task OtherMethodsHaveNoRoute(string method, string path)
    {
        await using var server = await Provisioned();

        var answer = await Send(method, server.WorkOSUrl, path, Key, method == "PUT" ? "{}" : null);

        Assert.AreEqual(404, answer.Status);
        Assert.AreEqual("not_found", answer.Code);
    }

    [TestMethod]
    public async Task ListPagesNewestFirstByDefaultAndFollowsTheCursors()
    {
        await using var server = await Provisioned();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((string)(await Create(server, "https://hooks.example/" + i, "user.created")).Json["id"]!);
            await Task.Delay(2); // distinct creation times
        }

        var first = (await Get(server.WorkOSUrl, Endpoints + "?limit=2", Key)).Json;
        var second = (await Get(server.WorkOSUrl, Endpoints + "?limit=2&after=" + (string)first["list_metadata"]!["after"]!, Key)).Json;
        var third = (await Get(server.WorkOSUrl, Endpoints + "?limit=2&after=" + (string)second["list_metadata"]!["after"]!, Key)).Json;
        var back = (await Get(server.WorkOSUrl, Endpoints + "?limit=2&before=" + (string)second["list_metadata"]!["before"]!, Key)).Json;
        var ascending = (await Get(server.WorkOSUrl, Endpoints + "?order=asc&limit=3", Key)).Json;

        CollectionAssert.AreEqual(new[] { ids[4], ids[3] }, Ids(first));
        Assert.IsTrue(first["list_metadata"]!["before"]!.Type == JTokenType.Null);
        CollectionAssert.AreEqual(new[] { ids[2], ids[1] }, Ids(second));
        Assert.AreEqual(ids[2], (string?)second["list_metadata"]!["before"]);
        CollectionAssert.AreEqual(new[] { ids[0] }, Ids(third));
        Assert.IsTrue(third["list_metadata"]!["after"]!.Type == JTokenType.Null, "the last page has no after cursor");
        CollectionAssert.AreEqual(Ids(first), Ids(back));
        CollectionAssert.AreEqual(new[] { ids[0], ids[1], ids[2] }, Ids(ascending));
    }

    [TestMethod]
    [DataRow("?limit=0", "limit")]
    [DataRow("?limit=101", "limit")]
    [DataRow("?limit=ten", "limit")]
    [DataRow("?order=sideways", "order")]
    [DataRow("?after=we_01UNKNOWN", "after")]
    public async Task BadListParametersAre422(string query, string field)
    {
        await using var server = await Provisioned();

        var answer = await Get(server.WorkOSUrl, Endpoints + query, Key);

        Assert.AreEqual(422, answer.Status, answer.ToString());
        Assert.AreEqual(field, (string?)answer.Json["errors"]![0]!["field"]);
    }

    [TestMethod]
    public async Task TwoEndpointsMayShareAUrlUnlessTheScenarioRejectsDuplicates()
    {
        await using (var server = await Provisioned())
        {
            Assert.AreEqual(201, (await Create(server, OurUrl, "user.created")).Status);
            Assert.AreEqual(201, (await Create(server, OurUrl, "user.created")).Status);
            Assert.HasCount(2, Stored(server));
        }

        await using (var strict = await Provisioned(s => s.Workos.RejectDuplicateWebhookUrls = true))
        {
            Assert.AreEqual(201, (await Create(strict, OurUrl, "user.created")).Status);
            var other = (string)(await Create(strict, "https://hooks.example/other", "user.created")).Json["id"]!;
            var duplicate = await Create(strict, OurUrl, "user.created");
            var moved = await Patch(strict, other, new JObject { ["endpoint_url"] = OurUrl });
            Assert.AreEqual(409, duplicate.Status);
            Assert.AreEqual(409, moved.Status);
            Assert.HasCount(2, Stored(strict));
        }
    }

    [TestMethod]
    public async Task SecretsAreMaskedInTheRequestLog()
    {
        await using var server = await Provisioned();
        var secret = (string)(await Create(server, OurUrl, "user.created")).Json["secret"]!;
        await Get(server.WorkOSUrl, Endpoints, Key);

        foreach (var request in server.Requests)
        {
            Assert.DoesNotContain(secret, request.ResponseBody);
            Assert.DoesNotContain(SeededEnvironment.ApiKey, request.RequestBody + request.ResponseBody);
        }
        Assert.Contains("workosEnvironments[].webhookEndpoints[].secret", SandboxState.SecretFields);
    }

    [TestMethod]
    public async Task FaultsAndLatencyApplyToTheseRoutes()
    {
        await using var server = await Provisioned();
        server.InjectFault(new SandboxFault { Service = SandboxService.WorkOS, Method = "POST", Path = Endpoints, Status = 503 });
        server.InjectFault(new SandboxFault { Service = SandboxService.WorkOS, Method = "POST", Path = Endpoints, Status = 502, HandleFirst = true });

        Assert.AreEqual(503, (await Create(server, OurUrl, "user.created")).Status);
        Assert.IsEmpty(Stored(server), "a status fault replaces the handling");
        Assert.AreEqual(502, (await Create(server, OurUrl, "user.created")).Status);
        Assert.HasCount(1, Stored(server), "handle-first: created, but the answer is lost");

        server.Latency = TimeSpan.FromMilliseconds(300);
        var watch = Stopwatch.StartNew();
        await Get(server.WorkOSUrl, Endpoints, Key);
        Assert.IsGreaterThanOrEqualTo(280L, watch.ElapsedMilliseconds, watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public async Task TheSecondPageScenarioShowsTheComponentsEndpointOnlyOnPageTwo()
    {
        await using var server = await SandboxServer.StartAsync(SandboxScenario.Fresh(Deployment).WithWebhookEndpointOnSecondPage());

        var first = (await Get(server.WorkOSUrl, Endpoints + "?limit=100", Key)).Json;
        var second = (await Get(server.WorkOSUrl, Endpoints + "?limit=100&after=" + (string)first["list_metadata"]!["after"]!, Key)).Json;

        Assert.HasCount(2, first["data"]!, "the scenario's page size caps the requested limit");
        Assert.IsFalse(first["data"]!.Any(e => (string?)e["endpoint_url"] == OurUrl));
        var ours = second["data"]!.Single();
        Assert.AreEqual(SeededWebhookEndpoints.SecondPageId, (string?)ours["id"]);
        Assert.AreEqual(SeededWebhookEndpoints.SecondPageSecret, (string?)ours["secret"]);
        Assert.IsTrue(second["list_metadata"]!["after"]!.Type == JTokenType.Null);
    }

    [TestMethod]
    [DataRow("regional-site-url.json")]
    [DataRow("disabled-webhook-endpoint.json")]
    [DataRow("webhook-endpoint-second-page.json")]
    public void TheShippedScenariosMatchTheirBuilders(string file)
    {
        var expected = file switch
        {
            "regional-site-url.json" => SandboxScenario.Fresh().WithRegionalSiteUrl(),
            "disabled-webhook-endpoint.json" => SandboxScenario.Fresh().WithDisabledWebhookEndpoint(),
            _ => SandboxScenario.Fresh().WithWebhookEndpointOnSecondPage(),
        };

        var loaded = SandboxServer.LoadScenario(Path.Combine(AppContext.BaseDirectory, "scenarios", file));

        Assert.AreEqual(expected.ToJson(), loaded.ToJson());
    }

    [TestMethod]
    [DataRow("{\"endpointUrl\":\"http://x.example/h\",\"events\":[\"user.created\"]}")]
    [DataRow("{\"endpointUrl\":\"https://x.example/h\",\"events\":[\"user.sneezed\"]}")]
    [DataRow("{\"endpointUrl\":\"https://x.example/h\",\"events\":[\"user.created\"],\"status\":\"paused\"}")]
    public async Task ScenarioEndpointsWorkOSWouldRefuseAreRejected(string endpoint)
    {
        var json = "{\"workosEnvironments\":[{\"apiKey\":\"sk_test_k\",\"webhookEndpoints\":[" + endpoint + "]}]}";

        await Assert.ThrowsExactlyAsync<ArgumentException>(() => SandboxServer.StartAsync(SandboxServer.ParseScenario(json)));
    }

    [TestMethod]
    public async Task AScenarioEndpointsMissingFieldsAreGenerated()
    {
        var json = "{\"workosEnvironments\":[{\"apiKey\":\"sk_test_k\",\"webhookEndpoints\":[{\"endpointUrl\":\"https://x.example/h\",\"events\":[\"user.created\"]}]}]}";
        await using var server = await SandboxServer.StartAsync(SandboxServer.ParseScenario(json));

        var endpoint = server.Snapshot().WorkosEnvironments.Single().WebhookEndpoints.Single();

        StringAssertions.StartsWith(endpoint.Id, "we_");
        StringAssertions.StartsWith(endpoint.Secret, "whsec_");
        Assert.AreEqual("enabled", endpoint.Status);
        Assert.AreEqual(endpoint.CreatedAt, endpoint.UpdatedAt);
        Assert.IsTrue(DateTimeOffset.TryParse(endpoint.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }

    private static string[] Ids(JToken page) => page["data"]!.Select(e => (string)e["id"]!).ToArray();
}
