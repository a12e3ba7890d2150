using System.Text.RegularExpressions;
using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// `dotnet build -t:ConvexAuthKitStatus` and `dotnet msbuild -t:ConvexAuthKitStatus`: one block of facts ending with
/// what the next build would do; reads only; any configuration; a multi-targeted project's outer build; offline; no app.
/// </summary>
[TestClass]
public sealed class StatusTests
{
    private const string Status = "-t:ConvexAuthKitStatus";

    private static string Row(ProcessResult result, string label)
    {
        var match = Regex.Match(result.Output, "^\\s*" + Regex.Escape(label) + ":\\s+(.*)$", RegexOptions.Multiline);
        Assert.IsTrue(match.Success, $"no '{label}:' row in\n{result}");
        return match.Groups[1].Value.TrimEnd('\r');
    }

    private static int Blocks(ProcessResult result, string project) => Regex.Count(result.Output, "Convex.AuthKit: status of " + Regex.Escape(project) + " ");

    [TestMethod]
    public async Task BeforeAndAfterProvisioning_ThroughBuildAndMsbuild()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        var envFile = File.ReadAllBytes(s.App.PathOf(s.EnvFileRelative));

        var fresh = s.Build("ViteApp.csproj", Status);

        Assert.AreEqual(0, fresh.ExitCode, fresh.ToString());
        Assert.AreEqual(1, Blocks(fresh, "ViteApp"), fresh.ToString());
        Assert.AreEqual($"{s.App.Root} (the project folder)", Row(fresh, "Convex app"));
        StringAssert.StartsWith(Row(fresh, "deployment"), "dev:happy-animal-123, selected by CONVEX_DEPLOYMENT in .env.local");
        StringAssert.StartsWith(Row(fresh, "credential"), "access token (from ~");
        Assert.AreEqual("WORKOS_CLIENT_ID missing, WORKOS_ENVIRONMENT_ID missing, WORKOS_API_KEY missing", Row(fresh, "deployment variables"));
        Assert.AreEqual("http://localhost:5173/callback", Row(fresh, "redirect URIs"));
        Assert.AreEqual("http://localhost:5173", Row(fresh, "CORS origins"));
        Assert.AreEqual("http://localhost:5173", Row(fresh, "homepage"));
        Assert.AreEqual("present: none; missing: VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI", Row(fresh, ".env.local"));
        StringAssert.StartsWith(Row(fresh, "next build"), "provision the AuthKit environment of deployment happy-animal-123");
        SandboxChecks.AssertNoMutatingRequest(s.Sandbox);
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(s.App.PathOf(s.EnvFileRelative)));
        Assert.IsFalse(File.Exists(s.App.PathOf("obj/ViteApp.ConvexAuthKit.stamp")));
        Assert.IsFalse(File.Exists(s.App.PathOf("obj/ViteApp.ConvexAuthKit.inputs")), "the status does not run the provisioning target");

        Assert.AreEqual(0, s.Build("ViteApp.csproj").ExitCode);
        s.Sandbox.ClearRequests();
        var provisioned = s.App.Build("ViteApp.csproj", new[] { Status }, s.Environment, verb: "msbuild");

        Assert.AreEqual(0, provisioned.ExitCode, provisioned.ToString());
        Assert.AreEqual(1, Blocks(provisioned, "ViteApp"), provisioned.ToString());
        Assert.AreEqual("WORKOS_CLIENT_ID set, WORKOS_ENVIRONMENT_ID set, WORKOS_API_KEY set", Row(provisioned, "deployment variables"));
        Assert.AreEqual($"{s.WorkOSEnvironment()!.ClientId} (from the deployment)", Row(provisioned, "client ID"));
        Assert.AreEqual("present: VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI; missing: none", Row(provisioned, ".env.local"));
        Assert.AreEqual("nothing, without a network request: the stamp matches every input", Row(provisioned, "next build"));
        SandboxChecks.AssertNoMutatingRequest(s.Sandbox);
        SandboxChecks.AssertNoSecret(s.Sandbox, fresh.Output + provisioned.Output);
    }

    [TestMethod]
    public async Task ReleaseConfiguration_OfAMultiTargetedProject_GivesOneBlockFromTheOuterBuild()
    {
        await using var s = await ScenarioApp.StartAsync("multi-target");
        var result = s.Build("Multi.csproj", Status, "-c", "Release");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual(1, Blocks(result, "Multi"), result.ToString());
        StringAssert.StartsWith(Row(result, "next build"), "nothing in Release (Release is not in ConvexAuthKitConfigurations (Debug)); in a listed configuration it would do: provision");
        Assert.AreEqual("WORKOS_CLIENT_ID missing, WORKOS_ENVIRONMENT_ID missing, WORKOS_API_KEY missing", Row(result, "deployment variables"));
        SandboxChecks.AssertNoMutatingRequest(s.Sandbox);
    }

    [TestMethod]
    public async Task Offline_SaysSo_AndStillTellsTheLocalFacts()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        await s.Sandbox.DisposeAsync();
        var result = s.Build("ViteApp.csproj", Status);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.StartsWith(Row(result, "deployment variables"), "unknown: offline (Could not reach the Convex management API");
        Assert.AreEqual("http://localhost:5173/callback", Row(result, "redirect URIs"));
        Assert.AreEqual("present: none; missing: VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI", Row(result, ".env.local"));
        StringAssert.Contains(Row(result, "next build"), "fail with error CAK1014");
        Assert.IsFalse(result.Output.Contains(": warning CAK") || result.Output.Contains(": error CAK"), "offline is an answer, not a diagnostic: " + result);
    }

    [TestMethod]
    public async Task DeletedEnvironment_TheHealthRowsSayItIsMissing_AndNameTheNextStep()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app", SandboxScenario.Fresh().WithDeletedEnvironment());
        s.WriteEnvFile(ScenarioApp.DeploymentEnvLine + $"VITE_WORKOS_CLIENT_ID={DeletedEnvironment.ClientId}\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n");

        var result = s.Build("ViteApp.csproj", Status);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual(1, Blocks(result, "ViteApp"), result.ToString());
        Assert.AreEqual("WORKOS_CLIENT_ID set, WORKOS_ENVIRONMENT_ID set, WORKOS_API_KEY set", Row(result, "deployment variables"));
        Assert.AreEqual("missing: WorkOS no longer has the environment the deployment's WORKOS_* variables belong to (WorkOSEnvironmentNotProvisioned)", Row(result, "WorkOS environment"));
        Assert.AreEqual("active (WorkOS team my-team)", Row(result, "WorkOS team state"));
        Assert.AreEqual("remove the three variables from the deployment (`npx convex env remove WORKOS_CLIENT_ID WORKOS_API_KEY WORKOS_ENVIRONMENT_ID`), "
            + "delete VITE_WORKOS_CLIENT_ID from .env.local, then build with -p:ConvexAuthKitForce=true to provision a new environment", Row(result, "next step"));
        Assert.AreEqual("fail with error CAK1013: WorkOS rejects the deployment's WORKOS_API_KEY, as its environment no longer exists", Row(result, "next build"));
        Assert.IsFalse(result.Output.Contains(": warning CAK") || result.Output.Contains(": error CAK"), "the status tells, it does not raise: " + result);
        Assert.IsTrue(s.Sandbox.Requests.Any(r => r.Path == "/api/deployments/happy-animal-123/workos_environment_health"), string.Join(", ", s.Sandbox.Requests));
        Assert.IsTrue(s.Sandbox.Requests.Any(r => r.Path == "/api/teams/1/workos_team_health"), string.Join(", ", s.Sandbox.Requests));
        SandboxChecks.AssertNoMutatingRequest(s.Sandbox);
        SandboxChecks.AssertNoSecret(s.Sandbox, result.Output);
    }

    /// <summary>
    /// The terminal logger shows high-importance messages only from -v:d (or -tlp:v=d) on, by its design (its "normal"
    /// is stricter than the console logger's); there the block comes out whole, one row a line.
    /// </summary>
    [TestMethod]
    public void ProjectWithoutConvexApp_SaysSo_ReadablyUnderTheTerminalLogger()
    {
        var app = PackedPackage.Fixture("no-convex");
        var result = app.Build("Plain.csproj", new[] { Status, "-tl:on", "-v:d" });
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var lines = TerminalText.Lines(result.Output);
        var title = lines.FindIndex(l => l.Trim() == "Convex.AuthKit: status of Plain (Debug)");
        Assert.IsTrue(title >= 0, string.Join("\n", lines));
        StringAssert.StartsWith(lines[title + 1].Trim(), "Convex app: none (no convex.json or convex/ folder");
        Assert.AreEqual("next build: nothing: this project has no Convex app", lines[title + 2].Trim());
    }
}

/// <summary>The terminal logger's output as plain lines: ANSI control sequences removed, progress frames dropped.</summary>
internal static class TerminalText
{
    public static System.Collections.Generic.List<string> Lines(string output) =>
        Regex.Replace(Regex.Replace(output, @"\x1B\][^\x1B]*\x1B\\", ""), @"\x1B\[[0-9;?]*[A-Za-z]", "")
            .Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
}
