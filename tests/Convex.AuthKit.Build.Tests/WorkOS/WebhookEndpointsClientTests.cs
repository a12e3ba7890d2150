using System.Net;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Tests.Http;
using Convex.AuthKit.Build.WorkOS;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.WorkOS;

/// <summary>The webhook-endpoint calls against the sandbox over loopback, and answers only a fake handler can give.</summary>
[TestClass]
public class WebhookEndpointsClientTests
{
    private const string Path = "/webhook_endpoints";
    private static readonly Uri OurUrl = new("https://happy-animal-123.convex.site/workos/webhook");
    private static readonly string[] ComponentEvents = { "user.created", "user.updated", "user.deleted" };

    private static WebhookEndpointsClient Client(SandboxHarness h) => new(h.Http, h.Server.WorkOSUrl, SeededEnvironment.ApiKey);

    private static Task<SandboxHarness> Provisioned(SandboxScenario? scenario = null) =>
        SandboxHarness.StartAsync(scenario ?? SandboxScenario.Fresh(SandboxHarness.DeploymentName).WithProvisionedEnvironment());

    private static List<SandboxWebhookEndpoint> Stored(SandboxHarness h) => h.Server.Snapshot().WorkosEnvironments.Single().WebhookEndpoints;

    [TestMethod]
    public async Task CreateSendsTheUrlAndEventsAndReturnsTheEndpointWithItsSecret()
    {
        await using var h = await Provisioned();

        var created = await Client(h).CreateAsync(OurUrl, ComponentEvents, CancellationToken.None);

        var stored = Stored(h).Single();
        Assert.AreEqual(stored.Id, created.Id);
        Assert.AreEqual(stored.Secret, created.Secret);
        Assert.AreEqual(OurUrl, created.EndpointUrl);
        Assert.IsTrue(created.IsEnabled);
        CollectionAssert.AreEqual(ComponentEvents, created.Events.ToArray());
        var request = h.RequestsTo(Path).Single();
        Assert.AreEqual("POST", request.Method);
        Assert.AreEqual("{\"endpoint_url\":\"https://happy-animal-123.convex.site/workos/webhook\",\"events\":[\"user.created\",\"user.updated\",\"user.deleted\"]}", request.RequestBody);
        Assert.AreEqual(SandboxAuthKind.WorkOSApiKey, request.AuthKind);
        Assert.IsNull(request.ConvexClient, "WorkOS calls carry no Convex-Client header");
        Assert.DoesNotContain(created.Secret, created.ToString());
    }

    [TestMethod]
    public async Task ListAllFollowsTheCursorToTheLastPage()
    {
        await using var h = await Provisioned(SandboxScenario.Fresh(SandboxHarness.DeploymentName).WithWebhookEndpointOnSecondPage());

        var endpoints = await Client(h).ListAllAsync(CancellationToken.None);

        Assert.HasCount(3, endpoints);
        var ours = endpoints.Single(e => e.EndpointUrl == OurUrl);
        Assert.AreEqual(SeededWebhookEndpoints.SecondPageId, ours.Id);
        Assert.AreEqual(SeededWebhookEndpoints.SecondPageSecret, ours.Secret);
        Assert.AreEqual(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero), ours.CreatedAt);
        var pages = h.RequestsTo(Path);
        CollectionAssert.AreEqual(new[] { "?limit=100", "?limit=100&after=we_01JSEEDOTHER00000000000001" }, pages.Select(r => r.Query).ToArray());
    }

    [TestMethod]
    public async Task AnEmptyListIsOnePage()
    {
        await using var h = await Provisioned();

        Assert.IsEmpty(await Client(h).ListAllAsync(CancellationToken.None));

        Assert.HasCount(1, h.Server.Requests);
    }

    [TestMethod]
    public async Task UpdateEnablesAndSetsTheEventsWithPatch()
    {
        await using var h = await Provisioned(SandboxScenario.Fresh(SandboxHarness.DeploymentName).WithDisabledWebhookEndpoint());

        var updated = await Client(h).UpdateAsync(SeededWebhookEndpoints.DisabledId, enabled: true, ComponentEvents, CancellationToken.None);

        Assert.IsTrue(updated.IsEnabled);
        Assert.AreEqual(SeededWebhookEndpoints.DisabledSecret, updated.Secret);
        var stored = Stored(h).Single();
        Assert.AreEqual("enabled", stored.Status);
        CollectionAssert.AreEqual(ComponentEvents, stored.Events);
        var request = h.Server.Requests.Single();
        Assert.AreEqual("PATCH " + Path + "/" + SeededWebhookEndpoints.DisabledId, request.Method + " " + request.Path);
        Assert.AreEqual("{\"status\":\"enabled\",\"events\":[\"user.created\",\"user.updated\",\"user.deleted\"]}", request.RequestBody);
    }

    [TestMethod]
    public async Task DeleteRemovesAndAnAlreadyDeletedEndpointCountsAsDone()
    {
        await using var h = await Provisioned(SandboxScenario.Fresh(SandboxHarness.DeploymentName).WithDisabledWebhookEndpoint());
        var client = Client(h);

        await client.DeleteAsync(SeededWebhookEndpoints.DisabledId, CancellationToken.None);
        await client.DeleteAsync(SeededWebhookEndpoints.DisabledId, CancellationToken.None);

        Assert.IsEmpty(Stored(h));
        CollectionAssert.AreEqual(new[] { 204, 404 }, h.Server.Requests.Select(r => r.Status).ToArray());
    }

    [TestMethod]
    public async Task AnUnknownEventIsRefusedWithWorkOSsReason()
    {
        await using var h = await Provisioned();

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(
            () => Client(h).CreateAsync(OurUrl, new[] { "user.created", "user.exploded" }, CancellationToken.None));

        Assert.AreEqual(422, ex.Status);
        Assert.AreEqual("unprocessable_entity", ex.Code);
        Assert.AreEqual("Validation failed [events: invalid ('user.exploded' is not a valid event.)]", ex.ServiceMessage);
        Assert.IsEmpty(Stored(h));
    }

    [TestMethod]
    public async Task A403IsRefusedWithWorkOSsMessageAndNotRetried()
    {
        await using var h = await Provisioned();
        h.Fault(SandboxService.WorkOS, "GET", Path, status: 403, body: "{\"code\":\"forbidden\",\"message\":\"This API key lacks the webhooks permission.\"}");

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => Client(h).ListAllAsync(CancellationToken.None));

        Assert.AreEqual(403, ex.Status);
        Assert.AreEqual("This API key lacks the webhooks permission.", ex.ServiceMessage);
        Assert.HasCount(1, h.Server.Requests);
    }

    [TestMethod]
    public async Task AnUnknownKeyIs401WithoutTheKeyInTheMessage()
    {
        await using var h = await Provisioned();
        var client = new WebhookEndpointsClient(h.Http, h.Server.WorkOSUrl, "sk_test_not_known_anywhere_42");

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => client.ListAllAsync(CancellationToken.None));

        Assert.AreEqual(401, ex.Status);
        Assert.DoesNotContain("sk_test_not_known_anywhere_42", ex.ToString());
    }

    [TestMethod]
    public async Task ListAndUpdateAreRetriedButCreateOnlyWhenWorkOSDidNothing()
    {
        await using var h = await Provisioned(SandboxScenario.Fresh(SandboxHarness.DeploymentName).WithDisabledWebhookEndpoint());
        h.Fault(SandboxService.WorkOS, "GET", Path, status: 502);
        h.Fault(SandboxService.WorkOS, "PATCH", Path + "/" + SeededWebhookEndpoints.DisabledId, drop: true);
        h.Fault(SandboxService.WorkOS, "POST", Path, status: 503, retryAfter: "1");
        h.Fault(SandboxService.WorkOS, "POST", Path, status: 502);
        var client = Client(h);

        Assert.HasCount(1, await client.ListAllAsync(CancellationToken.None));
        await client.UpdateAsync(SeededWebhookEndpoints.DisabledId, enabled: true, ComponentEvents, CancellationToken.None);
        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => client.CreateAsync(new Uri("https://hooks.example/other"), ComponentEvents, CancellationToken.None));

        Assert.AreEqual(502, ex.Status, "a 502 may follow a create that happened: not repeated");
        CollectionAssert.AreEqual(new[] { 502, 200, 0, 200, 503, 502 }, h.Server.Requests.Select(r => r.Status).ToArray());
    }

    [TestMethod]
    public async Task CancellationStopsTheList()
    {
        await using var h = await Provisioned();
        h.Server.Latency = TimeSpan.FromSeconds(30);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<OperationCanceledException>(() => Client(h).ListAllAsync(cts.Token));

        Assert.HasCount(1, h.Server.Requests, "one request, not retried after cancellation");
    }

    [TestMethod]
    public async Task PlainHttpToANonLoopbackWorkOSIsRefusedBeforeSending()
    {
        var handler = new FakeHandler();
        using var http = new ResilientHttpClient(handler, TestPolicies.Recording(new List<TimeSpan>()));
        var client = new WebhookEndpointsClient(http, new Uri("http://api.workos.example.test"), SeededEnvironment.ApiKey);

        var ex = await Assert.ThrowsExactlyAsync<InsecureTransportException>(() => client.ListAllAsync(CancellationToken.None));

        Assert.IsEmpty(handler.Requests);
        Assert.DoesNotContain(SeededEnvironment.ApiKey, ex.ToString());
    }

    [TestMethod]
    public async Task ANonHttpsEndpointUrlIsNeverSent()
    {
        var handler = new FakeHandler();
        using var http = new ResilientHttpClient(handler, TestPolicies.Recording(new List<TimeSpan>()));
        var client = new WebhookEndpointsClient(http, new Uri("https://api.workos.example.test"), SeededEnvironment.ApiKey);

        await Assert.ThrowsExactlyAsync<ArgumentException>(() => client.CreateAsync(new Uri("http://happy-animal-123.convex.site/workos/webhook"), ComponentEvents, CancellationToken.None));

        Assert.IsEmpty(handler.Requests);
    }

    private const string Valid = "\"object\":\"webhook_endpoint\",\"endpoint_url\":\"https://a.example/h\",\"status\":\"enabled\",\"events\":[\"user.created\"],\"created_at\":\"2026-01-15T12:00:00.000Z\",\"updated_at\":\"2026-01-15T12:00:00.000Z\"";

    [TestMethod]
    [DataRow("{\"id\":\"we_1\"," + Valid + "}", "secret")]
    [DataRow("{\"id\":\"we_1\",\"secret\":\"\"," + Valid + "}", "secret")]
    [DataRow("{\"id\":\"we_1\",\"secret\":\"whsec_a\\nb\"," + Valid + "}", "secret")]
    [DataRow("{\"id\":\"we 1\",\"secret\":\"whsec_ok\"," + Valid + "}", "id")]
    [DataRow("{\"id\":\"we_\\u0007\",\"secret\":\"whsec_ok\"," + Valid + "}", "id")]
    [DataRow("{\"id\":7,\"secret\":\"whsec_ok\"," + Valid + "}", "id")]
    [DataRow("{\"id\":\"we_1\",\"secret\":\"whsec_ok\",\"endpoint_url\":\"not a url\",\"status\":\"enabled\",\"events\":[],\"created_at\":\"2026-01-15T12:00:00.000Z\"}", "endpoint_url")]
    [DataRow("{\"id\":\"we_1\",\"secret\":\"whsec_ok\",\"endpoint_url\":\"https://a.example/h\",\"status\":\"enabled\",\"events\":[\"\"],\"created_at\":\"2026-01-15T12:00:00.000Z\"}", "events")]
    [DataRow("{\"id\":\"we_1\",\"secret\":\"whsec_ok\",\"endpoint_url\":\"https://a.example/h\",\"status\":\"enabled\",\"events\":[],\"created_at\":\"yesterday\"}", "created_at")]
    public async Task AnEndpointOfTheWrongFormIsAMalformedAnswerThatNamesTheFieldButNotTheSecret(string endpoint, string field)
    {
        var handler = new FakeHandler().ThenRespond(HttpStatusCode.OK, "{\"object\":\"list\",\"data\":[" + endpoint + "],\"list_metadata\":{\"before\":null,\"after\":null}}");
        using var http = new ResilientHttpClient(handler, TestPolicies.Recording(new List<TimeSpan>()));
        var client = new WebhookEndpointsClient(http, new Uri("https://api.workos.example.test"), SeededEnvironment.ApiKey);

        var ex = await Assert.ThrowsExactlyAsync<MalformedResponseException>(() => client.ListAllAsync(CancellationToken.None));

        Assert.Contains("'" + field + "'", ex.Message);
        Assert.DoesNotContain("whsec_", ex.Message);
    }

    [TestMethod]
    public async Task ACursorThatComesBackIsAMalformedAnswerNotAnEndlessLoop()
    {
        const string Page = "{\"object\":\"list\",\"data\":[],\"list_metadata\":{\"before\":null,\"after\":\"we_same\"}}";
        var handler = new FakeHandler().ThenRespond(HttpStatusCode.OK, Page).ThenRespond(HttpStatusCode.OK, Page);
        using var http = new ResilientHttpClient(handler, TestPolicies.Recording(new List<TimeSpan>()));
        var client = new WebhookEndpointsClient(http, new Uri("https://api.workos.example.test"), SeededEnvironment.ApiKey);

        var ex = await Assert.ThrowsExactlyAsync<MalformedResponseException>(() => client.ListAllAsync(CancellationToken.None));

        Assert.Contains("does not end", ex.Message);
        Assert.HasCount(2, handler.Requests);
    }
}
