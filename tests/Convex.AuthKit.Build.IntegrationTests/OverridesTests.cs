using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// The overrides of docs/architecture.md#settings through `dotnet build` against the sandbox — ConvexAuthKitEnvFile, DevOrigin,
/// Configurations, FailOnError, TimeoutSeconds, Force — and the output rules: quiet by default, a short block when
/// something changed, detail at normal verbosity, readable under the terminal logger.
/// </summary>
[TestClass]
public sealed class OverridesTests
{
    private static void AssertBuilt(ProcessResult result) => Assert.AreEqual(0, result.ExitCode, result.ToString());

    [TestMethod]
    [DataRow(false, DisplayName = "EnvFile relative to the Convex app")]
    [DataRow(true, DisplayName = "EnvFile absolute, outside the Convex app")]
    public async Task EnvFile_IsTheFileReadAndWritten(bool absolute)
    {
        await using var s = await ScenarioApp.StartAsync("vite-app", withDeployment: false);
        var envFile = absolute ? s.App.Root + ".dev.env" : s.App.PathOf("config/dev.env");
        Directory.CreateDirectory(Path.GetDirectoryName(envFile)!);
        File.WriteAllText(envFile, ScenarioApp.DeploymentEnvLine);

        var result = s.Build("ViteApp.csproj", "-p:ConvexAuthKitEnvFile=" + (absolute ? envFile : "config/dev.env"));

        AssertBuilt(result);
        var environment = s.WorkOSEnvironment();
        Assert.IsNotNull(environment, "CONVEX_DEPLOYMENT was read from the other file: " + result);
        var lines = File.ReadAllText(envFile).Split('\n');
        CollectionAssert.Contains(lines, "VITE_WORKOS_CLIENT_ID=" + environment!.ClientId);
        CollectionAssert.Contains(lines, "VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback");
        Assert.IsFalse(File.Exists(s.App.PathOf(".env.local")), ".env.local is not touched");
    }

    [TestMethod]
    public async Task DevOrigin_BeatsTheDetectedOrigin()
    {
        await using var s = await ScenarioApp.StartAsync("aspnet-spa", appDirectory: "ClientApp");
        var result = s.Build("Web.csproj", "-p:ConvexAuthKitDevOrigin=http://localhost:5555");
        AssertBuilt(result);
        var environment = s.WorkOSEnvironment()!;
        CollectionAssert.AreEqual(new[] { "http://localhost:5555/callback" }, environment.RedirectUris, "not the SpaProxyServerUrl's https://localhost:44412");
        CollectionAssert.AreEqual(new[] { "http://localhost:5555" }, environment.CorsOrigins);
        Assert.AreEqual("http://localhost:5555", environment.HomepageUrl);
        CollectionAssert.Contains(s.ReadEnvFile().Split('\n'), "VITE_WORKOS_REDIRECT_URI=http://localhost:5555/callback");
    }

    [TestMethod]
    public async Task Configurations_ListsWhereItRuns()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        var project = s.App.Read("ViteApp.csproj").Replace("</TargetFramework>",
            "</TargetFramework>\n    <ConvexAuthKitConfigurations>Debug;Development</ConvexAuthKitConfigurations>");
        s.App.Write("ViteApp.csproj", project);

        AssertBuilt(s.Build("ViteApp.csproj", "-c", "Release"));
        Assert.AreEqual(0, s.Sandbox.Requests.Count, "Release is not listed");
        Assert.AreEqual(ScenarioApp.DeploymentEnvLine, s.ReadEnvFile());

        AssertBuilt(s.Build("ViteApp.csproj", "-c", "Development"));
        Assert.IsNotNull(s.WorkOSEnvironment(), "Development is listed");
        StringAssert.Contains(s.ReadEnvFile(), "VITE_WORKOS_CLIENT_ID=");
    }

    [TestMethod]
    public async Task FailOnErrorFalse_TurnsTheDeployKeyRefusalIntoWarningCak1006()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app", loggedIn: false, withDeployment: false);
        s.Environment["CONVEX_DEPLOY_KEY"] = FreshSecrets.DeployKey(ScenarioApp.Deployment);
        var result = s.Build("ViteApp.csproj", "-p:ConvexAuthKitFailOnError=false");
        AssertBuilt(result);
        StringAssert.Contains(result.Output, "warning CAK1006");
        Assert.IsFalse(result.Output.Contains(": error CAK"), result.ToString());
        Assert.IsFalse(s.Sandbox.Requests.Any(r => r.Path.Contains("/workos/")));
        Assert.IsFalse(File.Exists(s.App.PathOf("obj/ViteApp.ConvexAuthKit.stamp")), "a failure reported as a warning is still no success");
    }

    [TestMethod]
    public async Task TimeoutSeconds_IsTheBudgetOfTheWholeOperation()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        // Each request stays well under the budget; the four dependent round trips together do not.
        s.Sandbox.Latency = TimeSpan.FromMilliseconds(900);
        var started = DateTime.UtcNow;
        var result = s.Build("ViteApp.csproj", "-p:ConvexAuthKitTimeoutSeconds=2");
        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "error CAK1016");
        StringAssert.Contains(result.Output, "ConvexAuthKitTimeoutSeconds (2 s)");
        Assert.IsFalse(File.Exists(s.App.PathOf("obj/ViteApp.ConvexAuthKit.stamp")));
        Assert.IsTrue(DateTime.UtcNow - started < TimeSpan.FromSeconds(90), "the build does not wait for the default 100 s");
    }

    [TestMethod]
    public async Task QuietByDefault_ClearWhenItMatters_AndForceRechecks()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");

        var first = s.Build("ViteApp.csproj");
        AssertBuilt(first);
        var block = SandboxChecks.Lines(first).Select(l => l.Trim()).ToList();
        Assert.IsTrue(block.Count is >= 2 and <= 8, "a short block when something changed: " + first);
        Assert.AreEqual(Title, block[0], first.ToString());
        Assert.IsTrue(block.Skip(1).All(l => l.StartsWith("Convex.AuthKit:   - ", StringComparison.Ordinal)), first.ToString());
        CollectionAssert.Contains(block, "Convex.AuthKit:   - wrote VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI to .env.local", first.ToString());

        s.Sandbox.ClearRequests();
        var forced = s.Build("ViteApp.csproj", "-p:ConvexAuthKitForce=true");
        AssertBuilt(forced);
        var line = SandboxChecks.Lines(forced);
        Assert.AreEqual(1, line.Length, "exactly one line when nothing changed: " + forced);
        StringAssert.Contains(line[0], "up to date, nothing to do");
        Assert.IsTrue(s.Sandbox.Requests.Any(r => r.Path.EndsWith("list_environment_variables", StringComparison.Ordinal)), "Force ignores the stamp");
        Assert.IsFalse(s.Sandbox.Requests.Any(r => r.Path.Contains("get_or_provision") || r.Path.Contains("update_environment_variables")));

        var normal = s.Build("ViteApp.csproj", "-p:ConvexAuthKitForce=true", "-v:n");
        AssertBuilt(normal);
        StringAssert.Contains(normal.Output, "Convex.AuthKit: WorkOS: CORS origin http://localhost:5173 already registered");
        StringAssert.Contains(normal.Output, "Convex.AuthKit: WorkOS: redirect URI http://localhost:5173/callback already registered");

        s.WriteEnvFile(ScenarioApp.DeploymentEnvLine);
        var terminal = s.Build("ViteApp.csproj", "-tl:on", "-v:d");
        AssertBuilt(terminal);
        var lines = TerminalText.Lines(terminal.Output).Select(l => l.Trim()).ToList();
        var title = lines.IndexOf(Title);
        Assert.IsTrue(title >= 0, string.Join("\n", lines));
        Assert.AreEqual("Convex.AuthKit:   - wrote VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI to .env.local", lines[title + 1], string.Join("\n", lines));
    }

    private const string Title = "Convex.AuthKit: convex.json authKit.dev, dev deployment happy-animal-123:";
}
