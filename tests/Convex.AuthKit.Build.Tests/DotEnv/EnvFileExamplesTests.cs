using Convex.AuthKit.Build.DotEnv;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.DotEnv;

/// <summary>docs/architecture.md#placeholders in the build environment: which values are placeholders, and what reads them.</summary>
[TestClass]
public sealed class EnvFileExamplesTests
{
    private string _app = "";

    [TestInitialize]
    public void CreateApp()
    {
        _app = Path.Combine(Path.GetTempPath(), "convex-authkit-examples-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(_app);
    }

    [TestCleanup]
    public void DeleteApp() => Directory.Delete(_app, recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_app, name), text);

    private BuildEnvironment Load(string? envFile = null, Dictionary<string, string?>? process = null) =>
        BuildEnvironment.Load(_app, envFile, name => process != null && process.TryGetValue(name, out var value) ? value : null);

    [TestMethod]
    public void TheExampleFilesOfAnEnvFile_InTheOrderTheyAreConsulted()
    {
        var envFile = Path.Combine(_app, ".env.local");
        CollectionAssert.AreEqual(new[] { envFile + ".example", Path.Combine(_app, ".env.example"), Path.Combine(_app, ".env.sample") }, EnvFileExamples.PathsFor(envFile).ToArray());
        CollectionAssert.AreEqual(new[] { Path.Combine(_app, ".env.example"), Path.Combine(_app, ".env.sample") }, EnvFileExamples.PathsFor(Path.Combine(_app, ".env")).ToArray());
    }

    [TestMethod]
    public void AValueEqualToTheExamplesIsAbsent_AndKnownAsAPlaceholder()
    {
        Write(".env.local.example", "A=your-a\nB=your-b\nC=\"quoted same\"\n");
        Write(".env.local", "A=your-a\nB=mine\nC='quoted same'\nD=your-a\n");
        var environment = Load();
        Assert.IsNull(environment.GetRaw("A"));
        Assert.IsNull(environment.SourceOf("A"));
        Assert.AreEqual(new EnvFilePlaceholder("your-a", ".env.local.example"), environment.PlaceholderOf("A"));
        Assert.AreEqual("mine", environment.GetRaw("B"));
        Assert.IsNull(environment.PlaceholderOf("B"));
        Assert.IsNull(environment.GetRaw("C"), "parsed values are compared, not the text");
        Assert.AreEqual("your-a", environment.GetRaw("D"), "the same key's value only");
    }

    [TestMethod]
    public void AnEmptyValueIsNeverAPlaceholder()
    {
        Write(".env.example", "A=\n");
        Write(".env.local", "A=\n");
        Assert.AreEqual("", Load().GetRaw("A"));
    }

    [TestMethod]
    public void DotEnvIsComparedWithItsOwnExamples_AndBehindAPlaceholderOfTheEnvFileItsRealValueIsRead()
    {
        Write(".env.local.example", "A=placeholder\n");
        Write(".env.local", "A=placeholder\n");
        Write(".env", "A=real\n");
        var environment = Load();
        Assert.AreEqual("real", environment.GetRaw("A"));
        Assert.AreEqual(BuildEnvironmentSource.DotEnvFile, environment.SourceOf("A"));
        Assert.AreEqual(new EnvFilePlaceholder("placeholder", ".env.local.example"), environment.PlaceholderOf("A"),
            "the front ends read the env file's placeholder before .env, so the build still replaces it");

        Write(".env.example", "A=real\n");
        Assert.IsNull(Load().GetRaw("A"));

        Write(".env.local", "B=1\n");
        Assert.AreEqual(new EnvFilePlaceholder("real", ".env.example"), Load().PlaceholderOf("A"));
    }

    [TestMethod]
    public void TheProcessEnvironmentIsNeverAPlaceholder()
    {
        Write(".env.local.example", "A=placeholder\n");
        var environment = Load(process: new() { ["A"] = "placeholder" });
        Assert.AreEqual("placeholder", environment.GetRaw("A"));
        Assert.IsNull(environment.PlaceholderOf("A"));
    }

    [TestMethod]
    public void DeploymentSelectionReadsPlaceholdersAsTheCliDoes()
    {
        Write(".env.example", "CONVEX_DEPLOYMENT=dev:shared-team-deployment\n");
        Write(".env.local", "CONVEX_DEPLOYMENT=dev:shared-team-deployment\n");
        var environment = Load();
        Assert.IsNull(environment.Get("CONVEX_DEPLOYMENT"));
        var cli = environment.AsTheCliReadsIt();
        Assert.AreEqual("dev:shared-team-deployment", cli.Get("CONVEX_DEPLOYMENT"));
        Assert.AreEqual(BuildEnvironmentSource.EnvFile, cli.SourceOf("CONVEX_DEPLOYMENT"));
    }

    [TestMethod]
    public void AnotherEnvFileHasItsOwnExample()
    {
        Directory.CreateDirectory(Path.Combine(_app, "config"));
        Write(Path.Combine("config", "dev.env.example"), "A=placeholder\n");
        Write(Path.Combine("config", "dev.env"), "A=placeholder\n");
        Write(".env.local.example", "B=x\n");
        var environment = Load(Path.Combine("config", "dev.env"));
        Assert.AreEqual(new EnvFilePlaceholder("placeholder", "dev.env.example"), environment.PlaceholderOf("A"));
    }
}
