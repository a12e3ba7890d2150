using Convex.AuthKit.Build.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Tests.Conformance;

[TestClass]
public class ConfigAuthKitConfigConformanceTests
{
    public static IEnumerable<object[]> Vectors => ConformanceVectors.Family("authkit_config");

    [TestMethod, TestCategory("Conformance")]
    [DynamicData(nameof(Vectors), DynamicDataDisplayName = nameof(ConformanceVectors.DisplayName), DynamicDataDisplayNameDeclaringType = typeof(ConformanceVectors))]
    public void ParseConvexJson(string name, string vectorJson)
    {
        var vector = JObject.Parse(vectorJson);
        var wanted = (JObject)ConformanceVectors.Wanted(vector);
        var text = (string)vector["input"]!["convexJson"]!;

        if (wanted["error"] != null)
        {
            var e = Assert.ThrowsExactly<ConvexJsonException>(() => ConvexJsonParser.Parse(text), name);
            Assert.AreEqual((string)wanted["error"]!, e.Message, name);
            // Only text JSON.parse rejects gets the CLI's parse-failure line; a schema error names what is wrong.
            Assert.AreEqual((string)wanted["errorKind"]! == "invalid_json", e.Message == ConvexJsonParser.InvalidJsonMessage, name);
            return;
        }

        var config = ConvexJsonParser.Parse(text);
        var expectedAuthKit = wanted["authKit"]!;
        if (expectedAuthKit.Type == JTokenType.Null) Assert.IsNull(config.AuthKit, name);
        else
        {
            Assert.IsNotNull(config.AuthKit, name);
            var actual = config.AuthKit.ToJson();
            Assert.IsTrue(JToken.DeepEquals(expectedAuthKit, actual), $"{name}: expected {expectedAuthKit} but got {actual}");
        }
        CollectionAssert.AreEqual(((JArray)wanted["warnings"]!).Values<string>().ToList(), (System.Collections.ICollection)config.Warnings, name);
    }
}
