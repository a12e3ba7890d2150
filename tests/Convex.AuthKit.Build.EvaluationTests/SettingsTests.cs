using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.EvaluationTests;

/// <summary>
/// docs/architecture.md#settings: a setting is its default in the .props, its item in _ConvexAuthKitSettings and its
/// README row; every task receives every setting. The tasks' side (the table MSBuildSetting.All, the fingerprint) has
/// its own tests; here the real tasks run against the items, and refuse a name the table does not know or lacks.
/// </summary>
[TestClass]
public sealed class SettingsTests
{
    /// <summary>Properties the tasks read that the package does not define: the SPA templates' and the SDK's own.</summary>
    private static readonly string[] ReadFromTheSpaTemplatesAndTheSdk = { "SpaRoot", "SpaProxyServerUrl", "ContinuousIntegrationBuild" };

    private static readonly (string Target, string Task)[] Tasks =
    {
        ("_ConvexAuthKitCollectInputs", "CollectConvexAuthKitInputsTask"),
        ("_ConvexAuthKitProvisionCore", "ProvisionAuthKitTask"),
        ("ConvexAuthKitStatus", "ConvexAuthKitStatusTask"),
    };

    private static List<string> Settings(PackageProject project) =>
        project.PropertiesOfThePackageProps().Concat(ReadFromTheSpaTemplatesAndTheSdk).ToList();

    [TestMethod]
    public void ThePropsDefinesTheSettings()
    {
        using var project = new PackageProject();
        var defined = project.PropertiesOfThePackageProps();
        Assert.IsTrue(defined.Count >= 12, string.Join(", ", defined));
        Assert.IsTrue(defined.All(name => name.StartsWith("ConvexAuthKit", StringComparison.Ordinal) || name == "ConvexProjectDirectory"), string.Join(", ", defined));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("<TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>")]
    public void EverySettingBecomesOneSettingsItemWithItsValue(string targetFrameworks)
    {
        using var project = targetFrameworks == "" ? new PackageProject() : new PackageProject(targetFramework: targetFrameworks);
        var settings = Settings(project);
        var globals = settings.ToDictionary(name => name, name => "value of " + name);
        var items = project.ItemsAfter("_ConvexAuthKitSettings", "_ConvexAuthKitSetting", "Value", globals);
        CollectionAssert.AreEquivalent(settings.ToList(), items.Select(i => i.Include).ToList(),
            "one _ConvexAuthKitSetting item per setting: a new property in the .props needs its item in _ConvexAuthKitSettings");
        foreach (var (include, value) in items) Assert.AreEqual("value of " + include, value, include);
    }

    [TestMethod]
    public void EveryTaskReceivesEverySetting()
    {
        using var project = new PackageProject();
        foreach (var (target, task) in Tasks)
        {
            StringAssert.Contains(project.DependsOnTargets(target), "_ConvexAuthKitSettings", target);
            Assert.AreEqual("@(_ConvexAuthKitSetting)", project.TaskParameters(target, task)["Settings"], task);
        }
    }

    /// <summary>
    /// The real tasks, built from this repository: each one refuses (CAK1000) a settings item the table lacks, and a
    /// table setting no item carries. A project without a Convex app makes no request.
    /// </summary>
    [TestMethod]
    [DataRow("ConvexAuthKitProvision")]
    [DataRow("ConvexAuthKitStatus")]
    public void TheTasksAndTheTargetsAgreeOnTheSettings(string target)
    {
        using var project = new PackageProject();
        var globals = new Dictionary<string, string>
        {
            ["Configuration"] = "Debug",
            ["BuildingProject"] = "true",
            ["ConvexAuthKitTaskAssembly"] = Path.Combine(AppContext.BaseDirectory, "Convex.AuthKit.Build.dll"),
        };
        var (succeeded, log) = project.Build(target, globals);
        Assert.IsTrue(succeeded, log);
        Assert.IsFalse(log.Contains("CAK1000", StringComparison.Ordinal), log);
        Assert.IsFalse(log.Contains("CAK1019", StringComparison.Ordinal), log);
        StringAssert.Contains(log, target == "ConvexAuthKitStatus" ? "ConvexAuthKitStatusTask" : "ProvisionAuthKitTask");
    }

    [TestMethod]
    public void TheReadmeHasARowForEverySetting()
    {
        using var project = new PackageProject();
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "package", "README.md"));
        foreach (var name in Settings(project)) StringAssert.Contains(readme, "| `" + name + "` |", "README.md's property table");
    }
}
