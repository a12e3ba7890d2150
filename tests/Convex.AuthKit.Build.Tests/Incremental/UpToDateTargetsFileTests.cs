using System.Xml.Linq;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Build.Vocabulary;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Incremental;

/// <summary>
/// docs/architecture.md#incremental-rules: the generated file MSBuild reads on a no-op build holds no secret, is
/// written only where it can be made safely, and reads back every value exactly. IncrementalTargetTests (evaluation)
/// runs it through MSBuild.
/// </summary>
[TestClass]
public sealed class UpToDateTargetsFileTests
{
    private string _root = "";
    private Dictionary<string, string?> _environment = new();

    [TestInitialize]
    public void CopyFixture()
    {
        _root = Path.Combine(Path.GetTempPath(), "convex-authkit-generated-" + Guid.NewGuid().ToString("N")[..10]);
        FixtureFiles.CopyTo("vite-app", _root);
        Directory.CreateDirectory(Path.Combine(_root, ".home"));
        _environment = new Dictionary<string, string?> { ["HOME"] = Path.Combine(_root, ".home"), ["USERPROFILE"] = Path.Combine(_root, ".home") };
    }

    [TestCleanup]
    public void Delete() => Directory.Delete(_root, recursive: true);

    private string? Render(Action<BuildSettings>? change = null, params KeyValuePair<string, string>[] items)
    {
        var settings = new BuildSettings
        {
            ProjectDirectory = _root,
            EnvFile = ".env.local",
            TimeoutSeconds = 100,
            HomeDirectory = Path.Combine(_root, ".home"),
            Environment = name => _environment.TryGetValue(name, out var value) ? value : null,
            MSBuildValues = new[] { new KeyValuePair<string, string>("ConvexAuthKitEnvFile", ".env.local"), new KeyValuePair<string, string>("ConvexAuthKitDevOrigin", "") },
        };
        change?.Invoke(settings);
        return UpToDateTargetsFile.Render(InputsFingerprint.Collect(settings, new Stamp("", Array.Empty<string>(), new[] { "SOME_WATCHED_VARIABLE" })), settings, items);
    }

    [TestMethod]
    public void WhileASecretVariableIsSetNothingIsRecorded_AndAnUnsetOneIsTestedWithoutItsValue()
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
    public void ForceAndDryRunRecordNothing()
    {
        Assert.IsNull(Render(s => s.Force = true));
        Assert.IsNull(Render(s => s.DryRun = true));
        Assert.IsNull(Render(s => s.MSBuildValues = Array.Empty<KeyValuePair<string, string>>()), "settings that did not come from MSBuild cannot be compared");
    }

    [TestMethod]
    public void AFolderWhereAFileIsLookedForRecordsNothing()
    {
        // MSBuild's Exists is true for a folder, the fingerprint's File.Exists false: no condition says both.
        Directory.CreateDirectory(Path.Combine(_root, "vite.config.ts"));
        Assert.IsNull(Render());
    }

    [TestMethod]
    public void AwkwardValuesReadBackExactly()
    {
        const string value = "a'b;$(c)@d%3B*?`\"<&>\tzé😀";
        _environment["CONVEX_DEPLOYMENT"] = "dev:" + value.Replace("@", "", StringComparison.Ordinal); // with an @ it would be hashed
        var text = Render(s => s.MSBuildValues = new[] { new KeyValuePair<string, string>("ConvexAuthKitDevOrigin", value) }, new KeyValuePair<string, string>("VITE_ODD", value));
        Assert.IsNotNull(text);
        var document = XDocument.Parse(text);
        var item = document.Descendants("_ConvexAuthKitRecordedItem").Single();
        Assert.AreEqual(value, Uri.UnescapeDataString(item.Attribute("Value")!.Value), "MSBuild unescapes every %XX");
        var condition = document.Descendants("Target").Single().Attribute("Condition")!.Value;
        StringAssert.Contains(condition, "'$(ConvexAuthKitDevOrigin)' == '" + UpToDateTargetsFile.Escape(value) + "'");
        Assert.AreEqual("a%27b%3B%24%28c%29%40d%253B%2A%3F%60%22%3C%26%3E%09zé😀", UpToDateTargetsFile.Escape(value));

        Assert.IsNull(Render(null, new KeyValuePair<string, string>("VITE_ODD", "lone \uD800 surrogate")), "not valid XML text");
    }
}
