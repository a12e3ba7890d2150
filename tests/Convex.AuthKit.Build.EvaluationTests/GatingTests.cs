using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.EvaluationTests;

[TestClass]
public sealed class GatingTests
{
    private static Dictionary<string, string> Props(params string[] pairs)
    {
        var result = new Dictionary<string, string>();
        for (var i = 0; i < pairs.Length; i += 2) result[pairs[i]] = pairs[i + 1];
        return result;
    }

    [TestMethod]
    [DataRow("Debug", "", "", "", "true")]
    [DataRow("Release", "", "", "", "false")]
    [DataRow("debug", "", "", "", "true")]
    [DataRow("Debug", "true", "", "", "false")]
    [DataRow("Debug", "", "false", "", "false")]
    [DataRow("Debug", "", "Off", "", "false")]
    [DataRow("Development", "", "", "Debug; Development", "true")]
    [DataRow("Staging", "", "", "Debug;Development", "false")]
    [DataRow("Release", "", "", "Release", "true")]
    public void ShouldRunFollowsConfigurationDesignTimeAndOptOut(string configuration, string designTime, string enabled, string configurations, string expected)
    {
        using var project = new PackageProject();
        var globals = Props("Configuration", configuration);
        if (designTime != "") globals["DesignTimeBuild"] = designTime;
        if (enabled != "") globals["ConvexAuthKitEnabled"] = enabled;
        if (configurations != "") globals["ConvexAuthKitConfigurations"] = configurations;
        Assert.AreEqual(expected, project.PropertyAfter("_ConvexAuthKitGate", "_ConvexAuthKitShouldRun", globals));
    }

    [TestMethod]
    public void TargetHooksPrepareForBuildAndRequiresARealBuild()
    {
        using var project = new PackageProject();
        Assert.AreEqual("PrepareForBuild", project.BeforeTargets("ConvexAuthKitProvision"));
        StringAssert.Contains(project.Condition("ConvexAuthKitProvision"), "'$(BuildingProject)' == 'true'");
        StringAssert.StartsWith(project.DependsOnTargets("ConvexAuthKitProvision"), "_ConvexAuthKitGate;");
        StringAssert.Contains(project.Condition("_ConvexAuthKitCollectInputs"), "'$(_ConvexAuthKitShouldRun)' == 'true'");
        StringAssert.Contains(project.Condition("_ConvexAuthKitProvisionCore"), "'$(_ConvexAuthKitShouldRun)' == 'true'");
    }

    /// <summary>ConvexAuthKitEnabled is a boolean like every other (README.md#properties): false, off or no in any case
    /// turn the package off; anything that is not a boolean is CAK1019 and never provisions.</summary>
    [TestMethod]
    [DataRow("false")]
    [DataRow("OFF")]
    [DataRow("No")]
    public void EveryFalseSpellingTurnsThePackageOff(string enabled)
    {
        using var project = new PackageProject();
        var globals = Props("Configuration", "Debug", "BuildingProject", "true", "ConvexAuthKitEnabled", enabled,
            "ConvexAuthKitTaskAssembly", "/nonexistent/Convex.AuthKit.Build.dll");
        var (succeeded, log) = project.Build("ConvexAuthKitProvision", globals);
        Assert.IsTrue(succeeded, log);
        Assert.IsFalse(log.Contains("CollectConvexAuthKitInputsTask", StringComparison.Ordinal), log);
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("disabled")]
    [DataRow("1")]
    public void AnEnabledThatIsNotABooleanIsCak1019AndNeverProvisions(string enabled)
    {
        using var project = new PackageProject();
        var globals = Props("Configuration", "Debug", "BuildingProject", "true", "ConvexAuthKitEnabled", enabled,
            "ConvexAuthKitTaskAssembly", Path.Combine(AppContext.BaseDirectory, "Convex.AuthKit.Build.dll"));
        var (succeeded, log) = project.Build("ConvexAuthKitProvision", globals);
        Assert.IsFalse(succeeded, log);
        StringAssert.Contains(log, "error CAK1019");
        StringAssert.Contains(log, "ConvexAuthKitEnabled is '" + enabled + "'");
        Assert.IsFalse(log.Contains("Convex app", StringComparison.Ordinal), "nothing past the settings: " + log);
    }

    [TestMethod]
    [DataRow("Debug", "true", "", true)]
    [DataRow("Debug", "false", "", false)]
    [DataRow("Release", "true", "", false)]
    [DataRow("Debug", "true", "true", false)]
    public void TargetRunsOnlyWhenItsConditionHolds(string configuration, string buildingProject, string designTime, bool runs)
    {
        using var project = new PackageProject();
        var globals = Props("Configuration", configuration, "BuildingProject", buildingProject,
            // A task assembly that does not exist: the first inner target starts, then fails to load the task.
            "ConvexAuthKitTaskAssembly", "/nonexistent/Convex.AuthKit.Build.dll");
        if (designTime != "") globals["DesignTimeBuild"] = designTime;
        var (succeeded, log) = project.Build("ConvexAuthKitProvision", globals);
        // Ran: the first inner target tried to load the (missing) task. Skipped: nothing ran, so nothing failed.
        Assert.AreEqual(runs, !succeeded, log);
        Assert.AreEqual(runs, log.Contains("CollectConvexAuthKitInputsTask"), log);
    }

    /// <summary>
    /// IDE builds (docs/architecture.md#gating): Visual Studio's Live Unit Testing builds and Rider's design-time builds
    /// never provision; a normal Rider build does. Each row is the global properties the IDE sets.
    /// </summary>
    [TestMethod]
    [DataRow("BuildingForLiveUnitTesting=true;BuildingProject=true", false, DisplayName = "Live Unit Testing")]
    [DataRow("DesignTimeBuild=true;BuildingProject=false;BuildingByReSharper=true", false, DisplayName = "Rider design-time build")]
    [DataRow("BuildingByReSharper=true;BuildingProject=true", true, DisplayName = "Rider build")]
    public void IdeBuildsProvisionOnlyWhenTheyBuildForTheUser(string ideProperties, bool runs)
    {
        using var project = new PackageProject();
        var globals = Props("Configuration", "Debug", "ConvexAuthKitTaskAssembly", "/nonexistent/Convex.AuthKit.Build.dll");
        foreach (var pair in ideProperties.Split(';')) globals[pair.Split('=')[0]] = pair.Split('=')[1];
        var (succeeded, log) = project.Build("ConvexAuthKitProvision", globals);
        // As above: a run tries to load the (missing) task and fails; a skip runs nothing.
        Assert.AreEqual(runs, !succeeded, log);
        Assert.AreEqual(runs, log.Contains("CollectConvexAuthKitInputsTask"), log);
    }

    [TestMethod]
    public void OuterBuildOfAMultiTargetedProjectHasTheTargetsButNeverPrepareForBuild()
    {
        using var project = new PackageProject(targetFramework: "<TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>");
        Assert.AreEqual("PrepareForBuild", project.BeforeTargets("ConvexAuthKitProvision"));
    }
}
