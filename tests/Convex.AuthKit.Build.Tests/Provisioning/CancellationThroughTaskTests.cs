using System.Diagnostics;
using Convex.AuthKit.Build.Tests.Tasks;
using Convex.AuthKit.Sandbox;
using Microsoft.Build.Framework;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// ICancelableTask.Cancel, as MSBuild calls it on Ctrl+C: from another thread while Execute is blocked on a call.
/// The task reads the process environment, so the sandbox's addresses and the token come from the app's .env file.
/// </summary>
[TestClass]
public sealed class CancellationThroughTaskTests
{
    [TestMethod]
    public async Task CancelFromAnotherThreadStopsExecuteAndLeavesTheEnvFileAsItWas()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", loggedIn: false);
        WireDotEnv(h);
        var envFile = File.ReadAllBytes(h.EnvFilePath);
        var call = FaultMatrix.Call("get_or_provision_workos_environment");
        h.Sandbox.InjectFault(new SandboxFault { Service = call.Service, Method = call.Method, Path = call.Path, HoldMilliseconds = 30_000 });
        var engine = new FakeBuildEngine();
        var task = NewTask(h, engine);

        var execute = Task.Factory.StartNew(task.Execute, TaskCreationOptions.LongRunning);
        await CancellationTests.WaitUntilAsync(() => h.Sandbox.Requests.Any(call.Matches), call.Name + " to arrive", execute);
        var cancelled = Stopwatch.StartNew();
        await Task.Run(task.Cancel);

        Assert.IsTrue(execute.Wait(TimeSpan.FromSeconds(5)), "Execute returns soon after Cancel\n" + engine.All);
        Assert.IsFalse(execute.Result, "a cancelled task does not succeed");
        Assert.IsTrue(cancelled.Elapsed < TimeSpan.FromSeconds(5));
        Assert.AreEqual(0, engine.Errors.Count + engine.Warnings.Count, engine.All);
        Assert.IsTrue(engine.Messages.Any(m => m.Importance == MessageImportance.High && m.Message == "Convex.AuthKit: cancelled."), engine.All);
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(h.EnvFilePath), "the env file is byte-identical");
        Assert.IsFalse(File.Exists(h.Files.StampFile), "no stamp");
        Assert.IsFalse(engine.All.Contains(FreshSecrets.AccessToken), "the token never reaches the log");
    }

    [TestMethod]
    public async Task WithoutCancelTheSameTaskProvisions()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", loggedIn: false);
        WireDotEnv(h);
        var engine = new FakeBuildEngine();

        Assert.IsTrue(NewTask(h, engine).Execute(), engine.All);
        Assert.AreEqual(0, engine.Errors.Count + engine.Warnings.Count, engine.All);
        Assert.AreEqual(1, h.Sandbox.Snapshot().WorkosEnvironments.Count);
        StringAssert.Contains(h.ReadEnvFile(), "VITE_WORKOS_CLIENT_ID=" + h.WorkOSEnvironment()!.ClientId);
        Assert.IsTrue(File.Exists(h.Files.StampFile));
    }

    /// <summary>The CLI's inputs include .env (process environment > .env.local > .env), so the task finds the sandbox there.</summary>
    internal static void WireDotEnv(FlowHarness h) =>
        File.WriteAllText(Path.Combine(h.AppDirectory, ".env"),
            $"CONVEX_PROVISION_HOST={h.Sandbox.BigBrainUrl}\nWORKOS_API_URL={h.Sandbox.WorkOSUrl}\nCONVEX_OVERRIDE_ACCESS_TOKEN={FreshSecrets.AccessToken}\n");

    internal static ProvisionAuthKitTask NewTask(FlowHarness h, FakeBuildEngine engine) => new()
    {
        BuildEngine = engine,
        ProjectDirectory = h.ProjectDirectory,
        Settings = SettingItems.With(),
        InputsFile = h.Files.InputsFile,
        StampFile = h.Files.StampFile,
        ItemsFile = h.Files.ItemsFile,
    };
}
