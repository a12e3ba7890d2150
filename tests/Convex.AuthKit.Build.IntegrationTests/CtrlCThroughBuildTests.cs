using System.Diagnostics;
using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// docs/architecture.md#faults-retries-and-partial-failure through `dotnet build`: Ctrl+C (SIGINT to the dotnet process,
/// as a terminal sends it) while the sandbox holds a request ends the package's task at once, rather than MSBuild
/// waiting on it (MSB4220) until the request ends; the env file is as it was and the lock is free for the next build.
/// </summary>
[TestClass]
public sealed class CtrlCThroughBuildTests
{
    private const string GetOrProvision = "/api/workos/get_or_provision_workos_environment";
    private const string CancelledLine = "Convex.AuthKit: cancelled.";
    private const int HoldMilliseconds = 120_000;

    /// <summary>The promise of docs/architecture.md#faults-retries-and-partial-failure; measured here, it takes tens of milliseconds.</summary>
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(1);

    [TestMethod]
    public async Task CtrlCWhileARequestIsHeld_EndsTheTaskAtOnce_TheEnvFileIsAsItWas_AndTheNextBuildConverges()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        var envFile = File.ReadAllBytes(s.App.PathOf(s.EnvFileRelative));
        s.Sandbox.InjectFault(new SandboxFault { Service = SandboxService.BigBrain, Method = "POST", Path = GetOrProvision, HoldMilliseconds = HoldMilliseconds });

        var pid = 0;
        var signalled = new Stopwatch();
        var cancelledAfter = TimeSpan.Zero;
        var build = Task.Run(() => s.App.Build("ViteApp.csproj", environment: s.Environment, started: id => pid = id,
            onLine: line => { if (line.Contains(CancelledLine, StringComparison.Ordinal)) cancelledAfter = signalled.Elapsed; }));
        await WaitUntilAsync(() => s.Sandbox.Requests.Any(r => r.Path == GetOrProvision), build, "the held request");
        signalled.Start();
        Signal(pid, "INT");

        Assert.AreSame(build, await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(60))), "the build did not end after Ctrl+C");
        var result = await build;
        Assert.AreNotEqual(0, result.ExitCode, "a cancelled build does not succeed\n" + result);
        StringAssert.Contains(result.Output, CancelledLine, result.ToString());
        Console.WriteLine($"Ctrl+C to the task's last line: {cancelledAfter.TotalMilliseconds:0} ms");
        Assert.IsTrue(cancelledAfter < Promptly, $"the task ended {cancelledAfter} after Ctrl+C, not within {Promptly}\n{result}");
        Assert.IsFalse(result.Output.Contains("error CAK", StringComparison.Ordinal), "cancelling is not a failure to report\n" + result);
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(s.App.PathOf(s.EnvFileRelative)), "the env file is byte-identical");
        Assert.IsFalse(File.Exists(s.App.PathOf("obj/ViteApp.ConvexAuthKit.stamp")), "no stamp");

        s.Sandbox.ClearFaults();
        var rebuilt = s.Build("ViteApp.csproj");
        Assert.AreEqual(0, rebuilt.ExitCode, "the lock was released\n" + rebuilt);
        Assert.IsNotNull(s.WorkOSEnvironment(), rebuilt.ToString());
        StringAssert.Contains(s.ReadEnvFile(), "VITE_WORKOS_CLIENT_ID=" + s.WorkOSEnvironment()!.ClientId);
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", new[] { "-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) })!;
        kill.WaitForExit();
        Assert.AreEqual(0, kill.ExitCode, $"kill -{signal} {pid}");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Task<ProcessResult> build, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!condition())
        {
            if (build.IsCompleted) Assert.Fail($"the build ended before {what}\n{await build}");
            if (DateTime.UtcNow > deadline) Assert.Fail($"{what} never arrived");
            await Task.Delay(50);
        }
    }
}
