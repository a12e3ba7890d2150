using Convex.AuthKit.Build.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Tests.Conformance;

[TestClass]
public class ConfigResolveTemplateConformanceTests
{
    public static IEnumerable<object[]> Vectors => ConformanceVectors.Family("resolve_template");

    [TestMethod, TestCategory("Conformance")]
    [DynamicData(nameof(Vectors), DynamicDataDisplayName = nameof(ConformanceVectors.DisplayName), DynamicDataDisplayNameDeclaringType = typeof(ConformanceVectors))]
    public void ResolveTemplate(string name, string vectorJson)
    {
        var vector = JObject.Parse(vectorJson);
        var wanted = (JObject)ConformanceVectors.Wanted(vector);
        var input = (JObject)vector["input"]!;
        var template = (string)input["template"]!;
        WorkOSCredentials? provisioned = input["provisioned"] is JObject p
            ? new WorkOSCredentials((string?)p["clientId"], (string?)p["apiKey"], (string?)p["environmentId"])
            : null;
        var buildEnv = (JObject)input["buildEnv"]!;
        string? Lookup(string variable) => (string?)buildEnv[variable];

        if (wanted["error"] != null)
        {
            var e = Assert.ThrowsExactly<TemplateException>(() => TemplateResolver.Resolve(template, provisioned, Lookup), name);
            Assert.AreEqual((string)wanted["error"]!, e.Message, name);
        }
        else
        {
            Assert.AreEqual((string)wanted["result"]!, TemplateResolver.Resolve(template, provisioned, Lookup), name);
        }
    }
}
