using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Incremental;
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
        CollectionAssert.IsSubsetOf(publicValues.Keys.ToList(), InputsFingerprint.Variables.ToList());

        _environment["CONVEX_SELF_HOSTED_URL"] = "http://admin:hunter2@127.0.0.1:3210";
        var withCredentials = Fingerprint();
        Assert.IsFalse(withCredentials.Contains("hunter2", StringComparison.Ordinal), "a URL with a password in it is hashed\n" + withCredentials);
        StringAssert.Contains(withCredentials, "env=CONVEX_SELF_HOSTED_URL sha256=" + Stamp.Hash("http://admin:hunter2@127.0.0.1:3210"));
    }

    [TestMethod]
    public void EveryPropertyOfTheRunIsAnInput()
    {
        var baseline = Fingerprint();
        var changes = new Dictionary<string, Action<BuildSettings>>
        {
            ["ConvexProjectDirectory"] = s => s.ConvexProjectDirectory = ".",
            ["SpaRoot"] = s => s.SpaRoot = "ClientApp/",
            ["SpaProxyServerUrl"] = s => s.SpaProxyServerUrl = "https://localhost:44412",
            ["ConvexAuthKitEnvFile"] = s => s.EnvFile = ".env.development.local",
            ["ConvexAuthKitDevOrigin"] = s => s.DevOrigin = "http://localhost:3000",
            ["ConvexAuthKitFailOnError"] = s => s.FailOnError = false,
            ["ConvexAuthKitTimeoutSeconds"] = s => s.TimeoutSeconds = 30,
            ["ConvexAuthKitWorkOSApiUrl"] = s => s.WorkOSApiUrl = "http://127.0.0.1:9/",
            ["ConvexAuthKitWorkOSTeamEmail"] = s => s.WorkOSTeamEmail = "dev@example.com",
            ["ConvexAuthKitAcceptWorkOSTerms"] = s => s.AcceptWorkOSTerms = true,
        };
        foreach (var change in changes) Assert.AreNotEqual(baseline, Fingerprint(change.Value), change.Key);
    }

    /// <summary>By construction: every setting of the table that a run reads is in the fingerprint.</summary>
    [TestMethod]
    public void EverySettingOfTheRunIsAnInput()
    {
        var baseline = Fingerprint();
        var inputs = MSBuildSetting.All.Where(s => s.Stamp == SettingStamp.Input).ToList();
        Assert.IsTrue(inputs.Count >= 10, "the table is read");
        foreach (var setting in inputs) Assert.AreNotEqual(baseline, Fingerprint(s => Change(setting, s)), setting.PropertyName);
    }

    [TestMethod]
    public void ForceAndDryRunBypassTheStampInsteadOfChangingIt()
    {
        CollectionAssert.AreEquivalent(new[] { "ConvexAuthKitDryRun", "ConvexAuthKitForce" },
            MSBuildSetting.All.Where(s => s.Stamp == SettingStamp.BypassesStamp).Select(s => s.PropertyName).ToList());
        var baseline = Fingerprint();
        Assert.AreEqual(baseline, Fingerprint(s => s.Force = true));
        Assert.AreEqual(baseline, Fingerprint(s => s.DryRun = true));
    }

    [TestMethod]
    public void SettingsThatAreNotInputsLeaveTheFingerprintAlone()
    {
        var baseline = Fingerprint();
        foreach (var setting in MSBuildSetting.All.Where(s => s.Stamp != SettingStamp.Input))
            Assert.AreEqual(baseline, Fingerprint(s => Change(setting, s)), setting.PropertyName);
    }

    /// <summary>Gives the setting a value other than the one it has, as its MSBuild property would.</summary>
    private static void Change(MSBuildSetting setting, BuildSettings settings)
    {
        var current = setting.Format(settings);
        var other = setting.Type == typeof(bool) ? (current == "true" ? "false" : "true")
            : setting.Type == typeof(int) ? (int.Parse(current, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : current + "changed";
        Assert.IsNull(setting.Assign(settings, other), setting.PropertyName);
        Assert.AreEqual(other, setting.Format(settings), setting.PropertyName);
    }

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
}
