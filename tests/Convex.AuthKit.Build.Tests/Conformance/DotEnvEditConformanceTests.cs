using Convex.AuthKit.Build.DotEnv;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Tests.Conformance;

[TestClass]
public sealed class DotEnvEditConformanceTests
{
    public static IEnumerable<object[]> Vectors => ConformanceVectors.Family("env_file_edit");

    [TestMethod, TestCategory("Conformance")]
    [DynamicData(nameof(Vectors), DynamicDataDisplayName = nameof(ConformanceVectors.DisplayName), DynamicDataDisplayNameDeclaringType = typeof(ConformanceVectors))]
    public void Edit(string name, string vectorJson)
    {
        var vector = JObject.Parse(vectorJson);
        var input = (JObject)vector["input"]!;
        var wanted = (JObject)ConformanceVectors.Wanted(vector);
        string? Change() => DotEnvEditor.Change(
            (string?)input["existingFileContent"],
            (string)input["envVarName"]!,
            (string)input["value"]!,
            (string?)input["commentAfterValue"],
            (string?)input["commentOnPreviousLine"],
            (bool)input["formatValue"]!);

        var wantedError = (string?)wanted["error"];
        if (wantedError != null)
        {
            var error = Assert.ThrowsExactly<DotEnvValueException>(() => Change(), name);
            Assert.AreEqual(wantedError, error.Message, name);
            return;
        }
        Assert.AreEqual((string?)wanted["content"], Change(), name);
    }

    [TestMethod]
    public void FamilyHasVectors() => Assert.IsTrue(Vectors.Any());
}
