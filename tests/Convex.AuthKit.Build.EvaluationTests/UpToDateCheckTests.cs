using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.EvaluationTests;

/// <summary>
/// Visual Studio's fast up-to-date check (docs/architecture.md#gating): VS collects UpToDateCheckInput and
/// UpToDateCheckOutput items in a design-time build through two targets it defines itself (the SDK does not), so the
/// test project defines stand-ins with their names and runs them as VS does. The real inputs task, built from this
/// repository, lists the files.
/// </summary>
[TestClass]
public sealed class UpToDateCheckTests
{
    private const string StandIns = """
        <Target Name="CollectUpToDateCheckInputDesignTime" Returns="@(UpToDateCheckInput)" />
        <Target Name="CollectUpToDateCheckOutputDesignTime" Returns="@(UpToDateCheckOutput)" />
        """;

    private const string Collect = "CollectUpToDateCheckInputDesignTime;CollectUpToDateCheckOutputDesignTime";

    /// <summary>A Vite app beside the project: its port in vite.config.ts, the auth config's WorkOS trigger, a
    /// logged-in user's token file under a home folder of its own.</summary>
    internal static List<string> WriteViteApp(string appDirectory, string home)
    {
        Directory.CreateDirectory(Path.Combine(appDirectory, "convex"));
        Directory.CreateDirectory(Path.Combine(home, ".convex"));
        var files = new Dictionary<string, string>
        {
            [Path.Combine(appDirectory, "package.json")] = """{ "dependencies": { "@workos-inc/authkit-react": "^0.11.0", "convex": "^1.48.0" }, "devDependencies": { "vite": "^7.0.0" } }""",
            [Path.Combine(appDirectory, "vite.config.ts")] = "export default { server: { port: 5174 } };\n",
            [Path.Combine(appDirectory, "convex.json")] = "{}\n",
            [Path.Combine(appDirectory, "convex", "auth.config.ts")] = "export default { providers: [{ type: \"customJwt\", applicationID: process.env.WORKOS_CLIENT_ID }] };\n",
            [Path.Combine(appDirectory, ".env.local")] = "CONVEX_DEPLOYMENT=dev:happy-otter-123\n",
            [Path.Combine(appDirectory, ".env")] = "A=1\n",
            [Path.Combine(home, ".convex", "config.json")] = """{ "accessToken": "not-a-real-token" }""",
        };
        foreach (var file in files) File.WriteAllText(file.Key, file.Value);
        return files.Keys.Select(Path.GetFullPath).ToList();
    }

    private static (IReadOnlyList<(string Include, string Set)> Inputs, IReadOnlyList<(string Include, string Set)> Outputs) CollectAsVisualStudio(
        PackageProject project, string configuration, string home)
    {
        var globals = new Dictionary<string, string>
        {
            ["Configuration"] = configuration,
            ["DesignTimeBuild"] = "true",
            ["BuildingProject"] = "false",
            ["ConvexAuthKitTaskAssembly"] = Path.Combine(AppContext.BaseDirectory, "Convex.AuthKit.Build.dll"),
        };
        return WithHome(home, () => (project.ItemsAfter(Collect, "UpToDateCheckInput", "Set", globals),
            project.ItemsAfter(Collect, "UpToDateCheckOutput", "Set", globals)));
    }

    /// <summary>Runs <paramref name="run"/> with the home folder (where the Convex CLI's login file is) set to <paramref name="home"/>.</summary>
    internal static T WithHome<T>(string home, Func<T> run)
    {
        var previousHome = Environment.GetEnvironmentVariable("HOME");
        var previousProfile = Environment.GetEnvironmentVariable("USERPROFILE");
        try
        {
            Environment.SetEnvironmentVariable("HOME", home);
            Environment.SetEnvironmentVariable("USERPROFILE", home);
            return run();
        }
        finally
        {
            Environment.SetEnvironmentVariable("HOME", previousHome);
            Environment.SetEnvironmentVariable("USERPROFILE", previousProfile);
        }
    }

    private static string Normalize(string path) => Path.GetFullPath(path.Trim());

    [TestMethod]
    public void EveryFileTheProvisioningReadsIsAnInputOfItsOwnSetWithTheStampAsOutput()
    {
        using var project = new PackageProject(StandIns);
        var appDirectory = Path.GetDirectoryName(project.ProjectPath)!;
        var home = Path.Combine(appDirectory, "home");
        var read = WriteViteApp(appDirectory, home);

        var (inputs, outputs) = CollectAsVisualStudio(project, "Debug", home);
        var listing = "inputs:\n" + string.Join("\n", inputs) + "\noutputs:\n" + string.Join("\n", outputs);

        foreach (var file in read)
            Assert.IsTrue(inputs.Any(i => Normalize(i.Include) == file && i.Set == "ConvexAuthKit"), file + " is an input of the ConvexAuthKit set\n" + listing);
        foreach (var input in inputs.Where(i => i.Set == "ConvexAuthKit"))
            Assert.IsTrue(File.Exists(input.Include), "a missing input keeps Visual Studio building for ever: " + input.Include + "\n" + listing);
        Assert.IsFalse(inputs.Any(i => i.Set != "ConvexAuthKit" && read.Contains(Normalize(i.Include))), "no read file in the default set\n" + listing);

        var stamp = Path.Combine(appDirectory, "obj", "Consumer.ConvexAuthKit.stamp");
        Assert.AreEqual(1, outputs.Count(o => o.Set == "ConvexAuthKit"), listing);
        Assert.AreEqual(Normalize(stamp), Normalize(outputs.Single(o => o.Set == "ConvexAuthKit").Include), listing);
    }

    [TestMethod]
    public void TheDesignTimeListWritesNothing()
    {
        using var project = new PackageProject(StandIns);
        var appDirectory = Path.GetDirectoryName(project.ProjectPath)!;
        var home = Path.Combine(appDirectory, "home");
        WriteViteApp(appDirectory, home);
        var before = Directory.GetFiles(appDirectory, "*", SearchOption.AllDirectories).ToHashSet();

        CollectAsVisualStudio(project, "Debug", home);

        var written = Directory.GetFiles(appDirectory, "*", SearchOption.AllDirectories).Where(f => !before.Contains(f)).ToList();
        Assert.AreEqual(0, written.Count, string.Join("\n", written));
    }

    [TestMethod]
    [DataRow("Release", "")]
    [DataRow("Debug", "false")]
    public void NothingIsDeclaredWhereTheProvisioningNeverRuns(string configuration, string enabled)
    {
        using var project = new PackageProject(StandIns + (enabled == "" ? "" : $"<PropertyGroup><ConvexAuthKitEnabled>{enabled}</ConvexAuthKitEnabled></PropertyGroup>"));
        var appDirectory = Path.GetDirectoryName(project.ProjectPath)!;
        var home = Path.Combine(appDirectory, "home");
        var read = WriteViteApp(appDirectory, home);

        var (inputs, outputs) = CollectAsVisualStudio(project, configuration, home);

        Assert.IsFalse(inputs.Any(i => i.Set == "ConvexAuthKit"), string.Join("\n", inputs));
        Assert.IsFalse(outputs.Any(o => o.Set == "ConvexAuthKit"), string.Join("\n", outputs));
        Assert.IsFalse(inputs.Any(i => read.Contains(Normalize(i.Include))), "no read file in any set\n" + string.Join("\n", inputs));
    }
}
