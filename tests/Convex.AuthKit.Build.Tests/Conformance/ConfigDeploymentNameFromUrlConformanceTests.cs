using System.Collections.Generic;
using Convex.AuthKit.Build.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Tests.Conformance;

[TestClass]
public class ConfigDeploymentNameFromUrlConformanceTests
{
    public static IEnumerable<object[]> Vectors => ConformanceVectors.Family("deployment_name_from_url");

    [TestMethod, TestCategory("Conformance")]
    [DynamicData(nameof(Vectors), DynamicDataDisplayName = nameof(ConformanceVectors.DisplayName), DynamicDataDisplayNameDeclaringType = typeof(ConformanceVectors))]
    public void DeploymentNameFromUrl(string name, string vectorJson)
    {
        var vector = JObject.Parse(vectorJson);
        var wanted = (JObject)ConformanceVectors.Wanted(vector);
        Assert.AreEqual((string?)wanted["deploymentName"], DeploymentNames.FromUrl((string)vector["input"]!["url"]!), name);
    }
}
