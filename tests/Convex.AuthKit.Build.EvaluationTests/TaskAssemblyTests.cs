using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.EvaluationTests;

/// <summary>
/// The .targets load the task assembly built for the MSBuild that runs them: the .NET SDK's (Core) loads the net8.0
/// build, Visual Studio's (.NET Framework) the net472 one. The package carries both (PackageLayoutTests).
/// </summary>
[TestClass]
public sealed class TaskAssemblyTests
{
    [TestMethod]
    public void TheSdksMSBuildLoadsTheNet8TaskAssemblyFromThePackage()
    {
        using var project = new PackageProject();
        // These tests run on the .NET SDK's MSBuild (MSBuildRuntimeType=Core).
        Assert.AreEqual(PackageEvaluation.TaskAssemblyIn("net8.0"), Path.GetFullPath(project.Property("ConvexAuthKitTaskAssembly")));
    }

    [TestMethod]
    [DataRow("Core", "net8.0")]
    [DataRow("Full", "net472")]
    public void TheTaskAssemblyFollowsTheMSBuildRuntime(string runtimeType, string taskFolder)
    {
        Assert.AreEqual(PackageEvaluation.TaskAssemblyIn(taskFolder), Path.GetFullPath(PackageEvaluation.TaskAssemblyOnRuntime(runtimeType)));
    }
}
