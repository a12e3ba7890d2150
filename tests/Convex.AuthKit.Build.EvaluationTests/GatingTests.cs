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
        Assert.AreEqual(expected, project.Property("_ConvexAuthKitShouldRun", globals));
    }

    [TestMethod]
    public void TargetHooksPrepareForBuildAndRequiresARealBuild()
    {
        using var project = new PackageProject();
        Assert.AreEqual("PrepareForBuild", project.BeforeTargets("ConvexAuthKitProvision"));
        StringAssert.Contains(project.Condition("ConvexAuthKitProvision"), "'$(BuildingProject)' == 'true'");
        StringAssert.Contains(project.Condition("ConvexAuthKitProvision"), "'$(_ConvexAuthKitShouldRun)' == 'true'");
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

    [TestMethod]
    public void UpToDateCheckSeesTheConvexInputs()
    {
        using var project = new PackageProject();
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project.ProjectPath)!, "convex.json"), "{}");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project.ProjectPath)!, ".env.local"), "A=1\n");
        var inputs = project.ItemsAfter("_ConvexAuthKitUpToDateCheckInputs", "UpToDateCheckInput", Props("Configuration", "Debug"));
        Assert.IsFalse(inputs.Any(i => i.Replace('\\', '/').EndsWith("/package.json", StringComparison.Ordinal)), "only existing files: " + string.Join("\n", inputs));
        Assert.IsTrue(inputs.Any(i => i.Replace('\\', '/').EndsWith("/convex.json", StringComparison.Ordinal)), string.Join("\n", inputs));
        Assert.IsTrue(inputs.Any(i => i.Replace('\\', '/').EndsWith("/.env.local", StringComparison.Ordinal)), string.Join("\n", inputs));
    }

    [TestMethod]
    public void OuterBuildOfAMultiTargetedProjectHasTheTargetsButNeverPrepareForBuild()
    {
        using var project = new PackageProject(targetFramework: "<TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>");
        Assert.AreEqual("PrepareForBuild", project.BeforeTargets("ConvexAuthKitProvision"));
    }
}
