using System.Net.Http.Headers;
using System.Text;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Tests.Status;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// The WorkOS AuthKit component's webhook endpoint and WORKOS_WEBHOOK_SECRET (docs/architecture.md#the-component-webhook),
/// against the sandbox: get-or-create, the round trips of each path, the race between two machines, and each way out.
/// </summary>
[TestClass]
public sealed class WebhookFlowTests
{
    private const string Url = "https://happy-animal-123.convex.site/workos/webhook";
    private static readonly string[] ThreeEvents = { "user.created", "user.updated", "user.deleted" };
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(60);

    private static Task<FlowHarness> ComponentApp(SandboxScenario? scenario = null) => FlowHarness.StartAsync("authkit-component", scenario);

    private static SandboxWebhookEndpoint OnlyEndpoint(FlowHarness h) => h.WorkOSEnvironment()!.WebhookEndpoints.Single();

    private static bool AnyWebhookCall(FlowHarness h) => h.Sandbox.Requests.Any(r => r.Path.Contains("webhook_endpoints"));

    private static int Calls(FlowHarness h, string method) => h.Sandbox.Requests.Count(r => r.Method == method && r.Path.StartsWith("/webhook_endpoints", StringComparison.Ordinal));

    /// <summary>The working state: the deployment's secret is the endpoint's; no secret anywhere in the log or obj/; the next build sends nothing.</summary>
    private static async Task AssertWorkingAndQuiet(FlowHarness h, RecordingLogSink log)
    {
        var endpoint = h.WorkOSEnvironment()!.WebhookEndpoints.Single(e => e.EndpointUrl.TrimEnd('/') == Url);
        Assert.AreEqual("enabled", endpoint.Status);
        Assert.AreEqual(endpoint.Secret, h.DeploymentVariables()["WORKOS_WEBHOOK_SECRET"]);
        Assert.IsFalse(log.All.Contains(endpoint.Secret), "the secret reached the log");
        foreach (var file in Directory.GetFiles(Path.Combine(h.ProjectDirectory, "obj")))
            Assert.IsFalse(File.ReadAllText(file).Contains(endpoint.Secret), "the secret reached " + file);
        Assert.IsFalse(h.ReadEnvFile().Contains(endpoint.Secret), "the env file never holds it");
        StatusRun.AssertNoSecret(h, log.All);
        h.Sandbox.ClearRequests();
        await h.RunAsync();
        Assert.AreEqual(0, h.Sandbox.Requests.Count, "the next build makes no request");
    }

    // The round-trip counts below are upper bounds: the WorkOS settings calls do not wait on the webhook chain, so when
    // one of them ends after the list, the chain's next call overlaps it and the two waves count as one.
    [TestMethod]
    public async Task Fresh_OneBuildCreatesTheEndpointAndSetsItsSecret_InFiveSequentialRoundTrips()
    {
        await using var h = await ComponentApp();
        h.Sandbox.Latency = Latency;

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        var endpoint = OnlyEndpoint(h);
        Assert.AreEqual(Url, endpoint.EndpointUrl);
        CollectionAssert.AreEqual(ThreeEvents, endpoint.Events);
        Assert.IsLessThanOrEqualTo(5, h.SequentialRoundTrips(), h.RequestList);
        Assert.AreEqual(1, h.Sandbox.Snapshot().Counters.EnvironmentVariableUpdates, "the secret joins the one variables write");
        Assert.AreEqual(1, Calls(h, "GET"), "a newly provisioned environment is created in directly; the one list is the race check");
        StringAssert.Contains(string.Join("\n", log.High), "created the webhook endpoint " + Url);
        StringAssert.Contains(string.Join("\n", log.High), "WORKOS_WEBHOOK_SECRET");
        await AssertWorkingAndQuiet(h, log);
    }

    [TestMethod]
    public async Task ColdWithAnEnvironmentConvexAlreadyHas_ListsFirst_InSixSequentialRoundTrips()
    {
        var scenario = SandboxScenario.Fresh().WithProvisionedEnvironment();
        scenario.Deployment(FlowHarness.Deployment).Env.Clear();
        await using var h = await ComponentApp(scenario);
        h.Sandbox.Latency = Latency;

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.AreEqual(Url, OnlyEndpoint(h).EndpointUrl);
        Assert.IsLessThanOrEqualTo(6, h.SequentialRoundTrips(), h.RequestList);
        await AssertWorkingAndQuiet(h, log);
    }

    [TestMethod]
    public async Task AProvisionedDeploymentWithoutTheSecret_GetsItInFiveSequentialRoundTrips()
    {
        await using var h = await ComponentApp(SandboxScenario.Fresh().WithProvisionedEnvironment());
        h.Sandbox.Latency = Latency;

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.IsLessThanOrEqualTo(5, h.SequentialRoundTrips(), h.RequestList);
        Assert.AreEqual(1, h.Sandbox.Snapshot().Counters.EnvironmentVariableUpdates);
        await AssertWorkingAndQuiet(h, log);
    }

    [TestMethod]
    public async Task AnExistingEnabledEndpointWithItsEventsIsReusedAsItIs()
    {
        var scenario = SandboxScenario.Fresh().WithProvisionedEnvironment().WithWebhookEndpoint(new SandboxWebhookEndpoint
        {
            Id = "we_01JEXISTING0000000000000001",
            EndpointUrl = Url + "/",
            Secret = "whsec_existing_endpoint_7c3d",
            Events = ThreeEvents.ToList(),
            CreatedAt = "2026-01-15T12:00:00.000Z",
            UpdatedAt = "2026-01-15T12:00:00.000Z",
        });
        await using var h = await ComponentApp(scenario);
        h.Sandbox.Latency = Latency;

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.AreEqual("we_01JEXISTING0000000000000001", OnlyEndpoint(h).Id);
        Assert.AreEqual(0, Calls(h, "POST") + Calls(h, "PATCH"), h.RequestList);
        Assert.AreEqual("whsec_existing_endpoint_7c3d", h.DeploymentVariables()["WORKOS_WEBHOOK_SECRET"]);
        Assert.IsLessThanOrEqualTo(4, h.SequentialRoundTrips(), "authorize, read, list ∥ settings, secret write: " + h.RequestList);
        await AssertWorkingAndQuiet(h, log);
    }

    [TestMethod]
    public async Task AnExistingDisabledEndpointWithFewerEventsIsEnabledWithTheUnion()
    {
        await using var h = await ComponentApp(SandboxScenario.Fresh().WithDisabledWebhookEndpoint());

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        var endpoint = OnlyEndpoint(h);
        Assert.AreEqual(SeededWebhookEndpoints.DisabledId, endpoint.Id);
        Assert.AreEqual("enabled", endpoint.Status);
        CollectionAssert.AreEqual(ThreeEvents, endpoint.Events);
        Assert.AreEqual(SeededWebhookEndpoints.DisabledSecret, h.DeploymentVariables()["WORKOS_WEBHOOK_SECRET"]);
        Assert.AreEqual(1, Calls(h, "PATCH"));
        await AssertWorkingAndQuiet(h, log);
    }

    [TestMethod]
    public async Task AnEndpointOnTheSecondListPageIsFoundAndReused()
    {
        await using var h = await ComponentApp(SandboxScenario.Fresh().WithWebhookEndpointOnSecondPage());

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.AreEqual(2, Calls(h, "GET"), "two pages");
        Assert.AreEqual(0, Calls(h, "POST"));
        Assert.AreEqual(3, h.WorkOSEnvironment()!.WebhookEndpoints.Count);
        Assert.AreEqual(SeededWebhookEndpoints.SecondPageSecret, h.DeploymentVariables()["WORKOS_WEBHOOK_SECRET"]);
    }

    [TestMethod]
    public async Task AdditionalEventTypesWrittenAsLiteralsAreSubscribedToo()
    {
        await using var h = await ComponentApp();
        EditAuthTs(h, "{ authFunctions, additionalEventTypes: [\"session.created\", 'organization.created'] }");

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        CollectionAssert.AreEqual(ThreeEvents.Concat(new[] { "session.created", "organization.created" }).ToList(), OnlyEndpoint(h).Events);
    }

    [TestMethod]
    public async Task AdditionalEventTypesThatAreNotLiteralAreCak2113NamingTheFile_AndTheThreeEventsAreSubscribed()
    {
        await using var h = await ComponentApp();
        EditAuthTs(h, "{ authFunctions, additionalEventTypes: extraEvents }");

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count, log.All);
        var warning = log.Warnings.Single();
        Assert.AreEqual("CAK2113", warning.Code);
        StringAssert.StartsWith(warning.Text, "convex/auth.ts passes additionalEventTypes to new AuthKit(...) in a form the build cannot read");
        CollectionAssert.AreEqual(ThreeEvents, OnlyEndpoint(h).Events);
        Assert.AreEqual(OnlyEndpoint(h).Secret, h.DeploymentVariables()["WORKOS_WEBHOOK_SECRET"]);
    }

    [TestMethod]
    public async Task ARegionalDeploymentGetsTheEndpointAtItsOwnSiteUrl()
    {
        await using var h = await ComponentApp(SandboxScenario.Fresh().WithRegionalSiteUrl("eu-west-1"));

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.AreEqual("https://happy-animal-123.eu-west-1.convex.site/workos/webhook", OnlyEndpoint(h).EndpointUrl);
    }

    [TestMethod]
    public async Task ADeploymentWithoutCanonicalUrlsOffConvexCloud_GetsTheManualSteps_AndTheBuildSucceeds()
    {
        var scenario = SandboxScenario.Fresh();
        scenario.Deployment(FlowHarness.Deployment).LegacyApiOnly = true;
        await using var h = await ComponentApp(scenario);

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count, log.All);
        var warning = log.Warnings.Single();
        Assert.AreEqual("CAK2109", warning.Code);
        StringAssert.Contains(warning.Text, "the deployment does not say where it serves HTTP actions");
        Assert.IsFalse(AnyWebhookCall(h));
        Assert.IsNotNull(h.DeploymentVariables()["WORKOS_CLIENT_ID"], "everything else is applied");
        Assert.IsTrue(File.Exists(h.Files.StampFile));
    }

    [TestMethod]
    public async Task AWebhookSecretAlreadySetMeansNoWebhookCallAtAll()
    {
        var scenario = SandboxScenario.Fresh().WithProvisionedEnvironment();
        scenario.Deployment(FlowHarness.Deployment).Env["WORKOS_WEBHOOK_SECRET"] = "whsec_set_by_hand";
        await using var h = await ComponentApp(scenario);

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.IsFalse(AnyWebhookCall(h));
        Assert.AreEqual("whsec_set_by_hand", h.DeploymentVariables()["WORKOS_WEBHOOK_SECRET"], "a value set by hand is never touched");
    }

    [TestMethod]
    public async Task ADeployKeyConfiguresTheWebhookWithTheDeploymentsOwnApiKey()
    {
        await using var h = await FlowHarness.StartAsync("authkit-component", SandboxScenario.Fresh().WithProvisionedEnvironment(), loggedIn: false, withDeployment: false);
        h.Environment["CONVEX_DEPLOY_KEY"] = FreshSecrets.DeployKey(FlowHarness.Deployment);

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.IsTrue(h.Sandbox.Requests.Where(r => r.Path.StartsWith("/webhook_endpoints", StringComparison.Ordinal)).All(r => r.AuthKind == SandboxAuthKind.WorkOSApiKey));
        Assert.AreEqual(OnlyEndpoint(h).Secret, h.DeploymentVariables()["WORKOS_WEBHOOK_SECRET"]);
    }

    [TestMethod]
    public async Task WorkOSRefusingTheEndpointIsCak2109WithItsReason_TheRestIsApplied_AndTheStampIsWritten()
    {
        await using var h = await ComponentApp();
        h.Sandbox.InjectFault(new SandboxFault
        {
            Service = SandboxService.WorkOS,
            Method = "POST",
            Path = "/webhook_endpoints",
            Status = 403,
            Body = "{\"message\":\"Webhooks are not available on this plan.\"}",
        });

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count, log.All);
        var warning = log.Warnings.Single();
        Assert.AreEqual("CAK2109", warning.Code);
        StringAssert.Contains(warning.Text, "WorkOS refused the webhook endpoint " + Url);
        StringAssert.Contains(warning.Text, "Webhooks are not available on this plan.");
        StringAssert.Contains(warning.Text, "In the WorkOS dashboard, create a webhook endpoint " + Url);
        var variables = h.DeploymentVariables();
        Assert.AreEqual(h.WorkOSEnvironment()!.ClientId, variables["WORKOS_CLIENT_ID"]);
        Assert.IsFalse(variables.ContainsKey("WORKOS_WEBHOOK_SECRET"));
        Assert.IsNotNull(Stamp.Read(h.Files.StampFile), "a refusal is not transient: the stamp is written");
        h.Sandbox.ClearRequests();
        await h.RunAsync();
        Assert.AreEqual(0, h.Sandbox.Requests.Count);
    }

    [TestMethod]
    public async Task AnEventWorkOSDoesNotKnowIsCak2109WithWorkOSsReason()
    {
        await using var h = await ComponentApp();
        EditAuthTs(h, "{ authFunctions, additionalEventTypes: [\"user.renamed\"] }");

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count, log.All);
        var warning = log.Warnings.Single();
        Assert.AreEqual("CAK2109", warning.Code);
        StringAssert.Contains(warning.Text, "WorkOS refused the webhook endpoint " + Url);
        StringAssert.Contains(warning.Text, "events: invalid ('user.renamed' is not a valid event.)");
        StringAssert.Contains(warning.Text, "for the events user.created, user.updated, user.deleted, user.renamed");
        Assert.IsFalse(h.DeploymentVariables().ContainsKey("WORKOS_WEBHOOK_SECRET"));
    }

    [TestMethod]
    public async Task AnApiKeyWorkOSRejectsIsTheOneKeyFailureTheSettingsReport()
    {
        await using var h = await ComponentApp(SandboxScenario.Fresh().WithDeletedEnvironment());

        var log = await h.RunAsync();

        Assert.AreEqual("CAK1013", log.Errors.Single().Code, log.All);
        Assert.AreEqual(0, log.Warnings.Count, log.All);
        Assert.IsNull(Stamp.Read(h.Files.StampFile));
    }

    [TestMethod]
    public async Task SwitchedOffTheBuildOnlySaysHow()
    {
        await using var h = await ComponentApp();
        h.Configure = s => s.ConfigureWebhook = false;

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count, log.All);
        var warning = log.Warnings.Single();
        Assert.AreEqual("CAK2109", warning.Code);
        StringAssert.Contains(warning.Text, "ConvexAuthKitConfigureWebhook is false");
        StringAssert.Contains(warning.Text, "create a webhook endpoint " + Url + " for the events user.created, user.updated, user.deleted");
        Assert.IsFalse(AnyWebhookCall(h));
        Assert.IsFalse(h.DeploymentVariables().ContainsKey("WORKOS_WEBHOOK_SECRET"));
    }

    [TestMethod]
    public async Task OfflineForTheWebhookCalls_TheRestIsApplied_AndNoStampIsWritten()
    {
        await using var h = await ComponentApp(SandboxScenario.Fresh().WithProvisionedEnvironment());
        h.Sandbox.InjectFault(new SandboxFault { Service = SandboxService.WorkOS, Method = "GET", Path = "/webhook_endpoints", Drop = true, Count = 100 });
        h.Configure = s => s.CreateHttpPolicy = () => new Convex.AuthKit.Build.Http.HttpPolicy { MaxAttempts = 1 };

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count, log.All);
        Assert.AreEqual("CAK2105", log.Warnings.Single().Code, log.All);
        Assert.IsNull(Stamp.Read(h.Files.StampFile), "the next online build completes the webhook");
        h.Sandbox.ClearFaults();
        var next = await h.RunAsync();
        Assert.AreEqual(0, next.Errors.Count + next.Warnings.Count, next.All);
        Assert.AreEqual(OnlyEndpoint(h).Secret, h.DeploymentVariables()["WORKOS_WEBHOOK_SECRET"]);
    }

    /// <summary>
    /// Two machines share the deployment: after this build listed (none at our URL), another one creates the endpoint
    /// first. This build's create is held until then; its list afterwards shows two, so it deletes its own and sets the
    /// other's secret.
    /// </summary>
    [TestMethod]
    public async Task ARaceWithAnotherMachineLeavesOneEndpoint_TheOldest_WhoseSecretTheDeploymentHolds()
    {
        await using var h = await ComponentApp(SandboxScenario.Fresh().WithProvisionedEnvironment());
        h.Sandbox.InjectFault(new SandboxFault { Service = SandboxService.WorkOS, Method = "POST", Path = "/webhook_endpoints", HoldMilliseconds = 1500 });

        var build = h.RunAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!h.Sandbox.Requests.Any(r => r.Method == "GET" && r.Path == "/webhook_endpoints") && DateTime.UtcNow < deadline) await Task.Delay(10);
        var theirs = await CreateAsTheOtherMachine(h);
        var log = await build;

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        var survivor = OnlyEndpoint(h);
        Assert.AreEqual(theirs, survivor.Id, h.RequestList);
        Assert.AreEqual(survivor.Secret, h.DeploymentVariables()["WORKOS_WEBHOOK_SECRET"]);
        Assert.AreEqual(1, Calls(h, "DELETE"));
        StringAssert.Contains(string.Join("\n", log.High), "deleted the webhook endpoint this build created");
    }

    private static async Task<string> CreateAsTheOtherMachine(FlowHarness h)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(h.Sandbox.WorkOSUrl, "webhook_endpoints"))
        {
            Content = new StringContent("{\"endpoint_url\":\"" + Url + "\",\"events\":[\"user.created\",\"user.updated\",\"user.deleted\"]}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SeededEnvironment.ApiKey);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.IsTrue(response.IsSuccessStatusCode, body);
        return (string)Newtonsoft.Json.Linq.JObject.Parse(body)["id"]!;
    }

    private static void EditAuthTs(FlowHarness h, string options)
    {
        var path = Path.Combine(h.AppDirectory, "convex", "auth.ts");
        File.WriteAllText(path, File.ReadAllText(path).Replace("{ authFunctions }", options));
    }
}
