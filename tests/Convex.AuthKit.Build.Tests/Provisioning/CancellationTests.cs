using System.Diagnostics;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// docs/architecture.md#faults-retries-and-partial-failure: Ctrl+C cancels in-flight calls. Cancelled while the sandbox holds a response, the run stops at once,
/// leaves the env file byte-identical and writes no stamp; the next run converges.
/// </summary>
[TestClass]
public sealed class CancellationTests
{
    private const int HoldMilliseconds = 30_000;
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [TestMethod]
    [DataRow("authorize_within_current_project")]
    [DataRow("list_environment_variables")]
    [DataRow("get_or_provision_workos_environment")]
    [DataRow("update_environment_variables")]
    public async Task CancelWhileACallIsInFlightLeavesTheEnvFileAsItWas(string callName)
    {
        var call = FaultMatrix.Call(callName);
        await using var h = await FlowHarness.StartAsync("vite-app");
        var envFile = File.ReadAllBytes(h.EnvFilePath);
        h.Sandbox.InjectFault(new SandboxFault { Service = call.Service, Method = call.Method, Path = call.Path, HoldMilliseconds = HoldMilliseconds });

        using var cancellation = new CancellationTokenSource();
        var run = h.RunAsync(cancellation.Token);
        await WaitUntilAsync(() => h.Sandbox.Requests.Any(call.Matches), call.Name + " to arrive", run);
        var cancelled = Stopwatch.StartNew();
        cancellation.Cancel();

        await Assert.ThrowsAsync<OperationCanceledException>(() => run);
        Assert.IsTrue(cancelled.Elapsed < Prompt, $"stopped {cancelled.Elapsed} after the cancel, not after the {HoldMilliseconds} ms hold");
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(h.EnvFilePath), "the env file is byte-identical");
        Assert.IsFalse(File.Exists(h.Files.StampFile), "a cancelled run writes no stamp");
        Assert.AreEqual(0, h.Log.Errors.Count + h.Log.Warnings.Count, "cancelling is not a failure to report\n" + h.Log.All);
        await WaitUntilAsync(() => h.Sandbox.Requests.Where(call.Matches).All(r => r.Dropped), "the sandbox to see the held call abandoned, not answered");

        await RerunConvergesAsync(h, envFile);
    }

    [TestMethod]
    public async Task CancelDuringARetryAfterWaitStopsAtOnce()
    {
        var call = FaultMatrix.Call("list_environment_variables");
        await using var h = await FlowHarness.StartAsync("vite-app");
        var envFile = File.ReadAllBytes(h.EnvFilePath);
        var waits = 0;
        h.Configure = s => s.CreateHttpPolicy = () =>
        {
            var policy = HttpPolicy.CreateDefault();
            var wait = policy.Delay;
            policy.Delay = (delay, token) => { Interlocked.Increment(ref waits); return wait(delay, token); };
            return policy;
        };
        h.Sandbox.InjectFault(new SandboxFault { Service = call.Service, Method = call.Method, Path = call.Path, Status = 503, RetryAfter = "30" });

        using var cancellation = new CancellationTokenSource();
        var run = h.RunAsync(cancellation.Token);
        await WaitUntilAsync(() => Volatile.Read(ref waits) == 1, "the client to wait as Retry-After asks", run);
        var cancelled = Stopwatch.StartNew();
        cancellation.Cancel();

        await Assert.ThrowsAsync<OperationCanceledException>(() => run);
        Assert.IsTrue(cancelled.Elapsed < Prompt, $"the 30 s Retry-After wait was cut short, took {cancelled.Elapsed}");
        Assert.AreEqual(1, h.Sandbox.Requests.Count(call.Matches), "no retry after the cancel");
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(h.EnvFilePath));
        Assert.IsFalse(File.Exists(h.Files.StampFile));
    }

    /// <summary>
    /// Once the deployment holds the credentials the env file is written while WorkOS calls may still run
    /// (docs/architecture.md#faults-retries-and-partial-failure); a cancel then finds it complete, never partial, and without a stamp the next run finishes the WorkOS part.
    /// </summary>
    [TestMethod]
    public async Task CancelWhileAWorkOSCallIsInFlightAfterTheEnvFileWasWritten()
    {
        var call = FaultMatrix.Call("redirect_uris");
        await using var h = await FlowHarness.StartAsync("vite-app");
        var envFile = File.ReadAllBytes(h.EnvFilePath);
        h.Sandbox.InjectFault(new SandboxFault { Service = call.Service, Method = call.Method, Path = call.Path, HoldMilliseconds = HoldMilliseconds });

        using var cancellation = new CancellationTokenSource();
        var run = h.RunAsync(cancellation.Token);
        await WaitUntilAsync(() => h.Sandbox.Requests.Any(call.Matches) && h.ReadEnvFile().Contains("VITE_WORKOS_CLIENT_ID="), "the env file write", run);
        cancellation.Cancel();

        await Assert.ThrowsAsync<OperationCanceledException>(() => run);
        Assert.AreEqual(FaultMatrixTests.CompleteEnvFile(envFile, h.WorkOSEnvironment()!), h.ReadEnvFile(), "complete, never partial");
        Assert.IsFalse(File.Exists(h.Files.StampFile));
        Assert.AreEqual(0, h.WorkOSEnvironment()!.RedirectUris.Count, "the held call never happened");

        await RerunConvergesAsync(h, envFile);
    }

    /// <summary>
    /// docs/architecture.md#faults-retries-and-partial-failure: a run that stops says what it changed. Cancelled while
    /// the variable write is held, after WorkOS took every setting, it reports the new environment and the settings.
    /// </summary>
    /// <remarks>
    /// WorkOS changes its state just before it answers, and a cancel that comes before the run has read an answer
    /// rightly leaves that setting out: the run cannot know it was applied. No signal tells the test that the run has
    /// read the answers, so each try checks that the report claims nothing more than WorkOS did, and one of a few tries
    /// must see the run report every setting.
    /// </remarks>
    [TestMethod]
    public async Task CancelAfterTheWorkOSSettingsWereAppliedReportsThem()
    {
        const int Tries = 5;
        var reports = new List<string>();
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            var (reportedAll, log) = await CancelOnceWorkOSAnsweredAsync();
            if (reportedAll) return;
            reports.Add(log);
        }
        Assert.Fail($"none of {Tries} runs cancelled after WorkOS answered reported every setting:\n" + string.Join("\n---\n", reports));
    }

    private static async Task<(bool ReportedAll, string Log)> CancelOnceWorkOSAnsweredAsync()
    {
        var call = FaultMatrix.Call("update_environment_variables");
        await using var h = await FlowHarness.StartAsync("vite-app");
        h.Sandbox.InjectFault(new SandboxFault { Service = call.Service, Method = call.Method, Path = call.Path, HoldMilliseconds = HoldMilliseconds });

        using var cancellation = new CancellationTokenSource();
        var run = h.RunAsync(cancellation.Token);
        await WaitUntilAsync(() => h.Sandbox.Requests.Any(call.Matches)
            && h.Sandbox.Requests.Count(r => r.Service == SandboxService.WorkOS && r.Status is >= 200 and < 300) == 3, "WorkOS to answer every setting", run);
        cancellation.Cancel();

        await Assert.ThrowsAsync<OperationCanceledException>(() => run);
        var environment = h.WorkOSEnvironment()!;
        Assert.AreEqual(("http://localhost:5173", 1, 1), (environment.HomepageUrl, environment.RedirectUris.Count, environment.CorsOrigins.Count), "WorkOS took every setting");
        var workOSLines = new[]
        {
            "Convex.AuthKit:   - WorkOS: added redirect URI http://localhost:5173/callback",
            "Convex.AuthKit:   - WorkOS: set app homepage URL http://localhost:5173",
            "Convex.AuthKit:   - WorkOS: added CORS origin http://localhost:5173",
        };
        var high = h.Log.High.ToArray();
        CollectionAssert.AreEqual(new[]
        {
            $"Convex.AuthKit: convex.json authKit.dev, dev deployment {FlowHarness.Deployment}:",
            $"Convex.AuthKit:   - provisioned a new AuthKit environment {environment.Name} ({environment.Id})",
        }, high.Take(2).ToArray(), h.Log.All);
        var reported = high.Skip(2).ToArray();
        CollectionAssert.AreEqual(workOSLines.Where(reported.Contains).ToArray(), reported, "only WorkOS settings, in order, each one WorkOS took\n" + h.Log.All);
        return (reported.Length == workOSLines.Length, h.Log.All);
    }

    private static async Task RerunConvergesAsync(FlowHarness h, byte[] originalEnvFile)
    {
        h.Sandbox.ClearFaults();
        var rerun = await h.RunAsync();
        Assert.AreEqual(0, rerun.Errors.Count + rerun.Warnings.Count, rerun.All);
        FaultMatrixTests.AssertConverged(h, originalEnvFile, rerun.All);
    }

    /// <summary>Polls <paramref name="condition"/>; fails if <paramref name="run"/> ends first or it takes too long.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, Task? run = null)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (run != null && run.IsCompleted) Assert.Fail($"the run ended before {what}: {run.Exception?.GetBaseException().Message ?? run.Status.ToString()}");
            if (waited.Elapsed > TimeSpan.FromSeconds(20)) Assert.Fail($"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }
}
