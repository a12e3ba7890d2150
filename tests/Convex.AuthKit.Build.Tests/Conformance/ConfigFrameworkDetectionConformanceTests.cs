using Convex.AuthKit.Build.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Tests.Conformance;

[TestClass]
public class ConfigFrameworkDetectionConformanceTests
{
    public static IEnumerable<object[]> Vectors => ConformanceVectors.Family("framework_detection");

    [TestMethod, TestCategory("Conformance")]
    [DynamicData(nameof(Vectors), DynamicDataDisplayName = nameof(ConformanceVectors.DisplayName), DynamicDataDisplayNameDeclaringType = typeof(ConformanceVectors))]
    public void DetectFramework(string name, string vectorJson)
    {
        var vector = JObject.Parse(vectorJson);
        var wanted = (JObject)ConformanceVectors.Wanted(vector);
        var packageJson = (string?)vector["input"]!["packageJson"];

        if (wanted["error"] != null)
        {
            var e = Assert.ThrowsExactly<PackageJsonException>(() => FrameworkDetector.Detect(packageJson), name);
            switch ((string)wanted["errorKind"]!)
            {
                case "crash": Assert.AreEqual((string)wanted["error"]!, e.Message, name); break;
                case "invalid_json": StringAssert.StartsWith(e.Message, (string)wanted["errorPrefix"]!, name); break;
                case "uncaught_exception": Assert.IsFalse(string.IsNullOrEmpty(e.Message), name); break;
                default: Assert.Fail($"{name}: unknown errorKind {wanted["errorKind"]}"); break;
            }
            return;
        }

        var info = FrameworkDetector.Detect(packageJson);
        Assert.AreEqual((string)wanted["convexUrlEnvVar"]!, info.ConvexUrlEnvVar, name);
        Assert.AreEqual((string)wanted["convexSiteEnvVar"]!, info.ConvexSiteEnvVar, name);
        Assert.AreEqual((string?)wanted["detectedFramework"], info.DetectedFramework, name);
        Assert.AreEqual((string?)wanted["frontendDevUrl"], info.FrontendDevUrl, name);
        Assert.AreEqual((string?)wanted["publicPrefix"], info.PublicPrefix, name);
    }
}
