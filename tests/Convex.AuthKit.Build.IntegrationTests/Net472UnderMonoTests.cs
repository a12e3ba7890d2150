using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// The net472 task assembly, which Visual Studio's MSBuild (.NET Framework) loads: a .NET Framework console host
/// (tests/Convex.AuthKit.Build.Net472Host) loads it from the packed package's tasks/net472 folder, hands it the
/// settings items the packed .targets define, and runs the inputs task and ProvisionAuthKitTask under Mono against the
/// sandbox, as the ConvexAuthKitProvision target does (docs/architecture.md#folders).
/// The limit: Mono proves loading, binding (Microsoft.Build 17.11, Newtonsoft.Json from beside the task) and the
/// managed code paths of the net472 build. It does not prove Windows file semantics (sharing, ACLs, replacing a file
/// another process holds open): those show only on Windows.
/// Without mono the tests are inconclusive; under CI (CI=true), where .ci/run installs it, they fail.
/// </summary>
[TestClass]
public sealed class Net472UnderMonoTests
{
    private const string Project = "ViteApp.csproj";
    private const string GetOrProvision = "/api/workos/get_or_provision_workos_environment";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [TestInitialize]
    public void RequireMono() => Net472Host.RequireMono();

    [TestMethod]
    public async Task ColdProvisioning_ThenASecondExecuteWithTheSameStateFilesMakesNoRequest()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        using var cold = Net472Host.Start(s, Project);
        var first = cold.WaitForExit(Limit);

        Assert.AreEqual(0, first.ExitCode, first.ToString());
        Assert.AreEqual(0, Diagnostics(first).Length, first.ToString());
        StringAssert.Contains(first.Output, "ProvisionAuthKitTask: True");
        StringAssert.Contains(first.Output, "Newtonsoft.Json: " + Path.Combine(PackedPackage.Feed.RunFolder, "extracted", "tasks", "net472", "Newtonsoft.Json.dll"),
            "the task's Newtonsoft.Json is the one beside it");
        Assert.AreEqual(8, s.Sandbox.Requests.Count, string.Join("\n", s.Sandbox.Requests.Select(r => r.Method + " " + r.Path)));
        Assert.AreEqual(1, s.Sandbox.Requests.Count(r => r.Path == GetOrProvision));

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
        var envFile = ScenarioApp.DeploymentEnvLine
            + $"\n# See this environment at https://dashboard.workos.com/{environment.Id}/authentication\nVITE_WORKOS_CLIENT_ID={environment.ClientId}\n"
            + "\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n";
        Assert.AreEqual(envFile, s.ReadEnvFile());
        CollectionAssert.AreEqual(new[] { "item VITE_WORKOS_CLIENT_ID=" + environment.ClientId, "item VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback" }, Items(first));
        Assert.IsTrue(File.Exists(s.App.PathOf("obj/ViteApp.ConvexAuthKit.stamp")), "a full success writes the stamp");
        SandboxChecks.AssertNoSecret(s.Sandbox, first.Output);

        // The target is not skipped here (no MSBuild): the task itself finds the stamp matching, under the lock.
        s.Sandbox.ClearRequests();
        using var again = Net472Host.Start(s, Project);
        var second = again.WaitForExit(Limit);
        Assert.AreEqual(0, second.ExitCode, second.ToString());
        Assert.AreEqual(0, s.Sandbox.Requests.Count, "the stamp matches: no request\n" + second);
        Assert.AreEqual(0, Diagnostics(second).Length + Lines(second, "message High: ").Length, second.ToString());
        Assert.AreEqual(envFile, s.ReadEnvFile());
        CollectionAssert.AreEqual(Items(first), Items(second), "the recorded items stand");
    }

    [TestMethod]
    public async Task Offline_AFreshAppFailsWithCak1014_AndTheEnvFileIsUnchanged()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        var envFile = s.ReadEnvFile();
        await s.Sandbox.DisposeAsync();

        using var run = Net472Host.Start(s, Project);
        var result = run.WaitForExit(Limit);

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        var diagnostics = Diagnostics(result);
        Assert.AreEqual(1, diagnostics.Length, result.ToString());
        StringAssert.StartsWith(diagnostics[0], "error CAK1014: ");
        Assert.AreEqual(envFile, s.ReadEnvFile());
        Assert.IsFalse(File.Exists(s.App.PathOf("obj/ViteApp.ConvexAuthKit.stamp")), "an offline run records no stamp");
    }

    [TestMethod]
    public async Task Cancel_WhileTheSandboxHoldsARequest_EndsPromptly_AndTheEnvFileIsUnchanged()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        var envFile = File.ReadAllBytes(s.App.PathOf(s.EnvFileRelative));
        s.Sandbox.InjectFault(new SandboxFault { Service = SandboxService.BigBrain, Method = "POST", Path = GetOrProvision, HoldMilliseconds = 120_000 });

        using var run = Net472Host.Start(s, Project);
        await WaitUntilAsync(() => s.Sandbox.Requests.Any(r => r.Path == GetOrProvision), run);
        run.Cancel();
        // Far below the 120 s hold: the task gave up the held call rather than waiting it out.
        var result = run.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.AreEqual(1, result.ExitCode, "a cancelled task does not succeed\n" + result);
        StringAssert.Contains(result.Output, "message High: Convex.AuthKit: cancelled.");
        Assert.AreEqual(0, Diagnostics(result).Length, result.ToString());
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(s.App.PathOf(s.EnvFileRelative)), "the env file is byte-identical");
        Assert.IsFalse(File.Exists(s.App.PathOf("obj/ViteApp.ConvexAuthKit.stamp")), "no stamp");
        Assert.AreEqual(1, s.Sandbox.Requests.Count(r => r.Path == GetOrProvision), "no retry after the cancel");
    }

    private static string[] Lines(ProcessResult result, string prefix) =>
        result.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

    private static string[] Diagnostics(ProcessResult result) => Lines(result, "error ").Concat(Lines(result, "warning ")).ToArray();

    private static string[] Items(ProcessResult result) => Lines(result, "item ");

    private static async Task WaitUntilAsync(Func<bool> condition, HostRun run)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (run.HasExited) Assert.Fail("the host ended before the held request arrived\n" + run.Output);
            if (DateTime.UtcNow > deadline) Assert.Fail("the held request never arrived\n" + run.Output);
            await Task.Delay(50);
        }
    }
}
