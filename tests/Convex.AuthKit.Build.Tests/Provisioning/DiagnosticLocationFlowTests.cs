using Convex.AuthKit.Build.Tests.Tasks;
using Convex.AuthKit.Build.Vocabulary;
using Convex.AuthKit.Sandbox;
using Microsoft.Build.Framework;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// docs/architecture.md#output: a diagnostic is one line that says what to do, logged at the file the problem is in (its line and
/// column when known), or at the project file; longer detail follows as a normal message.
/// </summary>
[TestClass]
public sealed class DiagnosticLocationFlowTests
{
    [TestMethod]
    public async Task ASchemaErrorInConvexJsonIsOneErrorAtItsLineAndColumn()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var convexJson = Path.Combine(h.AppDirectory, "convex.json");
        File.WriteAllText(convexJson, "{\n  \"authKit\": {\n    \"dev\": {\n      \"configure\": { \"redirectUris\": \"http://localhost:5173/callback\" }\n    }\n  }\n}\n");
        var engine = new FakeBuildEngine();

        Assert.IsFalse(NewTask(h, engine).Execute(), engine.All);

        var error = engine.Errors.Single();
        Assert.AreEqual("CAK1001", error.Code);
        Assert.AreEqual(convexJson, error.File, "the error opens convex.json");
        Assert.AreEqual(4, error.LineNumber);
        Assert.IsTrue(error.ColumnNumber > 0, engine.All);
        Assert.IsFalse(error.Message!.Contains('\n'), error.Message);
    }

    [TestMethod]
    public async Task AStaleEnvFileLineIsReportedAtThatLine()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        h.WriteEnvFile($"CONVEX_DEPLOYMENT=dev:{FlowHarness.Deployment}\n\nVITE_WORKOS_CLIENT_ID=client_from_another_deployment\n");

        var log = await h.RunAsync();

        var (code, location) = log.Locations.Single();
        Assert.AreEqual("CAK1010", code, log.All);
        Assert.AreEqual(new DiagnosticLocation(h.EnvFilePath, 3, 1), location);
    }

    [TestMethod]
    public async Task AMultiLineDiagnosticIsOneLineAtTheProjectFileWithItsDetailAfter()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", SandboxScenario.Fresh(teamHasWorkOS: false));

        var log = await h.RunAsync();

        var error = log.Errors.Single();
        Assert.AreEqual("CAK1007", error.Code);
        Assert.IsFalse(error.Text.Contains('\n'), error.Text);
        StringAssert.EndsWith(error.Text, "set ConvexAuthKitWorkOSTeamEmail and ConvexAuthKitAcceptWorkOSTerms=true, or run `npx convex dev` once.", "the line says what to do");
        Assert.AreEqual(new DiagnosticLocation(h.ProjectFile), log.Locations.Single().Location, "no file of the app is at fault: the project file");
        var detail = log.Messages[log.Messages.ToList().FindIndex(m => m.StartsWith("Either:", StringComparison.Ordinal))];
        StringAssert.Contains(detail, "1. run `npx convex dev` once in an interactive terminal");
    }

    [TestMethod]
    public async Task TheTaskLogsAtTheProjectFileItIsGiven()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", SandboxScenario.Fresh(teamHasWorkOS: false), loggedIn: false);
        CancellationThroughTaskTests.WireDotEnv(h);
        var engine = new FakeBuildEngine();

        Assert.IsFalse(NewTask(h, engine).Execute(), engine.All);

        var error = engine.Errors.Single();
        Assert.AreEqual("CAK1007", error.Code);
        Assert.AreEqual(h.ProjectFile, error.File, "not the package's .targets");
        Assert.AreEqual((0, 0), (error.LineNumber, error.ColumnNumber));
        Assert.IsFalse(error.Message!.Contains('\n'), error.Message);
        Assert.IsTrue(engine.Messages.Any(m => m.Importance == MessageImportance.Normal && m.Message!.StartsWith("Either:", StringComparison.Ordinal)), engine.All);
    }

    private static ProvisionAuthKitTask NewTask(FlowHarness h, FakeBuildEngine engine)
    {
        var task = CancellationThroughTaskTests.NewTask(h, engine);
        task.ProjectFile = h.ProjectFile;
        task.Settings = SettingItems.With();
        return task;
    }
}
