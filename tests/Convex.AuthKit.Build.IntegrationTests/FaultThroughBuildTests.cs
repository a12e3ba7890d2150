using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// The fault matrix runs at the flow level (Convex.AuthKit.Build.Tests); these cases go through `dotnet build` of the
/// packed package with the real retry policy (docs/architecture.md#faults-retries-and-partial-failure, docs/architecture.md#folders).
/// </summary>
[TestClass]
public sealed class FaultThroughBuildTests
{
    private const string GetOrProvision = "/api/workos/get_or_provision_workos_environment";
    private const string UpdateVariables = "/api/v1/update_environment_variables";

    [TestMethod]
    public async Task Unavailable503TwiceOnGetOrProvision_BuildSucceedsAfterRetriesAndProvisionsOnce()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        s.Sandbox.InjectFault(new SandboxFault { Service = SandboxService.BigBrain, Method = "POST", Path = GetOrProvision, Status = 503, Count = 2 });

        var result = s.Build("ViteApp.csproj");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsFalse(result.Output.Contains("warning CAK") || result.Output.Contains("error CAK"), result.ToString());
        var attempts = s.Sandbox.Requests.Where(r => r.Path == GetOrProvision).ToList();
        CollectionAssert.AreEqual(new[] { 503, 503, 200 }, attempts.Select(r => r.Status).ToArray(), result.ToString());
        Assert.IsTrue(attempts[2].Started - attempts[0].Ended >= System.TimeSpan.FromSeconds(1.4), "backoff 0.5 s then 1 s between the attempts");
        AssertConverged(s);

        s.Sandbox.ClearRequests();
        Assert.AreEqual(0, s.Build("ViteApp.csproj").ExitCode);
        Assert.AreEqual(0, s.Sandbox.Requests.Count, "success wrote the stamp: the next build makes no request");
    }

    [TestMethod]
    public async Task Persistent500OnTheVariableWrite_BuildFailsWithCak1012AndTheEnvFileUnchanged_ThenARebuildConverges()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        var envFile = s.ReadEnvFile();
        s.Sandbox.InjectFault(new SandboxFault
        {
            Service = SandboxService.Deployment,
            Method = "POST",
            Path = UpdateVariables,
            Status = 500,
            Count = 10,
            Body = "{\"code\":\"InternalServerError\",\"message\":\"Your request couldn't be completed. Try again later.\"}",
        });

        var failed = s.Build("ViteApp.csproj");
        Assert.AreNotEqual(0, failed.ExitCode, failed.ToString());
        StringAssert.Contains(failed.Output, "error CAK1012");
        StringAssert.Contains(failed.Output, "InternalServerError");
        Assert.AreEqual(1, s.Sandbox.Requests.Count(r => r.Path == UpdateVariables), "a 500 is not retried");
        Assert.AreEqual(envFile, s.ReadEnvFile(), "the env file is unchanged");
        Assert.AreEqual(1, s.Sandbox.Snapshot().WorkosEnvironments.Count);

        s.Sandbox.ClearFaults();
        var rebuilt = s.Build("ViteApp.csproj");
        Assert.AreEqual(0, rebuilt.ExitCode, rebuilt.ToString());
        Assert.AreEqual(2, s.Sandbox.Snapshot().Counters.GetOrProvisionCalls, "the rebuild asked again and got the same environment");
        AssertConverged(s);
        Assert.IsFalse(failed.Output.Contains(FreshSecrets.AccessToken) || rebuilt.Output.Contains(s.WorkOSEnvironment()!.ApiKey), "no secret in the output");
    }

    private static void AssertConverged(ScenarioApp s)
    {
        var state = s.Sandbox.Snapshot();
        Assert.AreEqual(1, state.WorkosEnvironments.Count);
        Assert.AreEqual(1, state.Counters.EnvironmentsProvisioned);
        var environment = s.WorkOSEnvironment()!;
        var variables = state.Deployment(ScenarioApp.Deployment).Env;
        Assert.AreEqual(environment.ClientId, variables["WORKOS_CLIENT_ID"]);
        Assert.AreEqual(environment.ApiKey, variables["WORKOS_API_KEY"]);
        Assert.AreEqual(environment.Id, variables["WORKOS_ENVIRONMENT_ID"]);
        CollectionAssert.AreEqual(new[] { "http://localhost:5173/callback" }, environment.RedirectUris);
        CollectionAssert.AreEqual(new[] { "http://localhost:5173" }, environment.CorsOrigins);
        Assert.AreEqual("http://localhost:5173", environment.HomepageUrl);
        Assert.AreEqual(ScenarioApp.DeploymentEnvLine
            + $"\n# See this environment at https://dashboard.workos.com/{environment.Id}/authentication\nVITE_WORKOS_CLIENT_ID={environment.ClientId}\n"
            + "\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n", s.ReadEnvFile());
    }
}
