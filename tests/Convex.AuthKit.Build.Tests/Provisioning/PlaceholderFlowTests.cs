using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// docs/architecture.md#placeholders at the flow level: the official templates' .env.local.example copied to .env.local. Its placeholder
/// values count as absent everywhere and are filled in on their own lines; a placeholder that is already right stays.
/// </summary>
[TestClass]
public sealed class PlaceholderFlowTests
{
    private const string CookiePlaceholder = "your_secure_password_here_must_be_at_least_32_characters_long";

    /// <summary>What `npx convex dev` writes, then the example file's lines (the templates' README: copy it to .env.local).</summary>
    internal static string CopiedExample(FlowHarness h) =>
        $"# Deployment used by `npx convex dev`\nCONVEX_DEPLOYMENT=dev:{FlowHarness.Deployment} # team: my-team, project: my-project\n\n"
        + File.ReadAllText(Path.Combine(h.AppDirectory, ".env.local.example"));

    /// <summary>A deployment that already has its WorkOS environment, with an empty WorkOS configuration.</summary>
    internal static SandboxScenario Provisioned()
    {
        var scenario = SandboxScenario.Fresh();
        var environment = new SandboxWorkOSEnvironment
        {
            DeploymentName = FlowHarness.Deployment,
            Id = "environment_01JPLACEHOLDER00000000000001",
            Name = FlowHarness.Deployment,
            ClientId = "client_01JPLACEHOLDER00000000000001",
            ApiKey = "sk_test_placeholder_flow_3c9d1e",
        };
        scenario.WorkosEnvironments.Add(environment);
        var variables = scenario.Deployments[0].Env;
        variables["WORKOS_CLIENT_ID"] = environment.ClientId;
        variables["WORKOS_API_KEY"] = environment.ApiKey;
        variables["WORKOS_ENVIRONMENT_ID"] = environment.Id;
        return scenario;
    }

    [TestMethod]
    public async Task CopiedViteTemplate_OnAnUnprovisionedDeployment_IsProvisionedAndThePlaceholderFilledInPlace()
    {
        await using var h = await FlowHarness.StartAsync("vite-template", withDeployment: false);
        h.WriteEnvFile(CopiedExample(h));

        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        var environment = h.WorkOSEnvironment()!;
        Assert.AreEqual(environment.ClientId, h.DeploymentVariables()["WORKOS_CLIENT_ID"]);
        CollectionAssert.AreEqual(new[] { "http://localhost:5173/callback" }, environment.RedirectUris);
        Assert.AreEqual(
            $"# Deployment used by `npx convex dev`\nCONVEX_DEPLOYMENT=dev:{FlowHarness.Deployment} # team: my-team, project: my-project\n\n"
            + $"# Frontend settings for WorkOS AuthKit\nVITE_WORKOS_CLIENT_ID={environment.ClientId}\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n\n"
            + "# Frontend settings for Convex\nVITE_CONVEX_URL=your-convex-url\n",
            h.ReadEnvFile(), "filled on its own line; the redirect URI placeholder is already right and stays");
        AssertChange(log, "  - replaced placeholder VITE_WORKOS_CLIENT_ID from .env.local.example");
        Assert.IsFalse(log.All.Contains("VITE_WORKOS_REDIRECT_URI to"), "a placeholder that is already right is not mentioned\n" + log.All);
        CollectionAssert.AreEqual(
            new[] { $"VITE_WORKOS_CLIENT_ID={environment.ClientId}", "VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback" },
            ItemLines(h), "the redirect URI that equals the placeholder is an output item");

        h.Sandbox.ClearRequests();
        await h.RunAsync();
        Assert.AreEqual(0, h.Sandbox.Requests.Count, "the second run makes no request");
    }

    [TestMethod]
    public async Task CopiedNextJsTemplate_OnAProvisionedDeployment_ReplacesEveryPlaceholder_WithoutAMismatchError()
    {
        await using var h = await FlowHarness.StartAsync("nextjs-template", Provisioned(), withDeployment: false);
        h.WriteEnvFile(CopiedExample(h));

        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        var environment = h.WorkOSEnvironment()!;
        Assert.AreEqual(1, h.Sandbox.Snapshot().WorkosEnvironments.Count);
        Assert.AreEqual(0, h.Sandbox.Snapshot().Counters.EnvironmentsProvisioned);
        var lines = h.ReadEnvFile().Split('\n');
        CollectionAssert.AreEqual(new[] { "# Server and client settings for WorkOS AuthKit", "WORKOS_CLIENT_ID=" + environment.ClientId, "WORKOS_API_KEY=" + environment.ApiKey },
            lines.Skip(3).Take(3).ToArray(), "filled in place, in the example's order");
        var cookie = lines[6];
        StringAssert.StartsWith(cookie, "WORKOS_COOKIE_PASSWORD=");
        Assert.AreEqual(43, cookie.Length - "WORKOS_COOKIE_PASSWORD=".Length, "a fresh password, not the published one");
        Assert.AreEqual("NEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback", lines[7]);
        Assert.AreEqual(9, lines.Length, "no line appended\n" + h.ReadEnvFile());
        foreach (var name in new[] { "WORKOS_CLIENT_ID", "WORKOS_API_KEY", "WORKOS_COOKIE_PASSWORD" })
            AssertChange(log, $"  - replaced placeholder {name} from .env.local.example");
        Assert.IsFalse(log.All.Contains(environment.ApiKey) || log.All.Contains(cookie), "secrets never reach the log");
    }

    [TestMethod]
    public async Task CopiedViteTemplate_OnAProvisionedDeployment_IsNotAStaleValue()
    {
        await using var h = await FlowHarness.StartAsync("vite-template", Provisioned(), withDeployment: false);
        h.WriteEnvFile(CopiedExample(h));
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        StringAssert.Contains(h.ReadEnvFile(), "\nVITE_WORKOS_CLIENT_ID=client_01JPLACEHOLDER00000000000001\n");
    }

    [TestMethod]
    [DataRow(".env.local.example")]
    [DataRow(".env.example")]
    [DataRow(".env.sample")]
    public async Task EveryExampleFileCounts(string exampleFile)
    {
        await using var h = await FlowHarness.StartAsync("vite-app", Provisioned());
        File.WriteAllText(Path.Combine(h.AppDirectory, exampleFile), "VITE_WORKOS_CLIENT_ID=client_put_yours_here\n");
        File.AppendAllText(h.EnvFilePath, "VITE_WORKOS_CLIENT_ID=client_put_yours_here\n");
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count, log.All);
        StringAssert.Contains(h.ReadEnvFile(), "\nVITE_WORKOS_CLIENT_ID=client_01JPLACEHOLDER00000000000001\n");
        AssertChange(log, "  - replaced placeholder VITE_WORKOS_CLIENT_ID from " + exampleFile);
        Assert.AreEqual("VITE_WORKOS_CLIENT_ID=client_put_yours_here\n", File.ReadAllText(Path.Combine(h.AppDirectory, exampleFile)), "example files are never written");
    }

    [TestMethod]
    public async Task DeploymentSelectionReadsTheFileAsTheCliDoes_AnExampleThatNamesTheTeamsDeploymentStillSelectsIt()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", Provisioned());
        File.WriteAllText(Path.Combine(h.AppDirectory, ".env.example"), $"CONVEX_DEPLOYMENT=dev:{FlowHarness.Deployment} # team: my-team, project: my-project\n");
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        StringAssert.Contains(h.ReadEnvFile(), "VITE_WORKOS_CLIENT_ID=client_01JPLACEHOLDER00000000000001");
    }

    [TestMethod]
    public async Task AValueThatDiffersFromEveryExampleIsTheUsersAndIsKept()
    {
        await using var h = await FlowHarness.StartAsync("vite-template", Provisioned(), withDeployment: false);
        h.WriteEnvFile(CopiedExample(h).Replace("VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback", "VITE_WORKOS_REDIRECT_URI=http://localhost:4000/callback"));
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count, log.All);
        StringAssert.Contains(h.ReadEnvFile(), "\nVITE_WORKOS_REDIRECT_URI=http://localhost:4000/callback\n");
    }

    [TestMethod]
    public async Task CookiePasswordPlaceholderIsReplacedEvenWhenItIsTheOnlyOne()
    {
        await using var h = await FlowHarness.StartAsync("nextjs-template", Provisioned(), withDeployment: false);
        var environment = h.Sandbox.Snapshot().EnvironmentFor(FlowHarness.Deployment)!;
        h.WriteEnvFile($"CONVEX_DEPLOYMENT=dev:{FlowHarness.Deployment}\nWORKOS_CLIENT_ID={environment.ClientId}\nWORKOS_API_KEY={environment.ApiKey}\n"
            + $"WORKOS_COOKIE_PASSWORD={CookiePlaceholder}\nNEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback\n");
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count, log.All);
        Assert.IsFalse(h.ReadEnvFile().Contains(CookiePlaceholder), h.ReadEnvFile());
        AssertChange(log, "  - replaced placeholder WORKOS_COOKIE_PASSWORD from .env.local.example");
    }

    [TestMethod]
    public async Task OfflineAPlaceholderIsMissing_ButOneThatIsAlreadyRightIsNot()
    {
        await using var h = await FlowHarness.StartAsync("vite-template", Provisioned(), withDeployment: false);
        h.WriteEnvFile(CopiedExample(h));
        await h.Sandbox.DisposeAsync();
        var log = await h.RunAsync();
        var error = log.Errors.Single();
        Assert.AreEqual("CAK1014", error.Code, log.All);
        StringAssert.Contains(error.Text, ".env.local still lacks VITE_WORKOS_CLIENT_ID, so the app cannot sign in yet");
    }

    [TestMethod]
    public async Task ChangingAnExampleFileReRunsTheTarget()
    {
        await using var h = await FlowHarness.StartAsync("vite-template", Provisioned(), withDeployment: false);
        h.WriteEnvFile(CopiedExample(h));
        await h.RunAsync();
        var before = InputsFingerprint.Collect(h.Settings(), null).FingerprintWithContents();
        File.AppendAllText(Path.Combine(h.AppDirectory, ".env.local.example"), "VITE_EXTRA=1\n");
        var after = InputsFingerprint.Collect(h.Settings(), null);
        CollectionAssert.Contains(after.ExistingFiles.ToList(), Path.Combine(h.AppDirectory, ".env.local.example"));
        Assert.AreNotEqual(before, after.FingerprintWithContents());
        File.WriteAllText(Path.Combine(h.AppDirectory, ".env.sample"), "A=1\n");
        Assert.AreNotEqual(after.Fingerprint, InputsFingerprint.Collect(h.Settings(), null).Fingerprint, "a new example file is noticed");
    }

    [TestMethod]
    public async Task StatusAndDryRunSayThePlaceholderIsMissingAndWillBeReplaced()
    {
        await using var h = await FlowHarness.StartAsync("nextjs-template", Provisioned(), withDeployment: false);
        h.WriteEnvFile(CopiedExample(h));
        var before = File.ReadAllBytes(h.EnvFilePath);

        var (block, _) = await Status.StatusRun.RunAsync(h);
        Assert.AreEqual("present: NEXT_PUBLIC_WORKOS_REDIRECT_URI; missing: WORKOS_CLIENT_ID (a placeholder from .env.local.example), "
            + "WORKOS_API_KEY (a placeholder from .env.local.example), WORKOS_COOKIE_PASSWORD (a placeholder from .env.local.example)", block[".env.local"]);
        Assert.AreEqual("client_01JPLACEHOLDER00000000000001 (from the deployment)", block["client ID"], "the placeholder is not the client ID");
        StringAssert.EndsWith(block.NextBuild, "write WORKOS_CLIENT_ID (replacing the placeholder from .env.local.example), WORKOS_API_KEY (replacing the placeholder from .env.local.example), "
            + "WORKOS_COOKIE_PASSWORD (replacing the placeholder from .env.local.example) to .env.local");

        h.Configure = settings => settings.DryRun = true;
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count, log.All);
        StringAssert.Contains(log.All, ".env.local: replace the placeholder from .env.local.example / set WORKOS_CLIENT_ID=client_01JPLACEHOLDER00000000000001");
        StringAssert.Contains(log.All, ".env.local: replace the placeholder from .env.local.example / set WORKOS_COOKIE_PASSWORD=***");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(h.EnvFilePath));
    }

    /// <summary>One line of the change block.</summary>
    internal static void AssertChange(RecordingLogSink log, string change) =>
        Assert.IsTrue(log.High.Any(line => line.EndsWith(change, StringComparison.Ordinal)), $"expected the change line '{change}'\n{log.All}");

    private static string[] ItemLines(FlowHarness h) =>
        File.ReadAllLines(h.Files.ItemsFile).Where(l => l.Length > 0).ToArray();
}
