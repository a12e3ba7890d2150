using Convex.AuthKit.Build.Tests.Provisioning;
using Convex.AuthKit.Build.Vocabulary;
using Microsoft.Build.Framework;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Tasks;

/// <summary>
/// docs/architecture.md#settings: the tasks take every setting from the .targets' settings items, by the table on
/// BuildSettings; a blank value means "not set"; a value that cannot be used is CAK1019.
/// </summary>
[TestClass]
public sealed class TaskSettingsTests
{
    private string _root = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _root = Path.Combine(Path.GetTempPath(), "convex-authkit-tasks-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path.Combine(_root, "obj"));
    }

    [TestCleanup]
    public void Delete() => Directory.Delete(_root, recursive: true);

    private static BuildSettings Read(ITaskItem[] items, out List<SettingProblem> problems)
    {
        problems = new List<SettingProblem>();
        return MSBuildSetting.Read("/project", items.Select(i => new KeyValuePair<string, string>(i.ItemSpec, i.GetMetadata("Value"))).ToArray(), problems);
    }

    /// <summary>Each entry of the table sets one property of its own and reads it back; every property MSBuild sets has an entry.</summary>
    [TestMethod]
    public void EveryEntrySetsItsOwnPropertyAndEveryPropertyHasAnEntry()
    {
        var notFromMSBuild = new[] { nameof(BuildSettings.ProjectDirectory), nameof(BuildSettings.ProjectFile), nameof(BuildSettings.Environment), nameof(BuildSettings.HomeDirectory), nameof(BuildSettings.MSBuildValues) };
        var settable = typeof(BuildSettings).GetProperties().Where(p => p.SetMethod?.IsPublic == true).ToList();
        var setByTheTable = new List<string>();
        foreach (var setting in MSBuildSetting.All)
        {
            var settings = new BuildSettings();
            var before = settable.ToDictionary(p => p.Name, p => p.GetValue(settings));
            var value = setting.Type == typeof(bool) ? (setting.Format(settings) == "true" ? "false" : "true") : setting.Type == typeof(int) ? "7" : "value";
            Assert.IsNull(setting.Assign(settings, value), setting.PropertyName);
            var changed = settable.Where(p => !Equals(before[p.Name], p.GetValue(settings))).Select(p => p.Name).ToList();
            Assert.AreEqual(1, changed.Count, $"{setting.PropertyName} sets exactly one property, not: {string.Join(", ", changed)}");
            Assert.AreEqual(value, setting.Format(settings), setting.PropertyName + " reads back the property it sets");
            setByTheTable.Add(changed[0]);
        }
        CollectionAssert.AreEquivalent(settable.Select(p => p.Name).Except(notFromMSBuild).ToList(), setByTheTable,
            "a new BuildSettings property has an entry in MSBuildSetting.All (or is set by the task from something else)");
        Assert.AreEqual(MSBuildSetting.All.Length, MSBuildSetting.All.Select(s => s.PropertyName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [TestMethod]
    [DataRow("true", true)]
    [DataRow("TRUE", true)]
    [DataRow("On", true)]
    [DataRow("yes", true)]
    [DataRow("False", false)]
    [DataRow("off", false)]
    [DataRow("NO", false)]
    public void ABooleanIsSpelledAsMSBuildSpellsIt(string text, bool expected)
    {
        var settings = Read(SettingItems.With(("ConvexAuthKitForce", text), ("ConvexAuthKitFailOnError", text)), out var problems);
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems.Select(p => p.Message)));
        Assert.AreEqual(expected, settings.Force);
        Assert.AreEqual(expected, settings.FailOnError);
    }

    [TestMethod]
    public void EverySettingIsReadFromItsItem()
    {
        var settings = Read(SettingItems.With(
            ("ConvexAuthKitEnabled", "false"), ("ConvexAuthKitConfigurations", "Debug;Development"),
            ("ConvexProjectDirectory", " ../web "), ("SpaRoot", "ClientApp/"), ("SpaProxyServerUrl", "https://localhost:44412"),
            ("ConvexAuthKitEnvFile", ".env.development.local"), ("ConvexAuthKitDevOrigin", "http://localhost:3000"),
            ("ConvexAuthKitDryRun", "true"), ("ConvexAuthKitForce", "True"), ("ConvexAuthKitFailOnError", "false"),
            ("ConvexAuthKitTimeoutSeconds", "20"), ("ConvexAuthKitWorkOSApiUrl", "http://127.0.0.1:9/"),
            ("ConvexAuthKitWorkOSTeamEmail", "dev@example.com"), ("ConvexAuthKitAcceptWorkOSTerms", "true")), out var problems);
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems.Select(p => p.Message)));
        Assert.AreEqual("/project", settings.ProjectDirectory);
        Assert.IsFalse(settings.Enabled);
        Assert.AreEqual("Debug;Development", settings.Configurations);
        Assert.AreEqual("../web", settings.ConvexProjectDirectory, "trimmed");
        Assert.AreEqual("ClientApp/", settings.SpaRoot);
        Assert.AreEqual("https://localhost:44412", settings.SpaProxyServerUrl);
        Assert.AreEqual(".env.development.local", settings.EnvFile);
        Assert.AreEqual("http://localhost:3000", settings.DevOrigin);
        Assert.IsTrue(settings.DryRun);
        Assert.IsTrue(settings.Force);
        Assert.IsFalse(settings.FailOnError);
        Assert.AreEqual(20, settings.TimeoutSeconds);
        Assert.AreEqual("http://127.0.0.1:9/", settings.WorkOSApiUrl);
        Assert.AreEqual("dev@example.com", settings.WorkOSTeamEmail);
        Assert.IsTrue(settings.AcceptWorkOSTerms);
    }

    [TestMethod]
    public void ABlankValueMeansNotSet()
    {
        var settings = Read(SettingItems.With(), out var problems);
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems.Select(p => p.Message)));
        Assert.IsTrue(settings.Enabled, "enabled");
        Assert.IsNull(settings.ConvexProjectDirectory, "the app is detected");
        Assert.IsNull(settings.SpaRoot);
        Assert.IsNull(settings.SpaProxyServerUrl);
        Assert.IsNull(settings.DevOrigin, "detected");
        Assert.IsNull(settings.WorkOSApiUrl, "WORKOS_API_URL, else WorkOS's API");
        Assert.IsNull(settings.WorkOSTeamEmail, "no team is created");
        Assert.IsFalse(settings.DryRun);
        Assert.IsFalse(settings.Force);
        Assert.IsFalse(settings.AcceptWorkOSTerms);
        Assert.IsTrue(settings.FailOnError, "errors fail the build");
    }

    [TestMethod]
    [DataRow("ConvexAuthKitEnvFile", "")]
    [DataRow("ConvexAuthKitEnvFile", "  ")]
    [DataRow("ConvexAuthKitTimeoutSeconds", "")]
    [DataRow("ConvexAuthKitTimeoutSeconds", "0")]
    [DataRow("ConvexAuthKitTimeoutSeconds", "-5")]
    [DataRow("ConvexAuthKitTimeoutSeconds", "soon")]
    [DataRow("ConvexAuthKitForce", "maybe")]
    [DataRow("ConvexAuthKitFailOnError", "1")]
    [DataRow("ConvexAuthKitDryRun", "!false")]
    [DataRow("ConvexAuthKitEnabled", "0")]
    [DataRow("ConvexAuthKitEnabled", "disabled")]
    public void AValueThatCannotBeUsedIsCak1019(string name, string value)
    {
        Read(SettingItems.With((name, value)), out var problems);
        Assert.AreEqual(1, problems.Count);
        Assert.AreEqual(Diagnostics.InvalidSetting, problems[0].Diagnostic);
        StringAssert.Contains(problems[0].Message, name);
    }

    [TestMethod]
    public void TheTargetsAndTheTableMustAgree()
    {
        var items = SettingItems.With().Where(i => i.ItemSpec != "ConvexAuthKitDevOrigin").Append(SettingItems.Item("ConvexAuthKitSomethingNew", "x")).ToArray();
        Read(items, out var problems);
        Assert.AreEqual(2, problems.Count);
        Assert.IsTrue(problems.All(p => p.Diagnostic == Diagnostics.Unexpected));
        Assert.IsTrue(problems.Any(p => p.Message.Contains("ConvexAuthKitDevOrigin")));
        Assert.IsTrue(problems.Any(p => p.Message.Contains("ConvexAuthKitSomethingNew")));
    }

    private ProvisionAuthKitTask ProvisionTask(FakeBuildEngine engine, ITaskItem[] settings, params ITaskItem[] recorded) => new()
    {
        BuildEngine = engine,
        ProjectDirectory = _root,
        Settings = settings,
        InputsFile = Path.Combine(_root, "obj", "App.inputs"),
        StampFile = Path.Combine(_root, "obj", "App.stamp"),
        ItemsFile = Path.Combine(_root, "obj", "App.items"),
        EnvironmentVariables = recorded,
    };

    [TestMethod]
    public void TheProvisionTaskReportsAnInvalidSettingAndKeepsTheRecordedItems()
    {
        var engine = new FakeBuildEngine();
        var recorded = SettingItems.Item("VITE_WORKOS_CLIENT_ID", "client_1");
        var task = ProvisionTask(engine, SettingItems.With(("ConvexAuthKitEnvFile", "")), recorded);
        Assert.IsFalse(task.Execute());
        Assert.AreEqual("CAK1019", engine.Errors.Single().Code, engine.All);
        Assert.AreSame(recorded, task.EnvironmentVariables.Single());

        engine = new FakeBuildEngine();
        task = ProvisionTask(engine, SettingItems.With(("ConvexAuthKitEnvFile", ""), ("ConvexAuthKitFailOnError", "false")));
        Assert.IsTrue(task.Execute(), engine.All);
        Assert.AreEqual("CAK1019", engine.Warnings.Single().Code, engine.All);
        Assert.IsFalse(File.Exists(task.StampFile), "nothing ran");
    }

    [TestMethod]
    public void TheStatusTaskReportsAnInvalidSetting()
    {
        var engine = new FakeBuildEngine();
        var task = new ConvexAuthKitStatusTask
        {
            BuildEngine = engine,
            ProjectDirectory = _root,
            Settings = SettingItems.With(("ConvexAuthKitTimeoutSeconds", "0")),
            StampFile = Path.Combine(_root, "obj", "App.stamp"),
        };
        Assert.IsFalse(task.Execute());
        Assert.AreEqual("CAK1019", engine.Errors.Single().Code, engine.All);
    }

    private CollectConvexAuthKitInputsTask InputsTask(FakeBuildEngine engine, ITaskItem[] settings) => new()
    {
        BuildEngine = engine,
        ProjectDirectory = _root,
        Settings = settings,
        InputsFile = Path.Combine(_root, "obj", "App.inputs"),
        StampFile = Path.Combine(_root, "obj", "App.stamp"),
        ItemsFile = Path.Combine(_root, "obj", "App.items"),
    };

    [TestMethod]
    public void TheInputsTaskReportsTheRecordedItemsLiterallyAndNeverASecret()
    {
        File.WriteAllText(Path.Combine(_root, "obj", "App.items"), "VITE_WORKOS_CLIENT_ID=client_1\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback?a=1;b=%41\nWORKOS_API_KEY=sk_test_should_never_show\n");
        var engine = new FakeBuildEngine();
        var task = InputsTask(engine, SettingItems.With());
        Assert.IsTrue(task.Execute(), engine.All);
        CollectionAssert.AreEqual(new[] { "VITE_WORKOS_CLIENT_ID", "VITE_WORKOS_REDIRECT_URI" }, task.EnvironmentVariables.Select(i => i.ItemSpec).ToList());
        Assert.AreEqual("client_1", task.EnvironmentVariables[0].GetMetadata("Value"));
        Assert.AreEqual("http://localhost:5173/callback?a=1;b=%41", task.EnvironmentVariables[1].GetMetadata("Value"));
        Assert.IsTrue(File.Exists(task.InputsFile));
    }

    [TestMethod]
    public void TheInputsTaskLeavesAnInvalidSettingToTheProvisioningTarget()
    {
        var stamp = Path.Combine(_root, "obj", "App.stamp");
        File.WriteAllText(stamp, "fingerprint=x\n");
        var engine = new FakeBuildEngine();
        var task = InputsTask(engine, SettingItems.With(("ConvexAuthKitTimeoutSeconds", "")));
        Assert.IsTrue(task.Execute(), engine.All);
        Assert.AreEqual(0, engine.Errors.Count + engine.Warnings.Count, engine.All);
        Assert.IsFalse(File.Exists(stamp), "without the stamp the provisioning target runs, and reports the setting");
    }
}
