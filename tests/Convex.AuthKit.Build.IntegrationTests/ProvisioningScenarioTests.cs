using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>Scenarios (docs/architecture.md#scenarios) through `dotnet build` of the packed package against the sandbox.</summary>
[TestClass]
public sealed class ProvisioningScenarioTests
{
    private static void AssertBuilt(ProcessResult result) => Assert.AreEqual(0, result.ExitCode, result.ToString());

    private static string[] Lines(ProcessResult result) => FixtureProject.PackageLines(result).ToArray();

    [TestMethod]
    public async Task Scenario1_FreshViteAppIsProvisionedByOneBuild_AndTheSecondBuildChangesNothing()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        var first = s.Build("ViteApp.csproj");
        AssertBuilt(first);

        var environment = s.WorkOSEnvironment();
        Assert.IsNotNull(environment, first.ToString());
        var state = s.Sandbox.Snapshot();
        Assert.AreEqual(1, state.WorkosEnvironments.Count);
        var variables = state.Deployment(ScenarioApp.Deployment).Env;
        Assert.AreEqual(environment!.ClientId, variables["WORKOS_CLIENT_ID"]);
        Assert.AreEqual(environment.ApiKey, variables["WORKOS_API_KEY"]);
        Assert.AreEqual(environment.Id, variables["WORKOS_ENVIRONMENT_ID"]);
        CollectionAssert.AreEqual(new[] { "http://localhost:5173/callback" }, environment.RedirectUris);
        CollectionAssert.AreEqual(new[] { "http://localhost:5173" }, environment.CorsOrigins);
        Assert.AreEqual("http://localhost:5173", environment.HomepageUrl);
        Assert.AreEqual(ScenarioApp.DeploymentEnvLine
            + $"\n# See this environment at https://dashboard.workos.com/{environment.Id}/authentication\nVITE_WORKOS_CLIENT_ID={environment.ClientId}\n"
            + "\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n", s.ReadEnvFile());

        var envFile = s.ReadEnvFile();
        s.Sandbox.ClearRequests();
        var second = s.Build("ViteApp.csproj");
        AssertBuilt(second);
        Assert.AreEqual(0, s.Sandbox.Requests.Count, "the second build makes no request");
        Assert.AreEqual(envFile, s.ReadEnvFile());
        Assert.AreEqual(0, Lines(second).Length, second.ToString());
        Assert.AreEqual(1, s.Sandbox.Snapshot().WorkosEnvironments.Count);
    }

    [TestMethod]
    public async Task Scenario2_FreshNextJsAppAlsoGetsTheApiKeyAndACookiePassword()
    {
        await using var s = await ScenarioApp.StartAsync("nextjs-app");
        var result = s.Build("server/Server.csproj");
        AssertBuilt(result);
        var environment = s.WorkOSEnvironment()!;
        var text = s.ReadEnvFile();
        var lines = text.Split('\n');
        var cookie = lines.Single(l => l.StartsWith("WORKOS_COOKIE_PASSWORD=", StringComparison.Ordinal));
        Assert.AreEqual(ScenarioApp.DeploymentEnvLine
            + $"\n# See this environment at https://dashboard.workos.com/{environment.Id}/authentication\nWORKOS_CLIENT_ID={environment.ClientId}\n"
            + $"\nWORKOS_API_KEY={environment.ApiKey}\n"
            + "\nNEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback\n"
            + $"\n{cookie}\n", text);
        Assert.AreEqual(43, cookie.Length - "WORKOS_COOKIE_PASSWORD=".Length);
        CollectionAssert.AreEqual(new[] { "http://localhost:3000/callback" }, environment.RedirectUris);
    }

    [TestMethod]
    public async Task Scenario3_AlreadyProvisionedChangesNothingAndSaysSoInOneLine()
    {
        var scenario = SandboxScenario.Fresh();
        await using (var setup = await ScenarioApp.StartAsync("vite-app", scenario))
        {
            AssertBuilt(setup.Build("ViteApp.csproj"));
            scenario = setup.ScenarioFromState();
        }
        await using var s = await ScenarioApp.StartAsync("vite-app", scenario, withDeployment: false);
        var envFile = ScenarioApp.DeploymentEnvLine + $"VITE_WORKOS_CLIENT_ID={s.WorkOSEnvironment()!.ClientId}\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n";
        s.WriteEnvFile(envFile);
        var before = s.Sandbox.Snapshot();

        var result = s.Build("ViteApp.csproj");
        AssertBuilt(result);
        var lines = Lines(result);
        Assert.AreEqual(1, lines.Length, result.ToString());
        StringAssert.Contains(lines[0], "up to date, nothing to do");
        Assert.AreEqual(envFile, s.ReadEnvFile());
        var after = s.Sandbox.Snapshot();
        Assert.AreEqual(before.Counters.EnvironmentsProvisioned, after.Counters.EnvironmentsProvisioned);
        Assert.AreEqual(before.Counters.EnvironmentVariableUpdates, after.Counters.EnvironmentVariableUpdates);
        Assert.IsFalse(s.Sandbox.Requests.Any(r => r.Path.Contains("get_or_provision") || r.Path.Contains("update_environment_variables")));
    }

    [TestMethod]
    public async Task Scenario4_AspNetCoreSpaUsesTheSpaProxyOriginForTheDefaults()
    {
        await using var s = await ScenarioApp.StartAsync("aspnet-spa", appDirectory: "ClientApp");
        var result = s.Build("Web.csproj");
        AssertBuilt(result);
        var environment = s.WorkOSEnvironment()!;
        CollectionAssert.AreEqual(new[] { "https://localhost:44412/callback" }, environment.RedirectUris);
        CollectionAssert.AreEqual(new[] { "https://localhost:44412" }, environment.CorsOrigins);
        Assert.AreEqual("https://localhost:44412", environment.HomepageUrl);
        Assert.AreEqual(ScenarioApp.DeploymentEnvLine
            + $"\n# See this environment at https://dashboard.workos.com/{environment.Id}/authentication\nVITE_WORKOS_CLIENT_ID={environment.ClientId}\n"
            + "\nVITE_WORKOS_REDIRECT_URI=https://localhost:44412/callback\n", s.ReadEnvFile());
    }

    [TestMethod]
    public async Task Scenario5_DevDeployKeyRefusesToProvisionAndNeverCallsTheWorkOSEndpoints()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app", loggedIn: false, withDeployment: false);
        s.Environment["CONVEX_DEPLOY_KEY"] = FreshSecrets.DeployKey(ScenarioApp.Deployment);
        var result = s.Build("ViteApp.csproj");
        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "error CAK1006");
        StringAssert.Contains(result.Output, "WORKOS_CLIENT_ID");
        Assert.IsFalse(s.Sandbox.Requests.Any(r => r.Path.Contains("/workos/")), "a deploy key never reaches a Big Brain WorkOS endpoint");
        Assert.AreEqual(0, s.Sandbox.Snapshot().WorkosEnvironments.Count);
        Assert.IsFalse(result.Output.Contains(FreshSecrets.DeployKeySecret), "the deploy key never reaches the log");
    }

    [TestMethod]
    public async Task Scenario5_DevDeployKeyConfiguresAnAlreadyProvisionedDeployment()
    {
        var scenario = SandboxScenario.Fresh();
        await using (var setup = await ScenarioApp.StartAsync("vite-app", scenario))
        {
            AssertBuilt(setup.Build("ViteApp.csproj"));
            scenario = setup.ScenarioFromState();
        }
        foreach (var environment in scenario.WorkosEnvironments) { environment.RedirectUris.Clear(); environment.CorsOrigins.Clear(); }
        await using var s = await ScenarioApp.StartAsync("vite-app", scenario, loggedIn: false, withDeployment: false);
        s.Environment["CONVEX_DEPLOY_KEY"] = FreshSecrets.DeployKey(ScenarioApp.Deployment);
        var result = s.Build("ViteApp.csproj");
        AssertBuilt(result);
        var workos = s.WorkOSEnvironment()!;
        CollectionAssert.AreEqual(new[] { "http://localhost:5173/callback" }, workos.RedirectUris);
        StringAssert.Contains(s.ReadEnvFile(), "VITE_WORKOS_CLIENT_ID=" + workos.ClientId);
        Assert.IsFalse(s.Sandbox.Requests.Any(r => r.Path.Contains("/workos/")), result.ToString());
    }

    [TestMethod]
    public async Task Scenario7_NotLoggedInWarnsOnceAndWritesNothing()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app", loggedIn: false);
        var result = s.Build("ViteApp.csproj");
        AssertBuilt(result);
        var warnings = result.Output.Split('\n').Where(l => l.Contains("warning CAK")).Select(l => l.Trim()).Distinct().ToList();
        Assert.AreEqual(1, warnings.Count, result.ToString());
        StringAssert.Contains(warnings[0], "CAK2104");
        StringAssert.Contains(warnings[0], "npx convex login");
        Assert.AreEqual(ScenarioApp.DeploymentEnvLine, s.ReadEnvFile());
        Assert.AreEqual(0, s.Sandbox.Requests.Count);
    }

    [TestMethod]
    public async Task Scenario7_NoDeploymentConfiguredWarnsAndTheBuildGoesOn()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app", withDeployment: false);
        var result = s.Build("ViteApp.csproj");
        AssertBuilt(result);
        StringAssert.Contains(result.Output, "warning CAK2103");
        StringAssert.Contains(result.Output, "npx convex dev");
        Assert.AreEqual(0, s.Sandbox.Requests.Count);
    }
}
