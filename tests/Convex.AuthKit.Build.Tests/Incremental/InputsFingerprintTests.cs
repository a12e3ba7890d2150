using System.Xml.Linq;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Tests.Provisioning;
using Convex.AuthKit.Build.Tests.Tasks;
using Convex.AuthKit.Build.Vocabulary;
using Convex.AuthKit.Harness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Incremental;

/// <summary>docs/architecture.md#incremental-rules: the fingerprint holds exactly the inputs listed there, so any of them changing re-runs the target.</summary>
[TestClass]
public sealed class InputsFingerprintTests
{
    private string _root = "";
    private Dictionary<string, string?> _environment = new();

    [TestInitialize]
    public void CopyFixture()
    {
        _root = Path.Combine(Path.GetTempPath(), "convex-authkit-fingerprint-" + Guid.NewGuid().ToString("N")[..10]);
        FixtureFiles.CopyTo("vite-app", _root);
        Directory.CreateDirectory(Path.Combine(_root, ".home"));
        _environment = new Dictionary<string, string?>();
    }

    [TestCleanup]
    public void Delete() => Directory.Delete(_root, recursive: true);

    private BuildSettings Settings(Action<BuildSettings>? change = null)
    {
        var settings = new BuildSettings
        {
            ProjectDirectory = _root,
            EnvFile = ".env.local",
            TimeoutSeconds = 100,
            HomeDirectory = Path.Combine(_root, ".home"),
            Environment = name => _environment.TryGetValue(name, out var value) ? value : null,
        };
        change?.Invoke(settings);
        return settings;
    }

    private string Fingerprint(Action<BuildSettings>? change = null, Stamp? stamp = null, string version = "1.0.0") =>
        InputsFingerprint.Collect(Settings(change), stamp, version).Fingerprint;

    private string WithContents(Stamp? stamp = null) => InputsFingerprint.Collect(Settings(), stamp, "1.0.0").FingerprintWithContents();

    [TestMethod]
    public void PackageVersionIsAnInput()
    {
        Assert.AreEqual(Fingerprint(version: "1.0.0"), Fingerprint(version: "1.0.0"));
        Assert.AreNotEqual(Fingerprint(version: "1.0.0"), Fingerprint(version: "1.0.1"));
    }

    [TestMethod]
    public void ThePublicOverloadUsesThePackageVersion() =>
        Assert.AreEqual(InputsFingerprint.Collect(Settings(), null, ConvexClientInfo.Version).Fingerprint, InputsFingerprint.Collect(Settings(), null).Fingerprint);

    [TestMethod]
    [DataRow("CONVEX_DEPLOYMENT")]
    [DataRow("CONVEX_DEPLOY_KEY")]
    [DataRow("CONVEX_DEPLOYMENT_TOKEN")]
    [DataRow("CONVEX_OVERRIDE_ACCESS_TOKEN")]
    [DataRow("CONVEX_PROVISION_HOST")]
    [DataRow("CONVEX_SELF_HOSTED_URL")]
    [DataRow("WORKOS_API_URL")]
    [DataRow("WORKOS_CLIENT_ID")]
    [DataRow("WORKOS_ENVIRONMENT_ID")]
    [DataRow("WORKOS_COOKIE_PASSWORD")]
    public void EveryDesignVariableIsAnInput(string name)
    {
        var unset = Fingerprint();
        _environment[name] = "dev:one";
        var set = Fingerprint();
        _environment[name] = "dev:two";
        var changed = Fingerprint();
        Assert.AreNotEqual(unset, set);
        Assert.AreNotEqual(set, changed);
    }

    [TestMethod]
    public void LocalEnvVarsAndBuildEnvNamesCountOnceTheStampWatchesThem()
    {
        var stamp = new Stamp("", Array.Empty<string>(), new[] { "VITE_WORKOS_CLIENT_ID", "MY_BUILD_ENV" });
        foreach (var name in stamp.WatchedVariables)
        {
            _environment.Clear();
            var before = Fingerprint(stamp: stamp);
            _environment[name] = "x";
            Assert.AreNotEqual(before, Fingerprint(stamp: stamp), name);
            var setUnwatched = Fingerprint();
            _environment.Clear();
            Assert.AreEqual(Fingerprint(), setUnwatched, "unwatched, " + name + " is not an input");
        }
    }

    [TestMethod]
    public void AnUnrelatedVariableIsNotAnInput()
    {
        var before = Fingerprint();
        _environment["PATH_TO_SOMETHING_ELSE"] = "x";
        Assert.AreEqual(before, Fingerprint());
    }

    [TestMethod]
    public void SecretValuesEnterOnlyAsHashes()
    {
        foreach (var name in new[] { "CONVEX_DEPLOY_KEY", "CONVEX_DEPLOYMENT_TOKEN", "CONVEX_OVERRIDE_ACCESS_TOKEN", "CONVEX_SELF_HOSTED_ADMIN_KEY", "WORKOS_COOKIE_PASSWORD", "SOME_WATCHED_VARIABLE" })
        {
            _environment.Clear();
            var unset = Fingerprint(stamp: new Stamp("", Array.Empty<string>(), new[] { "SOME_WATCHED_VARIABLE" }));
            _environment[name] = "dev:happy-animal-123|secret-value-of-" + name;
            var inputs = InputsFingerprint.Collect(Settings(), new Stamp("", Array.Empty<string>(), new[] { "SOME_WATCHED_VARIABLE" }), "1.0.0");
            Assert.IsFalse(inputs.Fingerprint.Contains("secret-value"), name + ":\n" + inputs.Fingerprint);
            Assert.IsFalse(inputs.AppFingerprint.Contains("secret-value"), name);
            StringAssert.Contains(inputs.Fingerprint, "env=" + name + " sha256=" + Stamp.Hash(_environment[name]!), name);
            Assert.AreNotEqual(unset, inputs.Fingerprint, name + " is an input");
        }
    }

    [TestMethod]
    public void PublicValuesAreRecordedAsTheyAre_SoANoOpBuildHashesNothing()
    {
        var publicValues = new Dictionary<string, string>
        {
            ["CONVEX_DEPLOYMENT"] = "dev:happy-animal-123",
            ["CONVEX_PROVISION_HOST"] = "http://127.0.0.1:41234",
            ["CONVEX_SELF_HOSTED_URL"] = "http://127.0.0.1:3210",
            ["WORKOS_API_URL"] = "http://127.0.0.1:41235/",
            ["WORKOS_CLIENT_ID"] = "client_01",
            ["WORKOS_ENVIRONMENT_ID"] = "environment_01",
        };
        foreach (var pair in publicValues) _environment[pair.Key] = pair.Value;
        var fingerprint = Fingerprint();
        foreach (var pair in publicValues)
            StringAssert.Contains(fingerprint, $"env={pair.Key} value={pair.Value.Length}:{pair.Value}\n", pair.Key);
        Assert.IsFalse(fingerprint.Contains("sha256=", StringComparison.Ordinal), fingerprint);

        _environment["CONVEX_SELF_HOSTED_URL"] = "http://admin:hunter2@127.0.0.1:3210";
        var withCredentials = Fingerprint();
        Assert.IsFalse(withCredentials.Contains("hunter2", StringComparison.Ordinal), "a URL with a password in it is hashed\n" + withCredentials);
        StringAssert.Contains(withCredentials, "env=CONVEX_SELF_HOSTED_URL sha256=" + Stamp.Hash("http://admin:hunter2@127.0.0.1:3210"));
    }

    /// <summary>The settings items the .targets pass the inputs task, valued as the package's .props default them.</summary>
    private static readonly IReadOnlyDictionary<string, string> PropsDefaults = new Dictionary<string, string>
    {
        ["ConvexAuthKitEnabled"] = "true",
        ["ConvexAuthKitConfigurations"] = "Debug",
        ["ConvexProjectDirectory"] = "",
        ["SpaRoot"] = "",
        ["SpaProxyServerUrl"] = "",
        ["ContinuousIntegrationBuild"] = "",
        ["ConvexAuthKitEnvFile"] = ".env.local",
        ["ConvexAuthKitDevOrigin"] = "",
        ["ConvexAuthKitDryRun"] = "false",
        ["ConvexAuthKitForce"] = "false",
        ["ConvexAuthKitFailOnError"] = "true",
        ["ConvexAuthKitTimeoutSeconds"] = "100",
        ["ConvexAuthKitWorkOSApiUrl"] = "",
        ["ConvexAuthKitWorkOSTeamEmail"] = "",
        ["ConvexAuthKitAcceptWorkOSTerms"] = "false",
        ["ConvexAuthKitConfigureWebhook"] = "true",
    };

    /// <summary>The inputs file the inputs task writes for the fixture, with one MSBuild property changed from its default.</summary>
    private string RecordedInputs(string? property = null, string? value = null)
    {
        var obj = Path.Combine(_root, "obj");
        Directory.CreateDirectory(obj);
        var inputsFile = Path.Combine(obj, "app.ConvexAuthKit.inputs");
        File.Delete(inputsFile);
        var engine = new FakeBuildEngine();
        var task = new CollectConvexAuthKitInputsTask
        {
            BuildEngine = engine,
            ProjectDirectory = _root,
            Settings = PropsDefaults.Select(p => SettingItems.Item(p.Key, p.Key == property ? value! : p.Value)).ToArray(),
            InputsFile = inputsFile,
            StampFile = Path.Combine(obj, "app.ConvexAuthKit.stamp"),
            ItemsFile = Path.Combine(obj, "app.ConvexAuthKit.items"),
        };
        Assert.IsTrue(task.Execute());
        Assert.IsTrue(File.Exists(inputsFile), "the task takes these settings (every one the .targets pass, with a usable value):\n" + engine.All);
        return File.ReadAllText(inputsFile);
    }

    [TestMethod]
    [DataRow("ConvexProjectDirectory", ".")]
    [DataRow("SpaRoot", "ClientApp/")]
    [DataRow("SpaProxyServerUrl", "https://localhost:44412")]
    [DataRow("ConvexAuthKitEnvFile", ".env.development.local")]
    [DataRow("ConvexAuthKitDevOrigin", "http://localhost:3000")]
    [DataRow("ConvexAuthKitFailOnError", "false")]
    [DataRow("ConvexAuthKitTimeoutSeconds", "30")]
    [DataRow("ConvexAuthKitWorkOSApiUrl", "http://127.0.0.1:9/")]
    [DataRow("ConvexAuthKitWorkOSTeamEmail", "dev@example.com")]
    [DataRow("ConvexAuthKitAcceptWorkOSTerms", "true")]
    [DataRow("ContinuousIntegrationBuild", "true")]
    public void APropertyThatChangesWhatARunDoesIsAnInput(string property, string value) =>
        Assert.AreNotEqual(RecordedInputs(), RecordedInputs(property, value), property);

    /// <summary>Gating decides whether the target runs at all; force and dry run bypass the stamp instead of changing it.</summary>
    [TestMethod]
    [DataRow("ConvexAuthKitEnabled", "false")]
    [DataRow("ConvexAuthKitConfigurations", "Debug;Staging")]
    [DataRow("ConvexAuthKitForce", "true")]
    [DataRow("ConvexAuthKitDryRun", "true")]
    public void APropertyThatOnlyGatesOrBypassesTheRunIsNotAnInput(string property, string value) =>
        Assert.AreEqual(RecordedInputs(), RecordedInputs(property, value), property);

    [TestMethod]
    [DataRow("convex.json")]
    [DataRow("package.json")]
    [DataRow("convex/auth.config.ts")]
    [DataRow(".env.local")]
    [DataRow(".env")]
    [DataRow("vite.config.ts")]
    [DataRow(".home/.convex/config.json")]
    public void EveryDesignFileIsAnInputByExistenceAndContent(string relative)
    {
        var path = Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path)) File.Delete(path);
        var absent = Fingerprint();
        File.WriteAllText(path, "first");
        var present = InputsFingerprint.Collect(Settings(), null, "1.0.0");
        Assert.AreNotEqual(absent, present.Fingerprint, "creating the file changes the fingerprint");
        CollectionAssert.Contains(present.ExistingFiles.Select(Path.GetFullPath).ToList(), Path.GetFullPath(path), "the file is among the target's Inputs");
        var first = WithContents();
        File.WriteAllText(path, "second");
        Assert.AreEqual(present.Fingerprint, Fingerprint(), "content is left to the files' times in the cheap fingerprint");
        Assert.AreNotEqual(first, WithContents(), "the stamp's fingerprint covers the content");
    }

    [TestMethod]
    public void TheTokenFileTheRunUsedIsWatchedThroughTheStamp()
    {
        var tokenFile = Path.Combine(_root, ".home", ".convex-test-41234", "config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(tokenFile)!);
        File.WriteAllText(tokenFile, "{\"accessToken\":\"one\"}");
        var stamp = new Stamp("", new[] { tokenFile }, Array.Empty<string>());
        CollectionAssert.Contains(InputsFingerprint.Collect(Settings(), stamp, "1.0.0").ExistingFiles.ToList(), tokenFile);
        var first = WithContents(stamp);
        File.WriteAllText(tokenFile, "{\"accessToken\":\"two\"}");
        Assert.AreNotEqual(first, WithContents(stamp), "logging in again re-runs the target");
    }

    [TestMethod]
    public void TheEditedFilesAreTheInputsButTheEnvFilesAndTheLoginFiles()
    {
        var imported = Path.Combine(_root, "convex", "lib", "workos.ts");
        var tokenFile = Path.Combine(_root, ".home", ".convex-test-41234", "config.json");
        var notEdited = new[]
        {
            Path.Combine(_root, ".env.local"), Path.Combine(_root, ".env"), Path.Combine(_root, ".env.local.example"),
            Path.Combine(_root, ".env.example"), Path.Combine(_root, ".home", ".convex", "config.json"), tokenFile,
        };
        foreach (var file in notEdited.Append(imported).Append(Path.Combine(_root, "vite.config.ts")))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "A=1\n");
        }
        var settings = Settings();
        var inputs = InputsFingerprint.Collect(settings, new Stamp("", new[] { imported, tokenFile, notEdited[0] }, Array.Empty<string>()), "1.0.0");

        var edited = InputsFingerprint.EditedFiles(inputs, settings);

        var expected = new[] { "convex.json", "package.json", "vite.config.ts", Path.Combine("convex", "auth.config.ts"), Path.Combine("convex", "lib", "workos.ts") }
            .Select(relative => Path.Combine(_root, relative)).ToList();
        CollectionAssert.AreEquivalent(expected, edited, string.Join("\n", edited));
        foreach (var file in notEdited) CollectionAssert.Contains(inputs.ExistingFiles.Select(Path.GetFullPath).ToList(), file, "still an input of the stamp");
    }

    [TestMethod]
    public void ProjectsOfOneConvexAppShareTheAppFingerprint()
    {
        var api = Path.Combine(_root, "Api");
        var web = Path.Combine(_root, "Web");
        Directory.CreateDirectory(api);
        Directory.CreateDirectory(web);
        var fromApi = InputsFingerprint.Collect(Settings(s => s.ProjectDirectory = api), null, "1.0.0");
        var fromWeb = InputsFingerprint.Collect(Settings(s => s.ProjectDirectory = web), null, "1.0.0");
        Assert.AreEqual(_root, fromApi.Location.Directory);
        Assert.AreNotEqual(fromApi.Fingerprint, fromWeb.Fingerprint, "each project has its own stamp");
        Assert.AreEqual(fromApi.AppFingerprint, fromWeb.AppFingerprint);
        Assert.AreEqual(fromApi.AppFingerprintWithContents(), fromWeb.AppFingerprintWithContents());

        var otherOrigin = InputsFingerprint.Collect(Settings(s => { s.ProjectDirectory = web; s.DevOrigin = "http://localhost:3000"; }), null, "1.0.0");
        Assert.AreNotEqual(fromApi.AppFingerprint, otherOrigin.AppFingerprint, "settings other than the project folder count");
        _environment["CONVEX_DEPLOYMENT"] = "dev:other";
        Assert.AreNotEqual(fromApi.AppFingerprint, InputsFingerprint.Collect(Settings(s => s.ProjectDirectory = web), null, "1.0.0").AppFingerprint, "so does the environment");
    }

    private string? Render(Action<BuildSettings>? change = null, params KeyValuePair<string, string>[] items)
    {
        if (!File.Exists(StampFile())) File.WriteAllText(StampFile(), "fingerprint=x\n");
        return RenderWith(StampFile(), change, items);
    }

    private string? RenderWith(string stampFile, Action<BuildSettings>? change = null, params KeyValuePair<string, string>[] items)
    {
        // The generated file MSBuild reads on a no-op build (docs/architecture.md#incremental-rules), rendered from
        // the same collected inputs; IncrementalTargetTests (evaluation) runs it through MSBuild.
        var settings = Settings(s =>
        {
            s.MSBuildValues = new[] { new KeyValuePair<string, string>("ConvexAuthKitEnvFile", ".env.local"), new KeyValuePair<string, string>("ConvexAuthKitDevOrigin", "") };
            change?.Invoke(s);
        });
        return UpToDateTargetsFile.Render(InputsFingerprint.Collect(settings, new Stamp("", Array.Empty<string>(), new[] { "SOME_WATCHED_VARIABLE" })), stampFile, settings, items);
    }

    private string StampFile() => Path.Combine(_root, "Web.ConvexAuthKit.stamp");

    [TestMethod]
    public void TheGeneratedFile_RecordsTheTimesOfTheInputsAndTheStamp_OnlyWhenNoInputIsNewerThanTheStamp()
    {
        foreach (var file in Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-10));
        File.WriteAllText(StampFile(), "fingerprint=x\n");
        var convexJson = Path.Combine(_root, "convex.json");
        var text = Render();
        Assert.IsNotNull(text);
        var condition = XDocument.Parse(text).Descendants("Target").Single().Attribute("Condition")!.Value;
        StringAssert.Contains(condition, "'$([System.IO.File]::GetLastWriteTime(`" + UpToDateTargetsFile.Escape(convexJson) + "`).Ticks)' == '"
            + File.GetLastWriteTime(convexJson).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) + "'");
        StringAssert.Contains(condition, "GetLastWriteTime(`" + UpToDateTargetsFile.Escape(StampFile()) + "`)");

        File.SetLastWriteTimeUtc(convexJson, DateTime.UtcNow.AddMinutes(1));
        Assert.IsNull(Render(), "written after the stamp: a change the next build must see");
        File.SetLastWriteTimeUtc(convexJson, DateTime.UtcNow.AddMinutes(-10));
        Assert.IsNotNull(Render());
        Assert.IsNull(RenderWith(Path.Combine(_root, "no.stamp")), "no stamp");
        var pipe = Path.Combine(_root, "pipe.stamp");
        TestLockFileSystem.Run("mkfifo", pipe);
        Assert.IsNull(RenderWith(pipe), "a stamp that is a named pipe is no record: every build checks again");
    }

    [TestMethod]
    public void TheGeneratedFile_WhileASecretVariableIsSetNothingIsRecorded_AndAnUnsetOneIsTestedWithoutItsValue()
    {
        var unset = Render();
        Assert.IsNotNull(unset);
        StringAssert.Contains(unset, "ExpandEnvironmentVariables(`%25CONVEX_DEPLOY_KEY%25`)");
        Assert.IsFalse(unset.Contains("$(CONVEX_DEPLOY_KEY)", StringComparison.Ordinal), "never a property that reads the variable");
        foreach (var name in new[] { "CONVEX_DEPLOY_KEY", "CONVEX_DEPLOYMENT_TOKEN", "CONVEX_OVERRIDE_ACCESS_TOKEN", "CONVEX_SELF_HOSTED_ADMIN_KEY", "WORKOS_COOKIE_PASSWORD", "SOME_WATCHED_VARIABLE" })
        {
            _environment[name] = "secret-value-of-" + name;
            Assert.IsNull(Render(), name + " set: the task path compares its hash");
            _environment[name] = "";
            Assert.IsNull(Render(), name + " set and empty");
            _environment.Remove(name);
        }
        _environment["WORKOS_API_URL"] = "https://user:password@api.example.test/";
        Assert.IsNull(Render(), "a URL with a password in it is a secret");
    }

    [TestMethod]
    public void TheGeneratedFile_ForceAndDryRunRecordNothing()
    {
        Assert.IsNull(Render(s => s.Force = true));
        Assert.IsNull(Render(s => s.DryRun = true));
        Assert.IsNull(Render(s => s.MSBuildValues = Array.Empty<KeyValuePair<string, string>>()), "settings that did not come from MSBuild cannot be compared");
    }

    [TestMethod]
    public void TheGeneratedFile_AFolderWhereAFileIsLookedForRecordsNothing()
    {
        // MSBuild's Exists is true for a folder, the fingerprint's File.Exists false: no condition says both.
        Directory.CreateDirectory(Path.Combine(_root, "vite.config.ts"));
        Assert.IsNull(Render());
    }

    [TestMethod]
    public void TheGeneratedFile_AwkwardValuesReadBackExactly()
    {
        const string value = "a'b;$(c)@d%3B*?`\"<&>\tzé😀";
        _environment["CONVEX_DEPLOYMENT"] = "dev:" + value.Replace("@", "", StringComparison.Ordinal); // with an @ it would be hashed
        var text = Render(s => s.MSBuildValues = new[] { new KeyValuePair<string, string>("ConvexAuthKitDevOrigin", value) }, new KeyValuePair<string, string>("VITE_ODD", value));
        Assert.IsNotNull(text);
        var document = XDocument.Parse(text);
        var item = document.Descendants("_ConvexAuthKitRecordedItem").Single();
        Assert.AreEqual(value, Uri.UnescapeDataString(item.Attribute("Value")!.Value), "MSBuild unescapes every %XX");
        var condition = document.Descendants("Target").Single().Attribute("Condition")!.Value;
        StringAssert.Contains(condition, "$([System.String]::Equals($(ConvexAuthKitDevOrigin), '" + UpToDateTargetsFile.Escape(value) + "'))");
        Assert.AreEqual("a%27b%3B%24%28c%29%40d%253B%2A%3F%60%22%3C%26%3E%09zé😀", UpToDateTargetsFile.Escape(value));

        Assert.IsNull(Render(null, new KeyValuePair<string, string>("VITE_ODD", "lone \uD800 surrogate")), "not valid XML text");
    }
}
