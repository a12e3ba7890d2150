using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>The decision flow of docs/protocol.md#reference-flow with docs/architecture.md#where-we-differ-from-the-cli, each branch against the sandbox.</summary>
[TestClass]
public sealed class DecisionFlowTests
{
    private static bool AnyWorkOSProvisioningCall(FlowHarness h) =>
        h.Sandbox.Requests.Any(r => r.Path.Contains("get_or_provision") || r.Path.Contains("provision_associated"));

    [TestMethod]
    public async Task TeamWithoutWorkOSFailsWithBothWaysOut()
    {
        await using var h = await FlowHarness.StartAsync(scenario: SandboxScenario.Fresh(teamHasWorkOS: false));
        var envFile = h.ReadEnvFile();
        var log = await h.RunAsync();
        var error = log.Errors.Single();
        Assert.AreEqual("CAK1007", error.Code);
        StringAssert.Contains(error.Text, "npx convex dev");
        StringAssert.Contains(error.Text, "ConvexAuthKitWorkOSTeamEmail");
        StringAssert.Contains(error.Text, "ConvexAuthKitAcceptWorkOSTerms=true");
        Assert.IsFalse(AnyWorkOSProvisioningCall(h));
        Assert.AreEqual(envFile, h.ReadEnvFile());
        Assert.IsFalse(File.Exists(h.Files.StampFile), "no stamp after a failure");
    }

    [TestMethod]
    public async Task TeamEmailWithoutAcceptedTermsIsNotEnough()
    {
        await using var h = await FlowHarness.StartAsync(scenario: SandboxScenario.Fresh(teamHasWorkOS: false));
        h.Configure = s => s.WorkOSTeamEmail = "dev@example.com";
        var log = await h.RunAsync();
        var error = log.Errors.Single();
        Assert.AreEqual("CAK1007", error.Code);
        StringAssert.Contains(error.Text, "ConvexAuthKitAcceptWorkOSTerms=true");
        StringAssert.Contains(error.Text, "https://workos.com/legal/terms-of-service");
        Assert.AreEqual(0, h.Sandbox.Snapshot().Counters.WorkOSTeamsProvisioned);
    }

    [TestMethod]
    public async Task TeamIsCreatedWhenTheBuildIsToldToAndThenProvisioned()
    {
        await using var h = await FlowHarness.StartAsync(scenario: SandboxScenario.Fresh(teamHasWorkOS: false));
        h.Configure = s => { s.WorkOSTeamEmail = "dev@example.com"; s.AcceptWorkOSTerms = true; };
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count, log.All);
        Assert.AreEqual(1, h.Sandbox.Snapshot().Counters.WorkOSTeamsProvisioned);
        Assert.IsNotNull(h.WorkOSEnvironment());
        Assert.IsTrue(log.High.Any(l => l.Contains("created WorkOS team")), log.All);
    }

    [TestMethod]
    public async Task UnavailableTeamEmailIsACodedError()
    {
        await using var h = await FlowHarness.StartAsync(scenario: SandboxScenario.Fresh(teamHasWorkOS: false));
        h.Configure = s => { s.WorkOSTeamEmail = "someone-else@example.com"; s.AcceptWorkOSTerms = true; };
        var log = await h.RunAsync();
        Assert.AreEqual("CAK1018", log.Errors.Single().Code);
        StringAssert.Contains(log.Errors.Single().Text, "dev@example.com");
    }

    [TestMethod]
    public async Task TeamThatChoseNotToConnectWorkOSIsExplained()
    {
        var scenario = SandboxScenario.Fresh();
        scenario.Teams[0].Disabled = true;
        await using var h = await FlowHarness.StartAsync(scenario: scenario);
        var log = await h.RunAsync();
        Assert.AreEqual("CAK1008", log.Errors.Single().Code);
        Assert.IsFalse(AnyWorkOSProvisioningCall(h));
    }

    [TestMethod]
    public async Task ClientIdMismatchUsesTheCliWordingAndNamesTheEnvFileLine()
    {
        await using var h = await FlowHarness.StartAsync("nextjs-app");
        await h.RunAsync();
        var clientId = h.WorkOSEnvironment()!.ClientId;
        h.WriteEnvFile(h.ReadEnvFile().Replace("WORKOS_CLIENT_ID=" + clientId, "WORKOS_CLIENT_ID=client_01STALE"));
        h.Configure = s => s.Force = true;
        var log = await h.RunAsync();
        var error = log.Errors.Single();
        Assert.AreEqual("CAK1009", error.Code);
        StringAssert.Contains(error.Text, "WorkOS environment variable mismatch detected!");
        var detail = string.Join("\n", log.Messages);
        StringAssert.Contains(detail, $"  WORKOS_CLIENT_ID: deployment has '{clientId}' but we need 'client_01STALE'");
        StringAssert.Contains(detail, "delete the line WORKOS_CLIENT_ID=... from .env.local");
    }

    [TestMethod]
    public async Task StaleTemplatedEntryIsAnErrorNamingTheLine()
    {
        await using var h = await FlowHarness.StartAsync();
        h.WriteEnvFile(h.ReadEnvFile() + "VITE_WORKOS_CLIENT_ID=client_01FROMANOTHERDEPLOYMENT\n");
        var log = await h.RunAsync();
        var error = log.Errors.Single();
        Assert.AreEqual("CAK1010", error.Code);
        StringAssert.Contains(error.Text, "VITE_WORKOS_CLIENT_ID in .env.local (line 5) is 'client_01FROMANOTHERDEPLOYMENT'");
        StringAssert.Contains(error.Text, "Delete the line VITE_WORKOS_CLIENT_ID=...");
        Assert.IsTrue(h.ReadEnvFile().Contains("client_01FROMANOTHERDEPLOYMENT"), "the file is left for the user to fix");
    }

    [TestMethod]
    public async Task ExistingNonEmptyValuesAreKeptAndEmptyOnesFilled()
    {
        await using var h = await FlowHarness.StartAsync();
        h.WriteEnvFile(h.ReadEnvFile() + "VITE_WORKOS_CLIENT_ID=\nVITE_WORKOS_REDIRECT_URI=http://localhost:4000/callback\n");
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count, log.All);
        var text = h.ReadEnvFile();
        StringAssert.Contains(text, "VITE_WORKOS_CLIENT_ID=" + h.WorkOSEnvironment()!.ClientId + "\n");
        StringAssert.Contains(text, "VITE_WORKOS_REDIRECT_URI=http://localhost:4000/callback\n");
    }

    [TestMethod]
    public async Task ValueSetInTheProcessEnvironmentIsNotWrittenToTheFile()
    {
        await using var h = await FlowHarness.StartAsync();
        h.Environment["VITE_WORKOS_REDIRECT_URI"] = "http://localhost:7000/callback";
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count, log.All);
        Assert.IsFalse(h.ReadEnvFile().Contains("VITE_WORKOS_REDIRECT_URI"), h.ReadEnvFile());
    }

    [TestMethod]
    public async Task UnresolvableBuildEnvTemplateIsACodedError()
    {
        await using var h = await FlowHarness.StartAsync();
        File.WriteAllText(Path.Combine(h.AppDirectory, "convex.json"),
            "{\"authKit\":{\"dev\":{\"configure\":{\"redirectUris\":[\"https://${buildEnv.PREVIEW_HOST}/callback\"]}}}}");
        var log = await h.RunAsync();
        var error = log.Errors.Single();
        Assert.AreEqual("CAK1011", error.Code);
        StringAssert.Contains(error.Text, "Cannot resolve template ${buildEnv.PREVIEW_HOST}: Environment variable PREVIEW_HOST is not set.");
    }

    [TestMethod]
    public async Task DeployKeyNeverCallsWorkOSEndpointsAndFailOnErrorFalseMakesItAWarning()
    {
        await using var h = await FlowHarness.StartAsync(loggedIn: false, withDeployment: false);
        h.Environment["CONVEX_DEPLOY_KEY"] = FreshSecrets.DeployKey(FlowHarness.Deployment);
        h.Configure = s => s.FailOnError = false;
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count, log.All);
        Assert.AreEqual("CAK1006", log.Warnings.Single().Code, "a demoted error keeps its code");
        Assert.IsFalse(h.Sandbox.Requests.Any(r => r.Path.Contains("/workos/")));
        Assert.IsTrue(h.Sandbox.Requests.Any(r => r.Path.EndsWith("/url_for_key", StringComparison.Ordinal)), "the deploy key's URL is asked for");
        Assert.IsFalse(log.All.Contains(FreshSecrets.DeployKeySecret));
    }

    [TestMethod]
    [DataRow("prod:happy-animal-123", "Production")]
    [DataRow("preview:happy-animal-123", "Preview")]
    [DataRow("local:local-deployment", "Local")]
    public async Task NonDevDeploymentsAreLeftAlone(string deployment, string reason)
    {
        await using var h = await FlowHarness.StartAsync(withDeployment: false);
        h.WriteEnvFile($"CONVEX_DEPLOYMENT={deployment}\n");
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.IsTrue(log.High.Single().Contains($"deployment left alone ({reason})"), log.All);
        Assert.AreEqual(0, h.Sandbox.Requests.Count);
    }

    [TestMethod]
    public async Task ColdProvisioningWritesTheVariablesOnceInFourSequentialRoundTrips()
    {
        await using var h = await FlowHarness.StartAsync();
        h.Sandbox.Latency = System.TimeSpan.FromMilliseconds(60);
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count, log.All);
        Assert.AreEqual(1, h.Sandbox.Snapshot().Counters.EnvironmentVariableUpdates, "deployment variables are written once");
        Assert.AreEqual(4, h.SequentialRoundTrips(), h.RequestList);
    }

    [TestMethod]
    public async Task AProvisionedDeploymentIsConfiguredInThreeSequentialRoundTrips()
    {
        await using var h = await FlowHarness.StartAsync(scenario: SandboxScenario.Fresh().WithProvisionedEnvironment());
        h.Sandbox.Latency = System.TimeSpan.FromMilliseconds(60);
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count, log.All);
        Assert.AreEqual(3, h.SequentialRoundTrips(), h.RequestList);
        Assert.IsFalse(h.Sandbox.Requests.Any(r => r.Path.Contains("get_canonical_urls") || r.Path.Contains("webhook_endpoints")), "only a component app reads them");
    }

    [TestMethod]
    public async Task AlreadyProvisionedDeploymentStillGetsItsEnvFileWrittenWithoutATerminal()
    {
        await using var h = await FlowHarness.StartAsync();
        await h.RunAsync();
        var environment = h.WorkOSEnvironment()!;
        h.WriteEnvFile("CONVEX_DEPLOYMENT=dev:happy-animal-123\n");
        h.Configure = s => s.Force = true;
        h.Sandbox.ClearRequests();

        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count, log.All);
        Assert.AreEqual("CONVEX_DEPLOYMENT=dev:happy-animal-123\n"
            + $"\n# See this environment at https://dashboard.workos.com/{environment.Id}/authentication\nVITE_WORKOS_CLIENT_ID={environment.ClientId}\n"
            + "\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n", h.ReadEnvFile());
        Assert.IsFalse(AnyWorkOSProvisioningCall(h), "nothing is provisioned again");
        Assert.AreEqual(1, log.High.Count(l => l.Contains("wrote VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI to .env.local")), log.All);
    }
}
