using System.Text;
using Convex.AuthKit.Build.Provisioning;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// No half-applied state (docs/architecture.md#faults-retries-and-partial-failure): the remote steps never wait on the env file. An env-file
/// failure found while planning or writing is reported after them, naming the line; once the user fixes it, the next
/// build's only change is the env-file write.
/// </summary>
[TestClass]
public sealed class EnvFileFailureFlowTests
{
    private const string Stale = "VITE_WORKOS_CLIENT_ID=client_01FROMANOTHERDEPLOYMENT\n";

    /// <summary>The requests of a build whose deployment and WorkOS are already right: authorize, the team question, the variables, and the 3 WorkOS settings re-sent.</summary>
    private static readonly string[] ConvergingRequests =
    {
        "POST /api/deployment/authorize_within_current_project", "POST /api/workos/has_associated_workos_team", "GET /api/v1/list_environment_variables",
        "POST /user_management/redirect_uris", "PUT /user_management/app_homepage_url", "POST /user_management/cors_origins",
    };

    [TestMethod]
    public async Task StaleLine_TheRemoteStepsAreAppliedFirst_ThenCak1010NamesTheLine_AndTheFixedFileConvergesWithOnlyTheEnvFileWrite()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        File.AppendAllText(h.EnvFilePath, Stale);
        var before = h.ReadEnvFile();

        var log = await h.RunAsync();
        var error = log.Errors.Single();
        Assert.AreEqual("CAK1010", error.Code, log.All);
        StringAssert.Contains(error.Text, "VITE_WORKOS_CLIENT_ID in .env.local (line 5) is 'client_01FROMANOTHERDEPLOYMENT'");
        StringAssert.Contains(error.Text, "Delete the line VITE_WORKOS_CLIENT_ID=... (line 5) from .env.local");
        AssertRemoteStateComplete(h, "http://localhost:5173");
        Assert.AreEqual(before, h.ReadEnvFile(), "the file is left for the user to fix");
        AssertReportedAfterTheChanges(log, "CAK1010");
        Assert.IsFalse(File.Exists(h.Files.StampFile), "no stamp after a failure");

        h.WriteEnvFile(before.Replace(Stale, ""));
        h.Sandbox.ClearRequests();
        log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        AssertOnlyTheEnvFileWasWritten(h, log, "VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI");
    }

    [TestMethod]
    public async Task ValueNoReaderReadsBack_TheRemoteStepsAreAppliedFirst_ThenCak1015_AndTheFixConverges()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        WithGreeting(h);
        h.Environment["GREETING"] = "hello $USER";

        var log = await h.RunAsync();
        var error = log.Errors.Single();
        Assert.AreEqual("CAK1015", error.Code, log.All);
        StringAssert.StartsWith(error.Text, "The value of VITE_GREETING cannot be written to .env.local in any form that dotenv and the front ends' readers");
        AssertRemoteStateComplete(h, "http://localhost:5173");
        AssertReportedAfterTheChanges(log, "CAK1015");
        Assert.IsFalse(h.ReadEnvFile().Contains("VITE_WORKOS_CLIENT_ID"), "nothing is written while the file has a problem");

        h.Environment["GREETING"] = "hello you";
        h.Sandbox.ClearRequests();
        log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        AssertOnlyTheEnvFileWasWritten(h, log, "VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI, VITE_GREETING");
        StringAssert.Contains(h.ReadEnvFile(), "\nVITE_GREETING=hello you\n");
    }

    [TestMethod]
    public async Task WriteFailure_TheRemoteStepsAreAppliedFirst_ThenCak1015NamesTheFile()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", withDeployment: false);
        // A regular file where the env file's folder should be: reading finds no file, writing cannot create one.
        File.WriteAllText(Path.Combine(h.AppDirectory, "blocker"), "");
        h.Configure = settings => settings.EnvFile = Path.Combine("blocker", ".env.local");
        h.Environment["CONVEX_DEPLOYMENT"] = "dev:" + FlowHarness.Deployment;

        var log = await h.RunAsync();
        var error = log.Errors.Single();
        Assert.AreEqual("CAK1015", error.Code, log.All);
        StringAssert.Contains(error.Text, Path.Combine("blocker", ".env.local"));
        AssertRemoteStateComplete(h, "http://localhost:5173");
        AssertReportedAfterTheChanges(log, "CAK1015");
    }

    [TestMethod]
    public async Task AnEnvFileThatIsNotUtf8StillFailsBeforeAnyRequest()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", withDeployment: false);
        File.WriteAllBytes(h.EnvFilePath, Encoding.ASCII.GetBytes($"CONVEX_DEPLOYMENT=dev:{FlowHarness.Deployment}\nGREETING=caf").Concat(new byte[] { 0xE9, 0x0A }).ToArray());

        var log = await h.RunAsync();
        var error = log.Errors.Single();
        Assert.AreEqual("CAK1015", error.Code, log.All);
        StringAssert.Contains(error.Text, "is not UTF-8 text");
        Assert.AreEqual(0, h.Sandbox.Requests.Count, "no request: " + string.Join(", ", h.Sandbox.Requests));
    }

    [TestMethod]
    public async Task AWorkOSFailureAndAnEnvFileProblemAreBothReported_TheEnvFileLast()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        File.AppendAllText(h.EnvFilePath, Stale);
        h.Sandbox.InjectFault(new SandboxFault { Service = SandboxService.WorkOS, Method = "POST", Path = "/user_management/redirect_uris", Status = 500, Count = 3 });

        var log = await h.RunAsync();
        CollectionAssert.AreEqual(new[] { "CAK1013", "CAK1010" }, log.Errors.Select(e => e.Code).ToArray(), log.All);
        Assert.AreEqual(h.WorkOSEnvironment()!.ClientId, h.DeploymentVariables()["WORKOS_CLIENT_ID"]);
    }

    [TestMethod]
    public async Task DryRunAndStatusTellTheSameOutcome_TheRemoteStepsThenTheEnvFileProblem()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        WithGreeting(h);
        h.Environment["GREETING"] = "hello $USER";
        var before = File.ReadAllBytes(h.EnvFilePath);

        var (block, _) = await Status.StatusRun.RunAsync(h);
        StringAssert.StartsWith(block.NextBuild, "provision the AuthKit environment of deployment happy-animal-123");
        StringAssert.EndsWith(block.NextBuild, "register the 3 WorkOS settings with WorkOS; then fail with error CAK1015: the value of VITE_GREETING cannot be written to .env.local in a form the front ends read back unchanged");

        h.Configure = settings => settings.DryRun = true;
        var log = await h.RunAsync();
        var error = log.Errors.Single();
        Assert.AreEqual("CAK1015", error.Code, log.All);
        StringAssert.StartsWith(error.Text, DryRunPlan.AfterStepsPrefix + "The value of VITE_GREETING");
        StringAssert.Contains(log.All, "POST deployment /api/v1/update_environment_variables (set WORKOS_CLIENT_ID, WORKOS_ENVIRONMENT_ID, WORKOS_API_KEY)");
        StringAssert.Contains(log.All, ".env.local: left unchanged (CAK1015: the value of VITE_GREETING cannot be written");
        Status.StatusRun.AssertNoMutatingRequest(h);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(h.EnvFilePath));
    }

    /// <summary>The vite fixture's convex.json with one more env-file entry, filled from the build environment's GREETING.</summary>
    private static void WithGreeting(FlowHarness h)
    {
        var convexJson = Path.Combine(h.AppDirectory, "convex.json");
        File.WriteAllText(convexJson, File.ReadAllText(convexJson).Replace(
            "\"VITE_WORKOS_REDIRECT_URI\": \"http://localhost:5173/callback\"",
            "\"VITE_WORKOS_REDIRECT_URI\": \"http://localhost:5173/callback\",\n        \"VITE_GREETING\": \"${buildEnv.GREETING}\""));
    }

    /// <summary>One environment; the deployment holds its three variables; WorkOS has the redirect URI, CORS origin and homepage.</summary>
    internal static void AssertRemoteStateComplete(FlowHarness h, string origin)
    {
        var state = h.Sandbox.Snapshot();
        Assert.AreEqual(1, state.WorkosEnvironments.Count);
        var environment = state.EnvironmentFor(FlowHarness.Deployment)!;
        var variables = h.DeploymentVariables();
        Assert.AreEqual(environment.ClientId, variables["WORKOS_CLIENT_ID"]);
        Assert.AreEqual(environment.ApiKey, variables["WORKOS_API_KEY"]);
        Assert.AreEqual(environment.Id, variables["WORKOS_ENVIRONMENT_ID"]);
        CollectionAssert.AreEqual(new[] { origin + "/callback" }, environment.RedirectUris);
        CollectionAssert.AreEqual(new[] { origin }, environment.CorsOrigins);
        Assert.AreEqual(origin, environment.HomepageUrl);
    }

    /// <summary>The change block (what did happen) comes first, the env file's error after it.</summary>
    private static void AssertReportedAfterTheChanges(RecordingLogSink log, string code)
    {
        var lines = log.All.Split('\n').ToList();
        var error = lines.FindIndex(l => l.StartsWith("Error " + code, StringComparison.Ordinal));
        var lastChange = lines.FindLastIndex(l => l.StartsWith("High", StringComparison.Ordinal) && l.Contains("  - "));
        Assert.IsTrue(lastChange >= 0 && lastChange < error, log.All);
        StringAssert.Contains(log.All, "  - provisioned a new AuthKit environment");
        StringAssert.Contains(log.All, "  - set WORKOS_CLIENT_ID, WORKOS_ENVIRONMENT_ID, WORKOS_API_KEY on deployment happy-animal-123");
    }

    private static void AssertOnlyTheEnvFileWasWritten(FlowHarness h, RecordingLogSink log, string names)
    {
        CollectionAssert.AreEqual(ConvergingRequests, h.Sandbox.Requests.Select(r => r.Method + " " + r.Path).OrderBy(r => Array.IndexOf(ConvergingRequests, r)).ToArray(),
            "6 requests: no provisioning call, no variable write");
        Assert.AreEqual(1, h.Sandbox.Snapshot().Counters.EnvironmentsProvisioned);
        var changes = log.High.Where(l => l.Contains("  - ")).ToList();
        Assert.AreEqual(1, changes.Count, log.All);
        StringAssert.EndsWith(changes[0], $"  - wrote {names} to .env.local");
        StringAssert.Contains(h.ReadEnvFile(), "VITE_WORKOS_CLIENT_ID=" + h.WorkOSEnvironment()!.ClientId + "\n");
        Assert.IsTrue(File.Exists(h.Files.StampFile), "the converged build records its stamp");
    }
}
