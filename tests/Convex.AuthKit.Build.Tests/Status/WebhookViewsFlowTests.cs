using Convex.AuthKit.Build.Tests.Provisioning;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Status;

/// <summary>The component webhook's step in the dry run and its row in the status (docs/architecture.md#the-component-webhook): reads only, never a secret.</summary>
[TestClass]
public sealed class WebhookViewsFlowTests
{
    private const string Url = "https://happy-animal-123.convex.site/workos/webhook";

    private static bool ListedEndpoints(FlowHarness h) => h.Sandbox.Requests.Any(r => r.Method == "GET" && r.Path == "/webhook_endpoints");

    [TestMethod]
    public async Task TheDryRunReadsTheEndpointsAndPrintsTheUpdateWithTheSecretInTheVariablesWrite()
    {
        await using var h = await FlowHarness.StartAsync("authkit-component", SandboxScenario.Fresh().WithDisabledWebhookEndpoint());
        h.Configure = s => s.DryRun = true;

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        var text = string.Join("\n", log.High);
        StringAssert.Contains(text, "  - GET deployment /api/v1/get_canonical_urls (read: the deployment's site URL)");
        StringAssert.Contains(text, "  - GET WorkOS /webhook_endpoints (read: the webhook endpoints)");
        StringAssert.Contains(text, $"  - PATCH WorkOS /webhook_endpoints/{SeededWebhookEndpoints.DisabledId} (enabled; user.created, user.updated, user.deleted)");
        StringAssert.Contains(text, "(set WORKOS_WEBHOOK_SECRET)");
        StatusRun.AssertNoMutatingRequest(h);
        StatusRun.AssertNoSecret(h, log.All);
        Assert.IsFalse(log.All.Contains(SeededWebhookEndpoints.DisabledSecret));
    }

    [TestMethod]
    public async Task ForAColdAppTheDryRunPlansTheStepWithoutReadingTheEndpoints()
    {
        await using var h = await FlowHarness.StartAsync("authkit-component");
        h.Configure = s => s.DryRun = true;

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        var text = string.Join("\n", log.High);
        StringAssert.Contains(text, $"  - POST WorkOS /webhook_endpoints ({Url} (user.created, user.updated, user.deleted)), or the PATCH of the endpoint already at that URL");
        StringAssert.Contains(text, "(set WORKOS_CLIENT_ID, WORKOS_ENVIRONMENT_ID, WORKOS_API_KEY, WORKOS_WEBHOOK_SECRET)");
        Assert.IsFalse(ListedEndpoints(h), "nothing to read before provisioning");
        StatusRun.AssertNoMutatingRequest(h);
    }

    [TestMethod]
    public async Task TheStatusShowsTheMissingEndpointThenTheWorkingOne()
    {
        await using var h = await FlowHarness.StartAsync("authkit-component", SandboxScenario.Fresh().WithProvisionedEnvironment());

        var (before, beforeLog) = await StatusRun.RunAsync(h);
        Assert.AreEqual($"{Url}: no endpoint; WORKOS_WEBHOOK_SECRET missing", before["webhook"], beforeLog.All);
        StringAssert.Contains(before.NextBuild, $"create the webhook endpoint {Url} (user.created, user.updated, user.deleted), set WORKOS_WEBHOOK_SECRET");
        StatusRun.AssertNoMutatingRequest(h);

        await h.RunAsync();
        var (after, afterLog) = await StatusRun.RunAsync(h);

        Assert.AreEqual($"{Url} (enabled; user.created, user.updated, user.deleted); WORKOS_WEBHOOK_SECRET set", after["webhook"], afterLog.All);
        StatusRun.AssertNoSecret(h, afterLog.All);
    }

    [TestMethod]
    public async Task TheStatusSaysWhenTheDeploymentsSecretIsNotTheEndpointsAndHowToFixIt()
    {
        var scenario = SandboxScenario.Fresh().WithWebhookEndpointOnSecondPage();
        scenario.Deployment(FlowHarness.Deployment).Env["WORKOS_WEBHOOK_SECRET"] = "whsec_before_the_rotation";
        await using var h = await FlowHarness.StartAsync("authkit-component", scenario);

        var (block, log) = await StatusRun.RunAsync(h);

        var row = block["webhook"]!;
        StringAssert.StartsWith(row, $"{Url} (enabled; user.created, user.updated, user.deleted); WORKOS_WEBHOOK_SECRET set, but it differs from the endpoint's signing secret", log.All);
        StringAssert.Contains(row, "npx convex env remove WORKOS_WEBHOOK_SECRET");
        Assert.IsFalse(log.All.Contains("whsec_before_the_rotation") || log.All.Contains(SeededWebhookEndpoints.SecondPageSecret));
    }
}
