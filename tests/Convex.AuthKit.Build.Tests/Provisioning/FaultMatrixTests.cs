using System.Globalization;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// The fault matrix (docs/architecture.md#faults-retries-and-partial-failure, docs/architecture.md#incremental-rules): each call of the cold flow × each fault, in-process against the sandbox. A run
/// either succeeds after retries or ends in the expected CAK code; the env file is the original bytes or the complete
/// text, never partial; retries are counted and Retry-After honoured; the rerun without the fault converges on exactly
/// one WorkOS environment. The hangs are in <see cref="FaultMatrixHangTests"/>.
/// </summary>
[TestClass]
public sealed class FaultMatrixTests
{
    public static IEnumerable<object[]> Cases => FaultMatrix.Cases;

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public Task FaultEndsCleanAndTheRerunConverges(string callName, string faultName) => RunCaseAsync(callName, faultName);

    internal static async Task RunCaseAsync(string callName, string faultName)
    {
        var call = FaultMatrix.Call(callName);
        var kind = FaultMatrix.Kind(faultName);
        var expectedCode = FaultMatrix.ExpectedCode(call, kind);
        await using var h = await FlowHarness.StartAsync("vite-app");
        var policy = new FaultPolicy().Use(h);
        var original = File.ReadAllBytes(h.EnvFilePath);
        h.Sandbox.InjectFault(kind.Make(call));

        var log = await h.RunAsync();
        var requests = h.Sandbox.Requests;
        var trace = log.All + "\n" + string.Join("\n", requests);

        AssertOutcome(log, expectedCode, trace);
        Assert.AreEqual(kind.Attempts, requests.Count(call.Matches), "attempts at the faulted call\n" + trace);
        foreach (var other in FaultMatrix.Calls.Where(c => c != call))
            Assert.IsTrue(requests.Count(other.Matches) <= 1, $"{other.Name} is sent at most once\n{trace}");
        AssertWaits(policy, kind, trace);

        var state = h.Sandbox.Snapshot();
        Assert.IsTrue(state.WorkosEnvironments.Count <= 1, "never a second environment\n" + trace);
        if (FaultMatrix.ExpectsEnvFileWritten(call, kind))
        {
            Assert.AreEqual(CompleteEnvFile(original, h.WorkOSEnvironment()!), h.ReadEnvFile(), "the env file is complete\n" + trace);
            Assert.IsTrue(log.High.Any(l => l.Contains("wrote VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI to .env.local")), "the write is reported, failure or not\n" + trace);
        }
        else
            CollectionAssert.AreEqual(original, File.ReadAllBytes(h.EnvFilePath), "the env file is untouched\n" + trace);
        Assert.AreEqual(expectedCode == null, File.Exists(h.Files.StampFile), "a stamp only after full success\n" + trace);
        AssertNoSecretIn(log.All, h);

        h.Sandbox.ClearFaults();
        h.Sandbox.ClearRequests();
        var rerun = await h.RunAsync();
        Assert.AreEqual(0, rerun.Errors.Count + rerun.Warnings.Count, rerun.All);
        if (expectedCode == null) Assert.AreEqual(0, h.Sandbox.Requests.Count, "after success the stamp matches: no request\n" + rerun.All);
        AssertConverged(h, original, rerun.All);

        h.Sandbox.ClearRequests();
        await h.RunAsync();
        Assert.AreEqual(0, h.Sandbox.Requests.Count, "once converged, nothing more to do");
    }

    private static void AssertOutcome(RecordingLogSink log, string? expectedCode, string trace)
    {
        if (expectedCode == null)
        {
            Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, "success after retries\n" + trace);
            return;
        }
        var reported = expectedCode.StartsWith("CAK1", StringComparison.Ordinal) ? log.Errors : log.Warnings;
        var others = expectedCode.StartsWith("CAK1", StringComparison.Ordinal) ? log.Warnings : log.Errors;
        Assert.AreEqual(1, reported.Count, trace);
        Assert.AreEqual(expectedCode, reported[0].Code, trace);
        Assert.AreEqual(0, others.Count, trace);
    }

    /// <summary>Only the faulted call waits; a 429's Retry-After sets the wait, otherwise the backoff does.</summary>
    private static void AssertWaits(FaultPolicy policy, FaultKind kind, string trace)
    {
        var waits = policy.Waits;
        Assert.AreEqual(kind.Attempts - 1, waits.Count, "one wait before each retry\n" + trace);
        var retryAfter = TimeSpan.FromSeconds(int.Parse(FaultMatrix.RetryAfterSeconds, CultureInfo.InvariantCulture));
        if (kind.Name.StartsWith("429", StringComparison.Ordinal))
            CollectionAssert.AreEqual(new[] { retryAfter }, waits.ToArray(), "Retry-After is honoured\n" + trace);
        else
            Assert.IsTrue(waits.All(w => w >= FaultPolicy.BaseDelay && w < retryAfter), "backoff waits\n" + trace);
    }

    public static string CompleteEnvFile(byte[] original, SandboxWorkOSEnvironment environment) =>
        System.Text.Encoding.UTF8.GetString(original)
        + $"\n# See this environment at https://dashboard.workos.com/{environment.Id}/authentication\nVITE_WORKOS_CLIENT_ID={environment.ClientId}\n"
        + "\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n";

    /// <summary>Exactly one environment, the deployment holds its credentials, WorkOS knows the app, the env file is complete.</summary>
    internal static void AssertConverged(FlowHarness h, byte[] originalEnvFile, string trace)
    {
        var state = h.Sandbox.Snapshot();
        Assert.AreEqual(1, state.WorkosEnvironments.Count, trace);
        Assert.AreEqual(1, state.Counters.EnvironmentsProvisioned, trace);
        var environment = h.WorkOSEnvironment()!;
        var variables = state.Deployment(FlowHarness.Deployment).Env;
        Assert.AreEqual(environment.ClientId, variables["WORKOS_CLIENT_ID"], trace);
        Assert.AreEqual(environment.ApiKey, variables["WORKOS_API_KEY"], trace);
        Assert.AreEqual(environment.Id, variables["WORKOS_ENVIRONMENT_ID"], trace);
        CollectionAssert.AreEqual(new[] { "http://localhost:5173/callback" }, environment.RedirectUris, trace);
        CollectionAssert.AreEqual(new[] { "http://localhost:5173" }, environment.CorsOrigins, trace);
        Assert.AreEqual("http://localhost:5173", environment.HomepageUrl, trace);
        Assert.AreEqual(CompleteEnvFile(originalEnvFile, environment), h.ReadEnvFile(), trace);
        Assert.IsTrue(File.Exists(h.Files.StampFile), "converged runs leave a stamp\n" + trace);
    }

    internal static void AssertNoSecretIn(string text, FlowHarness h)
    {
        Assert.IsFalse(text.Contains(FreshSecrets.AccessToken), "the access token never reaches the log");
        var environment = h.WorkOSEnvironment();
        if (environment != null) Assert.IsFalse(text.Contains(environment.ApiKey), "the WorkOS API key never reaches the log");
        foreach (var deployment in h.Sandbox.Snapshot().Deployments)
            Assert.IsFalse(text.Contains(deployment.AdminKey), "the admin key never reaches the log");
    }
}
