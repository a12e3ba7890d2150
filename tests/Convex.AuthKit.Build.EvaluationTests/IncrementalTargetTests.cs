using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.EvaluationTests;

/// <summary>
/// docs/architecture.md#incremental-rules as the .targets run them, with the real inputs task built from this
/// repository: the inputs task decides whether anything changed since the stamp, and on an unchanged project it is
/// the package's only task (the provisioning target's condition is false and it declares no Inputs/Outputs of its
/// own, so MSBuild neither runs it nor re-checks the files). IncrementalBuildTests watches the same through
/// `dotnet build`.
/// </summary>
[TestClass]
public sealed class IncrementalTargetTests
{
    /// <summary>The inputs target, after the gate it depends on in ConvexAuthKitProvision.</summary>
    private const string Collect = "_ConvexAuthKitGate;_ConvexAuthKitCollectInputs";

    private sealed class App : IDisposable
    {
        private readonly string? _previousHome = Environment.GetEnvironmentVariable("HOME");
        private readonly string? _previousProfile = Environment.GetEnvironmentVariable("USERPROFILE");

        public App()
        {
            Project = new PackageProject();
            Directory = Path.GetDirectoryName(Project.ProjectPath)!;
            var home = Path.Combine(Directory, "home");
            System.IO.Directory.CreateDirectory(home);
            // The token file's place is an input: a folder of the test's own, not the machine's.
            Environment.SetEnvironmentVariable("HOME", home);
            Environment.SetEnvironmentVariable("USERPROFILE", home);
            File.WriteAllText(Path.Combine(Directory, "convex.json"), "{}\n");
            File.WriteAllText(Path.Combine(Directory, ".env.local"), "CONVEX_DEPLOYMENT=dev:happy-otter-123\n");
        }

        public PackageProject Project { get; }
        public string Directory { get; }
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

        /// <summary>The inputs task's decision, as the .targets read it (MSBuild conditions ignore case: a bool output reads "True").</summary>
        public string UpToDate(params (string Name, string Value)[] extra) =>
            Project.PropertyAfter(Collect, "_ConvexAuthKitUpToDate", Globals(extra)).ToLowerInvariant();

        /// <summary>What a successful run leaves: the items it recorded and a stamp newer than every input.</summary>
        public void RecordSuccess()
        {
            File.WriteAllText(Path.Combine(Directory, "obj", "Consumer.ConvexAuthKit.items"), "VITE_WORKOS_CLIENT_ID=client_1\n");
            File.WriteAllText(Stamp, "fingerprint=recorded\n");
            File.SetLastWriteTimeUtc(Stamp, DateTime.UtcNow.AddMinutes(1));
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable("HOME", _previousHome);
            Environment.SetEnvironmentVariable("USERPROFILE", _previousProfile);
            Project.Dispose();
        }
    }

    [TestMethod]
    public void WithoutAStampTheProvisioningRuns()
    {
        using var app = new App();
        Assert.AreEqual("false", app.UpToDate());
    }

    [TestMethod]
    public void AnUnchangedProjectRunsOnlyTheInputsTask_AndGetsTheRecordedItems()
    {
        using var app = new App();
        app.UpToDate(); // the first build writes the inputs file
        app.RecordSuccess();

        Assert.AreEqual("true", app.UpToDate());
        var items = app.Project.ItemsAfter(Collect, "ConvexAuthKitEnvironmentVariable", "Value", App.Globals());
        CollectionAssert.AreEqual(new[] { ("VITE_WORKOS_CLIENT_ID", "client_1") }, items.ToList());

        var (succeeded, log) = app.Project.Build("ConvexAuthKitProvision", App.Globals());
        Assert.IsTrue(succeeded, log);
        StringAssert.Contains(log, "Task \"CollectConvexAuthKitInputsTask\"", log);
        Assert.IsFalse(log.Contains("Task \"ProvisionAuthKitTask\"", StringComparison.Ordinal), "the provisioning task does not run\n" + log);
    }

    [TestMethod]
    public void AnInputNewerThanTheStampRunsTheProvisioning()
    {
        using var app = new App();
        app.UpToDate();
        app.RecordSuccess();
        Assert.AreEqual("true", app.UpToDate());

        File.SetLastWriteTimeUtc(Path.Combine(app.Directory, ".env.local"), DateTime.UtcNow.AddMinutes(2));
        Assert.AreEqual("false", app.UpToDate());
    }

    [TestMethod]
    public void ANonFileInputChangeRunsTheProvisioning()
    {
        using var app = new App();
        app.UpToDate();
        app.RecordSuccess();
        Assert.AreEqual("true", app.UpToDate());

        // Every file is older than the stamp: only the fingerprint says what changed.
        Assert.AreEqual("false", app.UpToDate(("ConvexAuthKitDevOrigin", "http://localhost:3000")));
        Assert.AreEqual("false", app.UpToDate(), "and changing it back is a change too");
    }

    [TestMethod]
    [DataRow("ConvexAuthKitForce")]
    [DataRow("ConvexAuthKitDryRun")]
    public void ForceAndDryRunBypassTheStamp(string property)
    {
        using var app = new App();
        app.UpToDate();
        app.RecordSuccess();
        Assert.AreEqual("true", app.UpToDate());
        Assert.AreEqual("false", app.UpToDate((property, "true")));
    }

    [TestMethod]
    public void TheProvisioningTargetLeavesTheDecisionToTheInputsTask()
    {
        using var app = new App();
        Assert.AreEqual(0, PackageEvaluation.IncrementalDependencies(app.Project, "ConvexAuthKitProvision").Count,
            "no target of the provisioning declares Outputs: MSBuild would check the files a second time");
        var core = PackageEvaluation.Target(app.Project, "_ConvexAuthKitProvisionCore");
        Assert.AreEqual("'' == 'true' and '' != 'true'", core.Condition.Trim(), "expanded before the gate and the inputs task set _ConvexAuthKitShouldRun and _ConvexAuthKitUpToDate");
    }
}
