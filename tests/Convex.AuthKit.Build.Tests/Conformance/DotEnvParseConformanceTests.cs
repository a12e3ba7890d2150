using Convex.AuthKit.Build.DotEnv;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Tests.Conformance;

[TestClass]
public sealed class DotEnvParseConformanceTests
{
    public static IEnumerable<object[]> Vectors => ConformanceVectors.Family("dotenv_parse");

    [TestMethod, TestCategory("Conformance")]
    [DynamicData(nameof(Vectors), DynamicDataDisplayName = nameof(ConformanceVectors.DisplayName), DynamicDataDisplayNameDeclaringType = typeof(ConformanceVectors))]
    public void Parse(string name, string vectorJson)
    {
        var vector = JObject.Parse(vectorJson);
        var text = (string)vector["input"]!["text"]!;
        var wanted = (JObject)ConformanceVectors.Wanted(vector)["parsed"]!;

        var parsed = DotEnvParser.Parse(text);

        var expected = wanted.Properties().ToDictionary(p => p.Name, p => (string)p.Value!);
        CollectionAssert.AreEquivalent(expected.Keys.ToList(), parsed.Keys.ToList(), name);
        foreach (var pair in expected) Assert.AreEqual(pair.Value, parsed[pair.Key], $"{name}: {pair.Key}");
    }

    [TestMethod]
    public void FamilyHasVectors() => Assert.IsTrue(Vectors.Any());
}
