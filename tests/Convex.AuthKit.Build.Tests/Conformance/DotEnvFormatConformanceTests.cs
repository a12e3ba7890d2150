using Convex.AuthKit.Build.DotEnv;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Tests.Conformance;

[TestClass]
public sealed class DotEnvFormatConformanceTests
{
    public static IEnumerable<object[]> Vectors => ConformanceVectors.Family("format_value");

    [TestMethod, TestCategory("Conformance")]
    [DynamicData(nameof(Vectors), DynamicDataDisplayName = nameof(ConformanceVectors.DisplayName), DynamicDataDisplayNameDeclaringType = typeof(ConformanceVectors))]
    public void Format(string name, string vectorJson)
    {
        var vector = JObject.Parse(vectorJson);
        var wanted = (JObject)ConformanceVectors.Wanted(vector);

        var result = DotEnvValueFormatter.Format((string)vector["input"]!["value"]!);

        Assert.AreEqual((string?)wanted["formatted"], result.Formatted, name);
        Assert.AreEqual((string?)wanted["warning"], result.Warning, name);
        Assert.AreEqual((string?)wanted["error"], result.Error, name);
    }

    [TestMethod]
    public void FamilyHasVectors() => Assert.IsTrue(Vectors.Any());
}
