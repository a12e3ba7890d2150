using Microsoft.VisualStudio.TestTools.UnitTesting;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Tests.Conformance;

/// <summary>Skip nothing: every vector file in every conformance directory belongs to a family that has a test.</summary>
[TestClass]
public sealed class ConformanceCoverageTests
{
    private static readonly string[] TestedFamilies =
    {
        "dotenv_parse", "env_file_edit", "resolve_template", "authkit_config", "framework_detection",
    };

    [TestMethod, TestCategory("Conformance")]
    public void EveryVectorFileHasATestedFamily()
    {
        foreach (var file in ConformanceVectors.Files())
        {
            var family = (string?)JObject.Parse(File.ReadAllText(file))["family"];
            CollectionAssert.Contains(TestedFamilies, family, $"{file}: family '{family}' has no conformance test");
        }
    }

    [TestMethod, TestCategory("Conformance")]
    public void TheRepositoryCarriesEveryFamilyItself()
    {
        var families = Directory.GetFiles(ConformanceVectors.BuiltInDirectory, "*.json")
            .Select(file => (string?)JObject.Parse(File.ReadAllText(file))["family"])
            .ToList();
        CollectionAssert.AreEquivalent(TestedFamilies, families, "one vector file per tested family, inside the repository");
    }

    [TestMethod, TestCategory("Conformance"), DoNotParallelize]
    public void AnExtraFileNamedLikeALoadedOneIsSkipped()
    {
        var extra = Path.Combine(Path.GetTempPath(), "convex-authkit-conformance-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(extra);
        File.WriteAllText(Path.Combine(extra, "dotenv_parse.json"),
            "{\"family\":\"dotenv_parse\",\"vectors\":[{\"name\":\"stale_copy\",\"input\":{\"text\":\"X=1\"},\"expected\":{\"parsed\":{\"X\":\"2\"}}}]}");
        var before = Environment.GetEnvironmentVariable(ConformanceVectors.DirsVariable);
        try
        {
            Environment.SetEnvironmentVariable(ConformanceVectors.DirsVariable, extra);
            var names = ConformanceVectors.Family("dotenv_parse").Select(row => (string)row[0]).ToList();
            Assert.IsFalse(names.Any(n => n.EndsWith(":stale_copy", StringComparison.Ordinal)), "the repository's dotenv_parse.json wins over a same-named extra file");
            Assert.IsTrue(names.All(n => n.StartsWith("vectors/", StringComparison.Ordinal)), string.Join("\n", names.Take(3)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ConformanceVectors.DirsVariable, before);
            Directory.Delete(extra, true);
        }
    }

    [TestMethod, TestCategory("Conformance"), DoNotParallelize]
    public void ExtraDirectoriesFromTheEnvironmentAreRead()
    {
        var extra = Path.Combine(Path.GetTempPath(), "convex-authkit-conformance-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(extra);
        File.WriteAllText(Path.Combine(extra, "more.json"),
            "{\"family\":\"dotenv_parse\",\"vectors\":[{\"name\":\"extra_vector\",\"input\":{\"text\":\"X=1\"},\"expected\":{\"parsed\":{\"X\":\"1\"}}}]}");
        var before = Environment.GetEnvironmentVariable(ConformanceVectors.DirsVariable);
        try
        {
            Environment.SetEnvironmentVariable(ConformanceVectors.DirsVariable, extra);
            var names = ConformanceVectors.Family("dotenv_parse").Select(row => (string)row[0]).ToList();
            Assert.IsTrue(names.Any(n => n.EndsWith("more.json:extra_vector", StringComparison.Ordinal)), string.Join("\n", names));
            Assert.IsTrue(names.Count > 1, "the repository's vectors are still read");
        }
        finally
        {
            Environment.SetEnvironmentVariable(ConformanceVectors.DirsVariable, before);
            Directory.Delete(extra, true);
        }
    }
}
