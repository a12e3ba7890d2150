using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.EvaluationTests;

[TestClass]
public sealed class PropertyDefaultsTests
{
    [TestMethod]
    [DataRow("ConvexAuthKitEnabled", "true")]
    [DataRow("ConvexAuthKitConfigurations", "Debug")]
    [DataRow("ConvexAuthKitEnvFile", ".env.local")]
    [DataRow("ConvexAuthKitDryRun", "false")]
    [DataRow("ConvexAuthKitForce", "false")]
    [DataRow("ConvexAuthKitFailOnError", "true")]
    [DataRow("ConvexAuthKitTimeoutSeconds", "100")]
    [DataRow("ConvexAuthKitAcceptWorkOSTerms", "false")]
    [DataRow("ConvexAuthKitConfigureWebhook", "true")]
    [DataRow("ConvexAuthKitDevOrigin", "")]
    [DataRow("ConvexAuthKitWorkOSApiUrl", "")]
    [DataRow("ConvexProjectDirectory", "")]
    public void Defaults(string name, string expected)
    {
        using var project = new PackageProject();
        Assert.AreEqual(expected, project.Property(name));
    }

    [TestMethod]
    public void ProjectBodyOverridesEveryDefault()
    {
        using var project = new PackageProject("""
            <PropertyGroup>
              <ConvexAuthKitEnvFile>../web/.env.development.local</ConvexAuthKitEnvFile>
              <ConvexAuthKitConfigurations>Debug;Development</ConvexAuthKitConfigurations>
              <ConvexAuthKitTimeoutSeconds>20</ConvexAuthKitTimeoutSeconds>
            </PropertyGroup>
            """);
        Assert.AreEqual("../web/.env.development.local", project.Property("ConvexAuthKitEnvFile"));
        Assert.AreEqual("Debug;Development", project.Property("ConvexAuthKitConfigurations"));
        Assert.AreEqual("20", project.Property("ConvexAuthKitTimeoutSeconds"));
    }

    [TestMethod]
    public void GlobalPropertiesOverrideDefaults()
    {
        using var project = new PackageProject();
        Assert.AreEqual("false", project.Property("ConvexAuthKitEnabled", new Dictionary<string, string> { ["ConvexAuthKitEnabled"] = "false" }));
    }

    [TestMethod]
    public void TaskAssemblyIsChosenByMSBuildRuntime()
    {
        using var project = new PackageProject();
        // These tests run on the .NET SDK's MSBuild (MSBuildRuntimeType=Core).
        StringAssert.EndsWith(project.Property("ConvexAuthKitTaskAssembly").Replace('\\', '/'), "/tasks/net8.0/Convex.AuthKit.Build.dll");
    }

    [TestMethod]
    public void StateFilesLiveInBaseIntermediateOutputPathSharedByInnerBuilds()
    {
        using var project = new PackageProject();
        var stamp = project.Property("_ConvexAuthKitStampFile").Replace('\\', '/');
        StringAssert.EndsWith(stamp, "/obj/Consumer.ConvexAuthKit.stamp");
        StringAssert.DoesNotMatch(stamp, new System.Text.RegularExpressions.Regex("net10"));
    }
}
