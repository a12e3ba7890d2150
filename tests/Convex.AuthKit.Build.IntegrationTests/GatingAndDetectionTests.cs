using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Harness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// Gating: the target runs in every real Debug build, never in Release, design-time builds or when disabled; it finds
/// the Convex app and says in one line whether AuthKit provisioning is wanted. No deployment is configured in these
/// fixtures, so nothing is provisioned.
/// </summary>
[TestClass]
public sealed class GatingAndDetectionTests
{
    private static string[] Lines(ProcessResult result) => FixtureProject.PackageLines(result).ToArray();

    private static void AssertBuilt(ProcessResult result) => Assert.AreEqual(0, result.ExitCode, result.ToString());

    [TestMethod]
    public void DebugBuildRunsTheTargetAndLogsTheDecision()
    {
        var app = PackedPackage.Fixture("vite-app");
        var result = app.Build("ViteApp.csproj");
        AssertBuilt(result);
        var decision = Lines(result).Where(l => l.Contains("convex.json authKit.dev")).ToList();
        Assert.AreEqual(1, decision.Count, result.ToString());
        Assert.IsTrue(File.Exists(app.PathOf("obj/ViteApp.ConvexAuthKit.inputs")), "the inputs fingerprint is written");
    }

    [TestMethod]
    [DataRow("-c", "Release")]
    [DataRow("-p:DesignTimeBuild=true", "-v:n")]
    [DataRow("-p:ConvexAuthKitEnabled=false", "-v:n")]
    public void TargetDoesNotRun(string first, string second)
    {
        var app = PackedPackage.Fixture("vite-app");
        var result = app.Build("ViteApp.csproj", new[] { first, second, "-v:d" });
        AssertBuilt(result);
        Assert.AreEqual(0, Lines(result).Length, result.ToString());
        Assert.IsFalse(Directory.EnumerateFiles(app.PathOf("obj"), "*.ConvexAuthKit.*").Any(), "no state file is written");
    }

    [TestMethod]
    public void ListedConfigurationRuns()
    {
        var app = PackedPackage.Fixture("vite-app");
        var result = app.Build("ViteApp.csproj", new[] { "-c", "Development", "-p:ConvexAuthKitConfigurations=Debug%3BDevelopment" });
        AssertBuilt(result);
        Assert.AreEqual(1, Lines(result).Count(l => l.Contains("convex.json authKit.dev")), result.ToString());
    }

    [TestMethod]
    public void MultiTargetedProjectDoesTheWorkOnce()
    {
        var app = PackedPackage.Fixture("multi-target");
        var result = app.Build("Multi.csproj");
        AssertBuilt(result);
        Assert.AreEqual(1, Lines(result).Count(l => l.Contains("convex.json authKit.dev")), result.ToString());
    }

    [TestMethod]
    public void ConvexAppInClientAppWithAuthConfigTriggerUsesFrameworkDefaults()
    {
        var app = PackedPackage.Fixture("aspnet-spa");
        var result = app.Build("Web.csproj");
        AssertBuilt(result);
        var line = Lines(result).Single(l => l.Contains("Convex.AuthKit:") && l.Contains("auth.config"));
        StringAssert.Contains(line, "https://localhost:44412");
    }

    [TestMethod]
    public void ConvexAppInAParentFolderIsFound()
    {
        var app = PackedPackage.Fixture("nextjs-app");
        var result = app.Build("server/Server.csproj");
        AssertBuilt(result);
        Assert.AreEqual(1, Lines(result).Count(l => l.Contains("convex.json authKit.dev")), result.ToString());
    }

    [TestMethod]
    public void ProjectWithoutConvexAppGetsOneLowImportanceLine()
    {
        var app = PackedPackage.Fixture("no-convex");
        var normal = app.Build("Plain.csproj");
        AssertBuilt(normal);
        Assert.AreEqual(0, Lines(normal).Length, "nothing at normal console verbosity: " + normal);

        var detailed = app.Build("Plain.csproj", new[] { "-v:d", "-p:ConvexAuthKitForce=true" });
        AssertBuilt(detailed);
        var lines = Lines(detailed).Where(l => !l.Contains("Task Parameter")).ToList();
        Assert.AreEqual(1, lines.Count(l => l.Contains("no Convex app found")), detailed.ToString());
    }
}
