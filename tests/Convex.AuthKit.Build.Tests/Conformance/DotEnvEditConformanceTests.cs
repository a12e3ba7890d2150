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
        Assert.IsNull((string?)input["commentAfterValue"], $"{name}: the package never writes a comment after a value; retire this vector");
        Assert.IsFalse((bool?)input["formatValue"] ?? false, $"{name}: the package never formats a value the CLI's way; retire this vector");
        string? Change() => DotEnvEditor.Change(
            (string?)input["existingFileContent"],
            (string)input["envVarName"]!,
            (string)input["value"]!,
            (string?)input["commentOnPreviousLine"]);

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
