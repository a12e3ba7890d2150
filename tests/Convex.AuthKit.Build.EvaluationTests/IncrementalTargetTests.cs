using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.EvaluationTests;

/// <summary>
/// docs/architecture.md#incremental-rules as the .targets declare them: MSBuild skips the provisioning work when its
/// Outputs (the stamp) are newer than its Inputs, which include the task assembly; Force and DryRun name an output
/// that is never written, so the work always runs. IncrementalBuildTests watches the same through `dotnet build`.
/// </summary>
[TestClass]
public sealed class IncrementalTargetTests
{
    private const string Provision = "ConvexAuthKitProvision";

    private static EvaluatedTarget ProvisioningWork(PackageProject project, IDictionary<string, string>? globalProperties = null)
    {
        var incremental = PackageEvaluation.IncrementalDependencies(project, Provision, globalProperties);
        Assert.AreEqual(1, incremental.Count, "one target of the provisioning declares Outputs: " + string.Join(", ", incremental.Select(t => t.Name)));
        return incremental[0];
    }

    private static string Normalize(string path) => Path.GetFullPath(path.Trim());

    private static string StampOf(PackageProject project) =>
        Normalize(Path.Combine(Path.GetDirectoryName(project.ProjectPath)!, "obj", "Consumer.ConvexAuthKit.stamp"));

    [TestMethod]
    public void TheProvisioningWorkHasTheStampAsItsOutput()
    {
        using var project = new PackageProject();
        Assert.AreEqual(StampOf(project), Normalize(ProvisioningWork(project).Outputs));
    }

    [TestMethod]
    public void TheTaskAssemblyIsAnInputOfTheProvisioningWork()
    {
        using var project = new PackageProject();
        var inputs = ProvisioningWork(project).Inputs.Split(';').Where(i => i.Trim().Length > 0).Select(Normalize).ToList();
        CollectionAssert.Contains(inputs, PackageEvaluation.TaskAssemblyIn("net8.0"), "a new package version runs the work again\n" + string.Join("\n", inputs));
    }

    [TestMethod]
    [DataRow("ConvexAuthKitForce")]
    [DataRow("ConvexAuthKitDryRun")]
    public void ForceAndDryRunBypassTheStamp(string property)
    {
        using var project = new PackageProject();
        var output = Normalize(ProvisioningWork(project, new Dictionary<string, string> { [property] = "true" }).Outputs);
        Assert.AreNotEqual(StampOf(project), output);
        Assert.IsFalse(File.Exists(output), output);
    }
}
