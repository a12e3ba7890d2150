using System.Diagnostics;
using System.Globalization;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Newtonsoft.Json.Linq;
using static Convex.AuthKit.Sandbox.Tests.SandboxFixture;
using static Convex.AuthKit.Sandbox.Tests.SandboxHttp;

namespace Convex.AuthKit.Sandbox.Tests;

/// <summary>The sandbox as its own process: `Convex.AuthKit.Sandbox --scenario file` prints its URLs as one JSON line.</summary>
[TestClass]
public sealed class StandaloneSandboxTests
{
    private static readonly string SandboxDll = Path.Combine(AppContext.BaseDirectory, "Convex.AuthKit.Sandbox.dll");
    private static readonly string Scenario = Path.Combine(AppContext.BaseDirectory, "scenarios", "fresh-vite.json");

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SandboxDll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the sandbox");
    }

    private static async Task<JObject> ReadUrls(Process process)
    {
        var line = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(line, Task.Delay(TimeSpan.FromSeconds(30))) != line)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the sandbox printed no URL line within 30 s");
        }
        if (line.Result == null) Assert.Fail("stdout closed early: " + await process.StandardError.ReadToEndAsync());
        return JObject.Parse(line.Result!);
    }

    private static async Task<int> WaitForExit(Process process)
    {
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(15))) != exited)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the sandbox did not stop within 15 s");
        }
        return process.ExitCode;
    }

    [TestMethod]
    public async Task PrintsUrlsServesTheScenarioAndStopsWhenStdinCloses()
    {
        using var process = Start("--scenario", Scenario, "--latency-ms", "150", "--stop-on-stdin-eof");
        try
        {
            var urls = await ReadUrls(process);
            var bigBrain = new Uri((string)urls["bigBrainUrl"]!);
            var deployment = (string)urls["deploymentUrl"]!;
            Assert.AreEqual(bigBrain + "_sandbox", (string?)urls["controlUrl"]);
            StringAssertions.StartsWith((string)urls["workosUrl"]!, "http://127.0.0.1:");
            Assert.IsFalse(deployment.EndsWith('/'));

            var watch = Stopwatch.StartNew();
            Assert.AreEqual(200, (await Send("HEAD", bigBrain, "/api/authorize", Bearer(AccessToken))).Status);
            Assert.IsTrue(watch.ElapsedMilliseconds >= 140, "--latency-ms applies: " + watch.ElapsedMilliseconds);
            var authorize = await Post(bigBrain, "/api/deployment/authorize_within_current_project", Bearer(AccessToken),
                new { selectedDeploymentName = Deployment, projectSelection = new { kind = "deploymentName", deploymentName = Deployment, deploymentType = "dev" } });
            Assert.AreEqual(deployment, (string?)authorize.Json["url"]);
            var state = (await Get(bigBrain, "/_sandbox/state")).Json;
            Assert.AreEqual(Deployment, (string?)state["state"]!["deployments"]![0]!["name"]);
        }
        finally
        {
            process.StandardInput.Close();
        }
        Assert.AreEqual(0, await WaitForExit(process));
    }

    [TestMethod]
    public async Task StopsOnSigterm()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("SIGTERM is a Unix signal.");
        using var process = Start("--scenario", Scenario);
        await ReadUrls(process);
        using (var kill = Process.Start("kill", new[] { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) })) await kill!.WaitForExitAsync();
        Assert.AreEqual(0, await WaitForExit(process));
    }

    [TestMethod]
    public async Task ABadScenarioFileFailsWithExitCode2()
    {
        using var process = Start("--scenario", Path.Combine(AppContext.BaseDirectory, "no-such-scenario.json"));
        var error = process.StandardError.ReadToEndAsync();
        Assert.AreEqual(2, await WaitForExit(process));
        Assert.Contains("cannot read the scenario", await error);
    }
}
