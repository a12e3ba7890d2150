using System.Diagnostics;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>ConvexAuthKitTimeoutSeconds bounds the whole run (docs/architecture.md#settings, docs/architecture.md#faults-retries-and-partial-failure): a hang past it ends in CAK1016, not a stuck build.</summary>
[TestClass]
public sealed class FaultBudgetTests
{
    [TestMethod]
    public async Task HangPastTheWholeBudgetEndsInCak1016AndTheRerunConverges()
    {
        var call = FaultMatrix.Call("get_or_provision_workos_environment");
        await using var h = await FlowHarness.StartAsync("vite-app");
        var envFile = File.ReadAllBytes(h.EnvFilePath);
        h.Configure = s => s.TimeoutSeconds = 1; // the real policy: its 30 s per-request timeout is capped by the budget
        h.Sandbox.InjectFault(new SandboxFault { Service = call.Service, Method = call.Method, Path = call.Path, HoldMilliseconds = 20_000, Count = 3 });

        var elapsed = Stopwatch.StartNew();
        var log = await h.RunAsync();
        Assert.IsTrue(elapsed.Elapsed < TimeSpan.FromSeconds(5), $"the run took {elapsed.Elapsed}");
        Assert.AreEqual(1, log.Errors.Count, log.All);
        Assert.AreEqual("CAK1016", log.Errors[0].Code, log.All);
        StringAssert.Contains(log.Errors[0].Text, "ConvexAuthKitTimeoutSeconds (1 s)");
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(h.EnvFilePath));
        Assert.IsFalse(File.Exists(h.Files.StampFile));

        h.Sandbox.ClearFaults();
        h.Configure = null;
        var rerun = await h.RunAsync();
        Assert.AreEqual(0, rerun.Errors.Count + rerun.Warnings.Count, rerun.All);
        FaultMatrixTests.AssertConverged(h, envFile, rerun.All);
    }
}
