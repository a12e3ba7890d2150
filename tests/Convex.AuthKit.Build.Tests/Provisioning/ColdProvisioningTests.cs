using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>Scenarios (docs/architecture.md#scenarios) 1 and 2 at the flow level: a fresh app is provisioned by one run; a second run changes nothing.</summary>
[TestClass]
public sealed class ColdProvisioningTests
{
    [TestMethod]
    public async Task FreshViteAppIsProvisionedInOneRun()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);

        var environment = h.WorkOSEnvironment();
        Assert.IsNotNull(environment, log.All);
        Assert.AreEqual(1, h.Sandbox.Snapshot().WorkosEnvironments.Count);
        var variables = h.DeploymentVariables();
        Assert.AreEqual(environment!.ClientId, variables["WORKOS_CLIENT_ID"]);
        Assert.AreEqual(environment.ApiKey, variables["WORKOS_API_KEY"]);
        Assert.AreEqual(environment.Id, variables["WORKOS_ENVIRONMENT_ID"]);
        CollectionAssert.AreEqual(new[] { "http://localhost:5173/callback" }, environment.RedirectUris);
        CollectionAssert.AreEqual(new[] { "http://localhost:5173" }, environment.CorsOrigins);
        Assert.AreEqual("http://localhost:5173", environment.HomepageUrl);

        Assert.AreEqual(
            "# Deployment used by `npx convex dev`\nCONVEX_DEPLOYMENT=dev:happy-animal-123 # team: my-team, project: my-project\n\nVITE_CONVEX_URL=https://happy-animal-123.convex.cloud\n"
            + $"\n# See this environment at https://dashboard.workos.com/{environment.Id}/authentication\nVITE_WORKOS_CLIENT_ID={environment.ClientId}\n"
            + "\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n",
            h.ReadEnvFile());

        Assert.IsTrue(log.High.Any(l => l.Contains("provisioned a new AuthKit environment")), log.All);
        Assert.IsTrue(log.High.Any(l => l.Contains("wrote VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI to .env.local")), log.All);
        Assert.IsFalse(log.All.Contains(environment.ApiKey), "the API key never reaches the log");
    }

    [TestMethod]
    public async Task SecondRunChangesNothingAndMakesNoRequest()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        var envFile = h.ReadEnvFile();
        var state = h.Sandbox.Snapshot();
        h.Sandbox.ClearRequests();

        var log = await h.RunAsync();
        Assert.AreEqual(0, h.Sandbox.Requests.Count, "the stamp matches: no request");
        Assert.AreEqual(envFile, h.ReadEnvFile());
        Assert.AreEqual(state.Counters.EnvironmentsProvisioned, h.Sandbox.Snapshot().Counters.EnvironmentsProvisioned);
        Assert.AreEqual(0, log.High.Count, log.All);
    }

    [TestMethod]
    public async Task ForcedRunReusesTheEnvironmentAndSaysNothingChanged()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        var envFile = h.ReadEnvFile();
        h.Configure = s => s.Force = true;
        h.Sandbox.ClearRequests();

        var log = await h.RunAsync();
        Assert.AreEqual(envFile, h.ReadEnvFile());
        Assert.AreEqual(1, h.Sandbox.Snapshot().Counters.EnvironmentsProvisioned);
        Assert.AreEqual(1, log.High.Count, log.All);
        StringAssert.Contains(log.High[0], "up to date, nothing to do");
        Assert.IsFalse(h.Sandbox.Requests.Any(r => r.Path.Contains("get_or_provision")), "an already provisioned deployment is not provisioned again");
    }

    [TestMethod]
    public async Task FreshNextJsAppGetsApiKeyAndCookiePassword()
    {
        await using var h = await FlowHarness.StartAsync("nextjs-app");
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        var environment = h.WorkOSEnvironment()!;
        var text = h.ReadEnvFile();
        var lines = text.Split('\n');
        CollectionAssert.Contains(lines, "WORKOS_CLIENT_ID=" + environment.ClientId);
        CollectionAssert.Contains(lines, "WORKOS_API_KEY=" + environment.ApiKey);
        CollectionAssert.Contains(lines, "NEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback");
        var cookie = lines.Where(l => l.StartsWith("WORKOS_COOKIE_PASSWORD=", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(1, cookie.Count, text);
        Assert.AreEqual(43, cookie[0].Length - "WORKOS_COOKIE_PASSWORD=".Length);
        Assert.AreEqual(lines.Length - 2, System.Array.IndexOf(lines, cookie[0]), "the cookie password is appended last");
        Assert.IsFalse(log.All.Contains(environment.ApiKey) || log.All.Contains(cookie[0].Substring(23)), "no secret in the log");
    }
}
