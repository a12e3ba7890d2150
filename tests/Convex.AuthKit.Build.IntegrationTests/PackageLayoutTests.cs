using System.IO.Compression;
using System.Xml.Linq;
using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>The nupkg: the build files, the task folders and the README, and nothing that flows to the consumer.</summary>
[TestClass]
public sealed class PackageLayoutTests
{
    private static string[] Entries()
    {
        using var zip = ZipFile.OpenRead(PackedPackage.Feed.NupkgPath);
        return zip.Entries.Select(e => e.FullName).Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml").OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    private static XElement Metadata()
    {
        using var zip = ZipFile.OpenRead(PackedPackage.Feed.NupkgPath);
        using var stream = zip.GetEntry("Convex.AuthKit.Build.nuspec")!.Open();
        var document = XDocument.Load(stream);
        return document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    [TestMethod]
    public void FilesAreExactlyTheBuildFilesTheTaskFoldersTheReadmeAndTheIcon()
    {
        CollectionAssert.AreEqual(new[]
        {
            "Convex.AuthKit.Build.nuspec",
            "README.md",
            "build/Convex.AuthKit.Build.props",
            "build/Convex.AuthKit.Build.targets",
            "buildMultiTargeting/Convex.AuthKit.Build.props",
            "buildMultiTargeting/Convex.AuthKit.Build.targets",
            "icon.png",
            "tasks/net472/Convex.AuthKit.Build.dll",
            "tasks/net472/Newtonsoft.Json.dll",
            "tasks/net8.0/Convex.AuthKit.Build.deps.json",
            "tasks/net8.0/Convex.AuthKit.Build.dll",
            "tasks/net8.0/Newtonsoft.Json.dll",
        }, Entries(), string.Join("\n", Entries()));
    }

    /// <summary>The .targets choose one of them by MSBuild runtime (EvaluationTests: TaskAssemblyTests).</summary>
    [TestMethod]
    public void BothTaskAssembliesTheTargetsCanChooseAreInThePackage()
    {
        var entries = Entries();
        CollectionAssert.Contains(entries, "tasks/net8.0/Convex.AuthKit.Build.dll");
        CollectionAssert.Contains(entries, "tasks/net472/Convex.AuthKit.Build.dll");
    }

    [TestMethod]
    public void PackageIsADevelopmentDependencyWithNoDependencies()
    {
        var metadata = Metadata();
        Assert.AreEqual("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.AreEqual("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
        Assert.IsFalse(metadata.Elements().Any(e => e.Name.LocalName is "dependencies" or "frameworkAssemblies" or "frameworkReferences"), metadata.ToString());
    }
}
