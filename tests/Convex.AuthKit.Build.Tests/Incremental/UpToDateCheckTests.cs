using Convex.AuthKit.Build.Incremental;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Incremental;

/// <summary>
/// docs/architecture.md#incremental-rules: the inputs task skips the provisioning exactly where Inputs/Outputs would:
/// the stamp exists and no input is newer than it; a missing input runs it too.
/// </summary>
[TestClass]
public sealed class UpToDateCheckTests
{
    private static readonly DateTime StampTime = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private string _root = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _root = Path.Combine(Path.GetTempPath(), "convex-authkit-uptodate-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(_root);
    }

    [TestCleanup]
    public void Delete() => Directory.Delete(_root, recursive: true);

    private string File(string name, DateTime time)
    {
        var path = Path.Combine(_root, name);
        System.IO.File.WriteAllText(path, name);
        System.IO.File.SetLastWriteTimeUtc(path, time);
        return path;
    }

    [TestMethod]
    public void NothingNewerThanTheStampIsUpToDate_AnEqualTimeIncluded()
    {
        var stamp = File("stamp", StampTime);
        var inputs = new[] { File("a", StampTime.AddHours(-1)), File("b", StampTime) };
        Assert.IsNull(UpToDateCheck.WhyOutOfDate(stamp, inputs));
        Assert.IsNull(UpToDateCheck.WhyOutOfDate(stamp, Array.Empty<string>()));
    }

    [TestMethod]
    public void AnInputNewerThanTheStampIsNamed()
    {
        var stamp = File("stamp", StampTime);
        var newer = File("b", StampTime.AddTicks(1));
        Assert.AreEqual(newer + " is newer than the stamp", UpToDateCheck.WhyOutOfDate(stamp, new[] { File("a", StampTime.AddDays(-1)), newer }));
    }

    [TestMethod]
    public void AMissingInputOrStampRunsTheProvisioning()
    {
        var stamp = File("stamp", StampTime);
        var gone = Path.Combine(_root, "gone");
        Assert.AreEqual(gone + " no longer exists", UpToDateCheck.WhyOutOfDate(stamp, new[] { gone }));
        StringAssert.Contains(UpToDateCheck.WhyOutOfDate(Path.Combine(_root, "no-stamp"), Array.Empty<string>()), "there is no stamp");
    }

    [TestMethod]
    public void TheTimedInputsAreTheExistingFilesTheInputsFileTheListedFoldersAndTheTaskAssembly()
    {
        var location = new Convex.AuthKit.Build.Config.ConvexAppLocation("/app", "the project folder", new[] { "/app/convex.json" }, new[] { "/app/convex" }, null);
        var inputs = new CollectedInputs(location, "", "", new[] { "/app/convex.json", "/app/.env.local" }, Array.Empty<CheckedPath>(), Array.Empty<RecordedVariable>());
        CollectionAssert.AreEqual(
            new[] { "/app/convex.json", "/app/.env.local", "/app/obj/App.ConvexAuthKit.inputs", "/app/convex", typeof(CollectConvexAuthKitInputsTask).Assembly.Location },
            CollectConvexAuthKitInputsTask.TimedInputs(inputs, "/app/obj/App.ConvexAuthKit.inputs"),
            "a rebuilt package of the same version runs the provisioning again, and so does a file added to the convex/ folder that located the app");
        CollectionAssert.AreEqual(
            new[] { "/app/convex.json", "/app/.env.local", "/app/convex", typeof(CollectConvexAuthKitInputsTask).Assembly.Location },
            inputs.TimedFiles(), "MSBuild's check compares the same files, but the inputs file");
    }
}
