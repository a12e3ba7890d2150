using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Tests.Status;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// The WorkOS AuthKit component app, the Visual Studio layout and a Vite app on https with its port from a variable,
/// through the flow against the sandbox: the starting points users really have are provisioned, and build, dry run and
/// status agree on them.
/// </summary>
[TestClass]
public sealed class RealStartingPointFlowTests
{
    private const string WebhookSteps = "create a webhook endpoint https://happy-animal-123.convex.site/workos/webhook for the events user.created, user.updated, user.deleted, then run `npx convex env set WORKOS_WEBHOOK_SECRET=<secret>`";

    [TestMethod]
    public async Task TheComponentAppIsProvisionedWithItsWebhookSecret_AndSwitchedOffItsWarningNeverWithholdsTheStamp()
    {
        await using var h = await FlowHarness.StartAsync("authkit-component");
        h.Configure = s => s.ConfigureWebhook = false;

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count, log.All);
        var warning = log.Warnings.Single();
        Assert.AreEqual("CAK2109", warning.Code);
        StringAssert.StartsWith(warning.Text, "convex/auth.ts uses the WorkOS AuthKit component, which needs WORKOS_WEBHOOK_SECRET on deployment happy-animal-123");
        StringAssert.Contains(warning.Text, WebhookSteps);
        var environment = h.WorkOSEnvironment()!;
        CollectionAssert.AreEqual(new[] { "http://localhost:5173/callback" }, environment.RedirectUris);
        Assert.AreEqual(environment.ClientId, h.DeploymentVariables()["WORKOS_CLIENT_ID"]);
        Assert.IsFalse(h.DeploymentVariables().ContainsKey("WORKOS_WEBHOOK_SECRET"), "switched off, the build only says how");
        StringAssert.Contains(h.ReadEnvFile(), "VITE_WORKOS_CLIENT_ID=" + environment.ClientId);

        // The followed import is a stamp input, and the warning does not withhold the stamp.
        var stamp = Stamp.Read(h.Files.StampFile)!;
        CollectionAssert.Contains(stamp.WatchedFiles.ToList(), Path.Combine(h.AppDirectory, "convex", "auth.ts"));
        Assert.IsFalse(stamp.WatchedFiles.Any(f => f.Contains("_generated")), string.Join("\n", stamp.WatchedFiles));
        h.Sandbox.ClearRequests();
        var second = await h.RunAsync();
        Assert.AreEqual(0, h.Sandbox.Requests.Count);
        Assert.AreEqual(0, second.Warnings.Count, "a stamp hit shows nothing, like an up-to-date compile");
    }

    [TestMethod]
    public async Task ChangingAFollowedImportChangesTheFingerprint()
    {
        await using var h = await FlowHarness.StartAsync("authkit-component");
        await h.RunAsync();
        Assert.IsTrue(ProvisioningSessionNothingToDo(h));

        File.AppendAllText(Path.Combine(h.AppDirectory, "convex", "auth.ts"), "// changed\n");

        Assert.IsFalse(ProvisioningSessionNothingToDo(h));
    }

    private static bool ProvisioningSessionNothingToDo(FlowHarness h) =>
        Convex.AuthKit.Build.Incremental.StampMatch.NothingToDo(h.AppDirectory, h.Settings(), h.Files.StampFile);

    [TestMethod]
    public async Task WithTheWebhookSecretOnTheDeploymentThereIsNoWarning()
    {
        var scenario = SandboxScenario.Fresh();
        scenario.Deployment(FlowHarness.Deployment).Env["WORKOS_WEBHOOK_SECRET"] = "whsec_sandbox_secret";
        await using var h = await FlowHarness.StartAsync("authkit-component", scenario);

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.IsNotNull(h.WorkOSEnvironment());
    }

    [TestMethod]
    public async Task SwitchedOffTheDryRunAndTheStatusShowTheSameWarning()
    {
        await using var h = await FlowHarness.StartAsync("authkit-component");
        h.Configure = s => { s.DryRun = true; s.ConfigureWebhook = false; };
        var dryRun = await h.RunAsync();
        Assert.AreEqual("CAK2109", dryRun.Warnings.Single().Code, dryRun.All);
        StringAssert.Contains(dryRun.Warnings[0].Text, WebhookSteps);
        StringAssert.Contains(string.Join("\n", dryRun.High), "dry run, nothing changed; a build would:");
        h.Configure = s => s.ConfigureWebhook = false;

        var (block, log) = await StatusRun.RunAsync(h);
        var text = StatusRun.AssertOneBlock(log);
        StringAssert.Contains(text, "warning:");
        StringAssert.Contains(text, "CAK2109: convex/auth.ts uses the WorkOS AuthKit component");
        StringAssert.Contains(text, WebhookSteps);
        StringAssert.StartsWith(block["AuthKit"], "convex/auth.ts uses the WorkOS AuthKit component (@convex-dev/workos-authkit); Vite defaults for http://localhost:5173");
        StatusRun.AssertNoMutatingRequest(h);
    }

    [TestMethod]
    public async Task TheVisualStudioServerProjectFindsItsClientThroughABackslashSpaRoot()
    {
        await using var h = await FlowHarness.StartAsync("vs-react-aspnet", appRelative: "reactapp.client");
        h.ProjectDirectory = Path.Combine(h.Root, "ReactApp.Server");
        h.Configure = s => { s.SpaRoot = "..\\reactapp.client\\"; s.SpaProxyServerUrl = "https://localhost:56127"; };

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        var environment = h.WorkOSEnvironment()!;
        CollectionAssert.AreEqual(new[] { "https://localhost:56127/callback" }, environment.RedirectUris);
        CollectionAssert.AreEqual(new[] { "https://localhost:56127" }, environment.CorsOrigins);
        StringAssert.Contains(h.ReadEnvFile(), "VITE_WORKOS_REDIRECT_URI=https://localhost:56127/callback");
    }

    [TestMethod]
    public async Task TheVisualStudioClientAloneUsesItsViteConfig_AndDevServerPortFromTheBuildEnvironment()
    {
        await using var h = await FlowHarness.StartAsync("vs-react-aspnet", appRelative: "reactapp.client");
        h.Environment["DEV_SERVER_PORT"] = "50443";

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        CollectionAssert.AreEqual(new[] { "https://localhost:50443/callback" }, h.WorkOSEnvironment()!.RedirectUris);
        CollectionAssert.Contains(Stamp.Read(h.Files.StampFile)!.WatchedVariables.ToList(), "DEV_SERVER_PORT");
        h.Environment["DEV_SERVER_PORT"] = null;
        Assert.IsFalse(ProvisioningSessionNothingToDo(h), "the variable is a stamp input");
    }

    [TestMethod]
    public async Task TheHttpsViteAppTakesItsPortFromTheEnvFilesThroughLoadEnv()
    {
        await using var h = await FlowHarness.StartAsync("vite-https-port");
        File.WriteAllText(Path.Combine(h.AppDirectory, ".env.development"), "APP_PORT=5444\n");

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        var environment = h.WorkOSEnvironment()!;
        CollectionAssert.AreEqual(new[] { "https://localhost:5444/callback" }, environment.RedirectUris);
        Assert.AreEqual("https://localhost:5444", environment.HomepageUrl);
        StringAssert.Contains(h.ReadEnvFile(), "VITE_WORKOS_REDIRECT_URI=https://localhost:5444/callback");
        CollectionAssert.Contains(Stamp.Read(h.Files.StampFile)!.WatchedFiles.ToList(), Path.Combine(h.AppDirectory, ".env.development"));
    }
}
