using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.EvaluationTests;

/// <summary>
/// A setting counts wherever a repository sets it (README.md#properties): the project file, Directory.Build.props,
/// Directory.Build.targets (imported after the package's .targets) or the command line. The package is imported as
/// NuGet imports it, so the order of imports is the real one.
/// </summary>
[TestClass]
public sealed class SettingPlacesTests
{
    /// <summary>Where a setting is written: the project body, a file beside the project, or a global property.</summary>
    private static PackageProject ProjectWith(string place, string name, string value, Dictionary<string, string> globals)
    {
        var group = $"<PropertyGroup><{name}>{value}</{name}></PropertyGroup>";
        switch (place)
        {
            case "project":
                return new PackageProject(group, new Dictionary<string, string> { ["Directory.Build.props"] = "<Project />" });
            case "command line":
                globals[name] = value;
                return new PackageProject("", new Dictionary<string, string> { ["Directory.Build.props"] = "<Project />" });
            default:
                return new PackageProject("", new Dictionary<string, string> { [place] = "<Project>" + group + "</Project>" });
        }
    }

    private static Dictionary<string, string> DebugBuild() => new()
    {
        ["Configuration"] = "Debug",
        ["BuildingProject"] = "true",
        // A task assembly that does not exist: a run fails to load the first task; a skip runs nothing.
        ["ConvexAuthKitTaskAssembly"] = "/nonexistent/Convex.AuthKit.Build.dll",
    };

    private static void AssertProvisioningRuns(bool runs, string place, string name, string value)
    {
        var globals = DebugBuild();
        using var project = ProjectWith(place, name, value, globals);
        var (succeeded, log) = project.Build("ConvexAuthKitProvision", globals);
        Assert.AreEqual(runs, !succeeded, place + ": " + log);
        Assert.AreEqual(runs, log.Contains("CollectConvexAuthKitInputsTask", StringComparison.Ordinal), place + ": " + log);
    }

    [TestMethod]
    [DataRow("project")]
    [DataRow("Directory.Build.props")]
    [DataRow("Directory.Build.targets")]
    [DataRow("command line")]
    public void EnabledFalseTurnsTheProvisioningOffWhereverItIsSet(string place) =>
        AssertProvisioningRuns(false, place, "ConvexAuthKitEnabled", "false");

    [TestMethod]
    [DataRow("project")]
    [DataRow("Directory.Build.props")]
    [DataRow("Directory.Build.targets")]
    [DataRow("command line")]
    public void ConfigurationsDecideWhereverTheyAreSet(string place) =>
        AssertProvisioningRuns(false, place, "ConvexAuthKitConfigurations", "Release");

    [TestMethod]
    [DataRow("Directory.Build.targets")]
    [DataRow("command line")]
    public void ConfigurationsSetLateStillEnableTheirConfiguration(string place)
    {
        var globals = DebugBuild();
        globals["Configuration"] = "Development";
        using var project = ProjectWith(place, "ConvexAuthKitConfigurations", "Debug;Development", globals);
        var (succeeded, log) = project.Build("ConvexAuthKitProvision", globals);
        Assert.IsFalse(succeeded, log);
        StringAssert.Contains(log, "CollectConvexAuthKitInputsTask");
    }

    /// <summary>Force and DryRun point Visual Studio's up-to-date output at a file never written, so F5 always builds.</summary>
    [TestMethod]
    [DataRow("project", "ConvexAuthKitForce")]
    [DataRow("Directory.Build.props", "ConvexAuthKitForce")]
    [DataRow("Directory.Build.targets", "ConvexAuthKitForce")]
    [DataRow("command line", "ConvexAuthKitForce")]
    [DataRow("Directory.Build.targets", "ConvexAuthKitDryRun")]
    public void ForceAndDryRunBypassTheUpToDateCheckWhereverTheyAreSet(string place, string name)
    {
        var globals = new Dictionary<string, string> { ["Configuration"] = "Debug" };
        using var project = ProjectWith(place, name, "true", globals);
        var output = project.PropertyAfter("_ConvexAuthKitGate", "_ConvexAuthKitUpToDateOutput", globals);
        StringAssert.EndsWith(output.Replace('\\', '/'), "/ConvexAuthKit.never-written", place);
    }
}
