using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.EvaluationTests;

/// <summary>NuGet imports buildMultiTargeting/ into a multi-targeted project's outer build; it brings in build/.</summary>
[TestClass]
public sealed class MultiTargetingImportTests
{
    [TestMethod]
    [DataRow("Convex.AuthKit.Build.props")]
    [DataRow("Convex.AuthKit.Build.targets")]
    public void TheOuterBuildImportsTheBuildFolderThroughBuildMultiTargeting(string file)
    {
        using var project = new PackageProject(targetFramework: "<TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>");
        var imports = PackageEvaluation.Imports(project);
        var root = PackageEvaluation.PackageRoot;
        CollectionAssert.Contains(imports.ToList(), Path.GetFullPath(Path.Combine(root, "buildMultiTargeting", file)), string.Join("\n", imports));
        CollectionAssert.Contains(imports.ToList(), Path.GetFullPath(Path.Combine(root, "build", file)), string.Join("\n", imports));
    }
}
