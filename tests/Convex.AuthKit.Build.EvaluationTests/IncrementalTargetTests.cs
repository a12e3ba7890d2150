using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.EvaluationTests;

/// <summary>
/// docs/architecture.md#incremental-rules as the .targets run them, with the real tasks built from this repository:
/// a check that finds the project up to date writes the generated file in obj/, and while nothing changes MSBuild
/// itself skips the work, so no task of the package runs; every kind of change brings the inputs task back.
/// IncrementalBuildTests watches the same through `dotnet build`.
/// </summary>
[TestClass]
public sealed class IncrementalTargetTests
{
    private const string InputsTask = "Task \"CollectConvexAuthKitInputsTask\"";
    private const string ProvisionTask = "Task \"ProvisionAuthKitTask\"";

    private sealed class App : IDisposable
    {
        private static readonly string[] Touched = { "HOME", "USERPROFILE", "CONVEX_DEPLOYMENT", "CONVEX_DEPLOY_KEY" };
        private readonly Dictionary<string, string?> _previous = Touched.ToDictionary(name => name, Environment.GetEnvironmentVariable);

        public App(PackageProject? project = null)
        {
            Project = project ?? new PackageProject();
            Directory = Path.GetDirectoryName(Project.ProjectPath)!;
            Home = Path.Combine(Directory, "home");
            System.IO.Directory.CreateDirectory(Home);
            // The token file's place is an input: a folder of the test's own, not the machine's.
            Environment.SetEnvironmentVariable("HOME", Home);
            Environment.SetEnvironmentVariable("USERPROFILE", Home);
            Environment.SetEnvironmentVariable("CONVEX_DEPLOYMENT", null);
            Environment.SetEnvironmentVariable("CONVEX_DEPLOY_KEY", null);
            File.WriteAllText(Path.Combine(Directory, "convex.json"), "{}\n");
            File.WriteAllText(Path.Combine(Directory, ".env.local"), "CONVEX_DEPLOYMENT=dev:happy-otter-123\n");
        }

        public PackageProject Project { get; }
        public string Directory { get; }
        public string Home { get; }
        public string Generated => Path.Combine(Directory, "obj", "Consumer.ConvexAuthKit.g.targets");
        public string Stamp => Path.Combine(Directory, "obj", "Consumer.ConvexAuthKit.stamp");

        public static Dictionary<string, string> Globals(params (string Name, string Value)[] extra)
        {
            var globals = new Dictionary<string, string>
            {
                ["Configuration"] = "Debug",
                ["BuildingProject"] = "true",
                ["ConvexAuthKitTaskAssembly"] = Path.Combine(AppContext.BaseDirectory, "Convex.AuthKit.Build.dll"),
            };
            foreach (var (name, value) in extra) globals[name] = value;
            return globals;
        }

        /// <summary>ConvexAuthKitProvision, as a build runs it; its detailed log.</summary>
        public string Build(params (string Name, string Value)[] extra)
        {
            var (succeeded, log) = Project.Build("ConvexAuthKitProvision", Globals(extra));
            Assert.IsTrue(succeeded, log);
            return log;
        }

        /// <summary>A first build: nothing was recorded, so the tasks check (the app wants no AuthKit: no request) and record it.</summary>
        public void Checked()
        {
            AssertTheTasksRan(Build(), "the first build");
            Assert.IsTrue(File.Exists(Generated), "the check that found the project up to date wrote the generated file");
        }

        public void Dispose()
        {
            foreach (var (name, value) in _previous) Environment.SetEnvironmentVariable(name, value);
            Project.Dispose();
        }
    }

    private static void AssertNoTaskRan(string log, string why)
    {
        Assert.IsFalse(log.Contains(InputsTask, StringComparison.Ordinal), why + ": the inputs task does not run\n" + log);
        Assert.IsFalse(log.Contains(ProvisionTask, StringComparison.Ordinal), why + ": the provisioning task does not run\n" + log);
    }

    private static void AssertTheTasksRan(string log, string why) =>
        Assert.IsTrue(log.Contains(InputsTask, StringComparison.Ordinal), why + ": the inputs task checks\n" + log);

    [TestMethod]
    public void AnUnchangedProjectRunsNoTaskOfThePackage_AndGetsTheRecordedItems()
    {
        using var app = new App();
        app.Checked();
        AssertNoTaskRan(app.Build(), "unchanged");

        // The items the last run recorded, in the generated file written by the inputs task when it finds the project
        // up to date (here: the first build of a package version that had no generated file).
        File.WriteAllText(Path.Combine(app.Directory, "obj", "Consumer.ConvexAuthKit.items"), "VITE_WORKOS_CLIENT_ID=client_1\nVITE_ODD=a'b;$(c)@d%3B*?é\n");
        File.Delete(app.Generated);
        var recording = app.Build();
        AssertTheTasksRan(recording, "no generated file");
        Assert.IsFalse(recording.Contains(ProvisionTask, StringComparison.Ordinal), "the inputs task found it up to date\n" + recording);

        AssertNoTaskRan(app.Build(), "unchanged");
        var items = app.Project.ItemsAfter("ConvexAuthKitProvision", "ConvexAuthKitEnvironmentVariable", "Value", App.Globals());
        CollectionAssert.AreEqual(new[] { ("VITE_WORKOS_CLIENT_ID", "client_1"), ("VITE_ODD", "a'b;$(c)@d%3B*?é") }, items.ToList());
    }

    [TestMethod]
    public void WithoutAStampTheTasksRun()
    {
        using var app = new App();
        app.Checked();
        File.Delete(app.Stamp);
        AssertTheTasksRan(app.Build(), "no stamp");
    }

    [TestMethod]
    public void AnInputFileNewerThanTheStampRunsTheInputsTask_WhichRecordsItAgain()
    {
        using var app = new App();
        app.Checked();
        File.SetLastWriteTimeUtc(app.Stamp, DateTime.UtcNow.AddMinutes(-1));
        File.SetLastWriteTimeUtc(Path.Combine(app.Directory, ".env.local"), DateTime.UtcNow);
        var touched = app.Build();
        AssertTheTasksRan(touched, "an input file newer than the stamp");
        StringAssert.Contains(touched, ProvisionTask, "the provisioning re-checks the contents under the lock and refreshes the stamp");
        AssertNoTaskRan(app.Build(), "after the refresh");
    }

    [TestMethod]
    public void AFilePutBackWithAnOlderTimeRunsTheInputsTask()
    {
        // A copy restored from elsewhere (an archive, `cp -p`) keeps its older time: MSBuild's "newer than the
        // output" rule would miss it; the recorded time does not.
        using var app = new App();
        app.Checked();
        File.SetLastWriteTimeUtc(Path.Combine(app.Directory, ".env.local"), DateTime.UtcNow.AddDays(-30));
        AssertTheTasksRan(app.Build(), "an input file with another time");
        AssertNoTaskRan(app.Build(), "recorded again");
    }

    [TestMethod]
    public void AFileCreatedWhereACandidateWasTriedRunsTheInputsTask()
    {
        using var app = new App();
        app.Checked();
        File.WriteAllText(Path.Combine(app.Directory, "vite.config.ts"), "export default {}\n");
        AssertTheTasksRan(app.Build(), "vite.config.ts created");

        var tokenFolder = Path.Combine(app.Home, ".convex");
        System.IO.Directory.CreateDirectory(tokenFolder);
        File.WriteAllText(Path.Combine(tokenFolder, "config.json"), "{}\n");
        AssertTheTasksRan(app.Build(), "the token file created (a login)");
    }

    [TestMethod]
    public void AFileAddedToTheConvexFolderThatLocatedTheAppRunsTheInputsTask()
    {
        using var app = new App();
        File.Delete(Path.Combine(app.Directory, "convex.json"));
        var functions = Path.Combine(app.Directory, "convex");
        System.IO.Directory.CreateDirectory(functions);
        File.WriteAllText(Path.Combine(functions, "notes.md"), "no source file yet\n");
        System.IO.Directory.SetLastWriteTimeUtc(functions, DateTime.UtcNow.AddMinutes(-1));
        app.Checked();

        // The folder's files decide whether it holds the app; its time changes when one is added.
        File.WriteAllText(Path.Combine(functions, "tasks.ts"), "export {};\n");
        System.IO.Directory.SetLastWriteTimeUtc(functions, DateTime.UtcNow.AddMinutes(1));
        AssertTheTasksRan(app.Build(), "a source file added to convex/");
    }

    [TestMethod]
    public void AVariableSetOrChangedRunsTheInputsTask()
    {
        using var app = new App();
        Environment.SetEnvironmentVariable("CONVEX_DEPLOYMENT", "dev:happy-otter-123");
        app.Checked();
        AssertNoTaskRan(app.Build(), "unchanged");

        Environment.SetEnvironmentVariable("CONVEX_DEPLOYMENT", "dev:other-otter-456");
        AssertTheTasksRan(app.Build(), "a public variable changed");
        AssertNoTaskRan(app.Build(), "recorded again");

        Environment.SetEnvironmentVariable("CONVEX_DEPLOYMENT", "dev:Other-otter-456");
        AssertTheTasksRan(app.Build(), "a public variable changed in case only (MSBuild's == ignores case)");
        AssertNoTaskRan(app.Build(), "recorded again");

        Environment.SetEnvironmentVariable("CONVEX_DEPLOYMENT", null);
        AssertTheTasksRan(app.Build(), "a public variable unset");
        AssertNoTaskRan(app.Build(), "recorded again");
    }

    [TestMethod]
    public void WhileASecretVariableIsSetTheInputsTaskChecks_AndNothingOfItIsRecorded()
    {
        using var app = new App();
        app.Checked();
        const string deployKey = "dev:happy-otter-123|secret-part-of-the-key";
        Environment.SetEnvironmentVariable("CONVEX_DEPLOY_KEY", deployKey);
        AssertTheTasksRan(app.Build(), "a secret variable set");
        Assert.IsFalse(File.Exists(app.Generated), "nothing recorded while a secret variable takes part");
        AssertTheTasksRan(app.Build(), "still set");

        Environment.SetEnvironmentVariable("CONVEX_DEPLOY_KEY", null);
        AssertTheTasksRan(app.Build(), "unset again: recorded again");
        Assert.IsTrue(File.Exists(app.Generated));
        Assert.IsFalse(File.ReadAllText(app.Generated).Contains("secret-part", StringComparison.Ordinal));
        AssertNoTaskRan(app.Build(), "unchanged");
    }

    [TestMethod]
    public void ASettingChangedRunsTheInputsTask()
    {
        using var app = new App();
        app.Checked();
        AssertTheTasksRan(app.Build(("ConvexAuthKitDevOrigin", "http://localhost:3000")), "a setting changed");
        AssertNoTaskRan(app.Build(("ConvexAuthKitDevOrigin", "http://localhost:3000")), "recorded again");
        AssertTheTasksRan(app.Build(("ConvexAuthKitEnvFile", ".ENV.local")), "a setting changed in case only: another file on Linux");
        AssertTheTasksRan(app.Build(), "changed back");
    }

    [TestMethod]
    [DataRow("ConvexAuthKitForce")]
    [DataRow("ConvexAuthKitDryRun")]
    public void ForceAndDryRunBypassTheRecord(string property)
    {
        using var app = new App();
        app.Checked();
        StringAssert.Contains(app.Build((property, "true")), ProvisionTask);
        AssertTheTasksRan(app.Build(), "after " + property + ": the generated file was not written for it");
    }

    [TestMethod]
    public void AnotherTaskAssemblyIsAnotherPackageVersion()
    {
        using var app = new App();
        app.Checked();
        var otherVersion = App.Globals(("ConvexAuthKitTaskAssembly", Path.Combine(app.Directory, "packages", "convex.authkit.build", "9.9.9", "Convex.AuthKit.Build.dll")));
        Assert.AreEqual("", app.Project.PropertyAfter("_ConvexAuthKitGate;_ConvexAuthKitRecordedState", "_ConvexAuthKitUnchangedSinceStamp", otherVersion),
            "the record names the task assembly that made it");
        Assert.AreEqual("true", app.Project.PropertyAfter("_ConvexAuthKitGate;_ConvexAuthKitRecordedState", "_ConvexAuthKitUnchangedSinceStamp", App.Globals()));
    }

    [TestMethod]
    public void ASettingSetInDirectoryBuildTargetsIsComparedAsTheBuildSeesIt()
    {
        // Directory.Build.targets is imported after the package's .targets: the record must be compared when the
        // target runs, or it would see the setting's earlier value and never hold.
        var project = new PackageProject("", new Dictionary<string, string>
        {
            ["Directory.Build.targets"] = "<Project><PropertyGroup><ConvexAuthKitDevOrigin>http://localhost:4000</ConvexAuthKitDevOrigin></PropertyGroup></Project>",
        });
        using var app = new App(project);
        app.Checked();
        AssertNoTaskRan(app.Build(), "unchanged");
    }

    [TestMethod]
    public void AwkwardPathsAndValuesAreRecordedExactly()
    {
        using var app = new App(PackageProject.InFolder(" a b'c (d) $e @f ;g %41 é"));
        Environment.SetEnvironmentVariable("CONVEX_DEPLOYMENT", "dev:o'k;$(x)%3B*?é`\"<&>");
        var origin = ("ConvexAuthKitDevOrigin", "http://localhost:5173/a'b;$(c)%3B*?é`\"<&>");
        var (succeeded, first) = app.Project.Build("ConvexAuthKitProvision", App.Globals(origin));
        Assert.IsTrue(succeeded, first);
        Assert.IsTrue(File.Exists(app.Generated), first);

        AssertNoTaskRan(app.Build(origin), "unchanged, awkward characters and all");
        AssertTheTasksRan(app.Build(("ConvexAuthKitDevOrigin", "http://localhost:5173/a'b;$(c)%3B*?e`\"<&>")), "é is not e");
    }
}
