using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Tests.Status;
using Convex.AuthKit.Build.Vocabulary;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// docs/architecture.md#lines-the-build-wrote: a line the build wrote, and that still holds what it wrote, follows the configuration;
/// a line that differs from both (a hand edit), or any differing line without a record, is the user's and stays, with CAK2112.
/// </summary>
[TestClass]
public sealed class BuildWrittenLinesFlowTests
{
    private const string Before = "VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback";
    private const string After = "VITE_WORKOS_REDIRECT_URI=http://localhost:5175/callback";

    [TestMethod]
    public async Task APortChangeInConvexJsonUpdatesTheLineTheBuildWrote()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        StringAssert.Contains(h.ReadEnvFile(), Before);
        MovePort(h);

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Warnings.Count + log.Errors.Count, log.All);
        var envFile = h.ReadEnvFile();
        StringAssert.Contains(envFile, After);
        Assert.IsFalse(envFile.Contains(Before), envFile);
        CollectionAssert.Contains(log.High.ToList(),
            "Convex.AuthKit:   - updated VITE_WORKOS_REDIRECT_URI (was http://localhost:5173/callback, now http://localhost:5175/callback) in .env.local", log.All);
        var uris = h.WorkOSEnvironment()!.RedirectUris;
        CollectionAssert.Contains(uris.ToList(), "http://localhost:5175/callback");
    }

    [TestMethod]
    public async Task AHomepageChangeIsInTheChangeBlock()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        MovePort(h);

        var log = await h.RunAsync();

        CollectionAssert.Contains(log.High.ToList(), "Convex.AuthKit:   - WorkOS: set app homepage URL http://localhost:5175 (was a different URL)", log.All);
        var again = await Forced(h);
        Assert.IsFalse(again.High.Any(line => line.Contains("homepage")), "the same URL again is no change\n" + again.All);
    }

    [TestMethod]
    public async Task ADevOriginChangeUpdatesTheLinesTheFrameworkDefaultsWrote()
    {
        await using var h = await FlowHarness.StartAsync("vite-template");
        File.Delete(Path.Combine(h.AppDirectory, ".env.local.example")); // no placeholder: the build writes the line
        await h.RunAsync();
        StringAssert.Contains(h.ReadEnvFile(), Before);
        File.WriteAllText(Path.Combine(h.AppDirectory, "vite.config.ts"),
            "import { defineConfig } from \"vite\";\nimport react from \"@vitejs/plugin-react\";\n\nexport default defineConfig({\n  plugins: [react()],\n  server: { port: 5175 },\n});\n");

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Warnings.Count + log.Errors.Count, log.All);
        StringAssert.Contains(h.ReadEnvFile(), After);
        Assert.IsTrue(log.High.Any(line => line.Contains("updated VITE_WORKOS_REDIRECT_URI (was http://localhost:5173/callback, now http://localhost:5175/callback)")), log.All);
    }

    [TestMethod]
    public async Task AHandEditedLineIsLeftAloneWithCak2112AtItsLine()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        var edited = h.ReadEnvFile().Replace(Before, "VITE_WORKOS_REDIRECT_URI=http://localhost:9000/callback");
        h.WriteEnvFile(edited);
        MovePort(h);

        var log = await h.RunAsync();

        AssertLeftAloneWithCak2112(h, log, edited, "is 'http://localhost:9000/callback', but the configuration gives 'http://localhost:5175/callback'");
    }

    [TestMethod]
    public async Task WithoutARecordADifferingLineIsLeftAloneWithCak2112()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        File.Delete(BuildWritesFile.PathFor(h.AppDirectory)!); // a fresh clone has none
        var before = h.ReadEnvFile();
        MovePort(h);

        var log = await h.RunAsync();

        AssertLeftAloneWithCak2112(h, log, before, "is 'http://localhost:5173/callback', but the configuration gives 'http://localhost:5175/callback'");
    }

    [TestMethod]
    public async Task TheDryRunAndTheStatusShowTheUpdate()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        MovePort(h);

        var (block, _) = await StatusRun.RunAsync(h);
        StringAssert.Contains(block.NextBuild, "write the updated VITE_WORKOS_REDIRECT_URI (was http://localhost:5173/callback, now http://localhost:5175/callback) to .env.local");

        h.Configure = s => s.DryRun = true;
        var dryRun = await h.RunAsync();
        Assert.IsTrue(dryRun.High.Any(line => line.Contains(".env.local: update VITE_WORKOS_REDIRECT_URI (was http://localhost:5173/callback, now http://localhost:5175/callback)")), dryRun.All);
        StringAssert.Contains(h.ReadEnvFile(), Before, "a dry run writes nothing");
    }

    private static void AssertLeftAloneWithCak2112(FlowHarness h, RecordingLogSink log, string envFile, string says)
    {
        Assert.AreEqual(envFile, h.ReadEnvFile(), "the user's line stays");
        var warning = log.Warnings.Single();
        Assert.AreEqual("CAK2112", warning.Code, log.All);
        StringAssert.StartsWith(warning.Text, "VITE_WORKOS_REDIRECT_URI in .env.local (line ");
        StringAssert.Contains(warning.Text, says);
        var line = envFile.Split('\n').ToList().FindIndex(l => l.StartsWith("VITE_WORKOS_REDIRECT_URI=", StringComparison.Ordinal)) + 1;
        Assert.AreEqual(new DiagnosticLocation(h.EnvFilePath, line, 1), log.Locations.Single().Location);
    }

    private static void MovePort(FlowHarness h)
    {
        var convexJson = Path.Combine(h.AppDirectory, "convex.json");
        File.WriteAllText(convexJson, File.ReadAllText(convexJson).Replace("5173", "5175"));
    }

    private static async Task<RecordingLogSink> Forced(FlowHarness h)
    {
        h.Configure = s => s.Force = true;
        try { return await h.RunAsync(); }
        finally { h.Configure = null; }
    }
}
