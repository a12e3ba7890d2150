using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.Vocabulary;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Config;

[TestClass]
public class ConvexJsonParserTests
{
    [TestMethod]
    public void FunctionsDefaultsToConvexFolder()
    {
        Assert.AreEqual("convex/", ConvexJsonParser.Parse("{}").Functions);
        Assert.AreEqual("backend/convex", ConvexJsonParser.Parse("{\"functions\":\"backend/convex\"}").Functions);
    }

    [TestMethod]
    public void LocalEnvVarsKeepJsonKeyOrder()
    {
        var config = ConvexJsonParser.Parse("{\"authKit\":{\"dev\":{\"localEnvVars\":{\"Z\":\"1\",\"A\":\"2\",\"M\":\"3\"}}}}");
        CollectionAssert.AreEqual(new[] { "Z", "A", "M" }, config.AuthKit!.Dev!.LocalEnvVars!.Select(p => p.Key).ToArray());
    }

    [TestMethod]
    public void DuplicateKeyKeepsFirstPositionAndLastValue()
    {
        var config = ConvexJsonParser.Parse("{\"authKit\":{\"dev\":{\"localEnvVars\":{\"A\":\"1\",\"B\":\"2\",\"A\":\"3\"}}}}");
        var vars = config.AuthKit!.Dev!.LocalEnvVars!;
        CollectionAssert.AreEqual(new[] { "A=3", "B=2" }, vars.Select(p => p.Key + "=" + p.Value).ToArray());
    }

    [TestMethod]
    public void FalseSectionsAreDisabledNotAbsent()
    {
        var dev = ConvexJsonParser.Parse("{\"authKit\":{\"dev\":{\"configure\":false,\"localEnvVars\":false}}}").AuthKit!.Dev!;
        Assert.IsNull(dev.Configure);
        Assert.IsTrue(dev.ConfigureDisabled);
        Assert.IsNull(dev.LocalEnvVars);
        Assert.IsTrue(dev.LocalEnvVarsDisabled);
    }

    [TestMethod]
    public void EmptyAuthKitIsPresentWithoutSections()
    {
        var authKit = ConvexJsonParser.Parse("{\"authKit\":{}}").AuthKit;
        Assert.IsNotNull(authKit);
        Assert.IsNull(authKit.Dev);
    }

    [TestMethod]
    public void ArrayIndexesAreWrittenInBrackets()
    {
        var e = Assert.ThrowsExactly<ConvexJsonException>(() => ConvexJsonParser.Parse("{\"authKit\":{\"dev\":{\"configure\":{\"redirectUris\":[\"a\",2]}}}}"));
        Assert.AreEqual("`authKit.dev.configure.redirectUris[1]` in `convex.json`: Expected string, received number", e.Message);
    }

    [TestMethod]
    public void LocalEnvVarValueErrorNamesTheVariable()
    {
        var e = Assert.ThrowsExactly<ConvexJsonException>(() => ConvexJsonParser.Parse("{\"authKit\":{\"dev\":{\"localEnvVars\":{\"A\":\"x\",\"B\":true}}}}"));
        Assert.AreEqual("`authKit.dev.localEnvVars.B` in `convex.json`: Expected string, received boolean", e.Message);
    }

    [TestMethod]
    public void EnumValueErrorQuotesTheValue()
    {
        var e = Assert.ThrowsExactly<ConvexJsonException>(() => ConvexJsonParser.Parse("{\"authKit\":{\"prod\":{\"environmentType\":\"prod\"}}}"));
        Assert.AreEqual("`authKit.prod.environmentType` in `convex.json`: Invalid enum value. Expected 'development' | 'staging' | 'production', received 'prod'", e.Message);
    }

    [TestMethod]
    public void AuthKitNullIsAnObjectTypeError()
    {
        var e = Assert.ThrowsExactly<ConvexJsonException>(() => ConvexJsonParser.Parse("{\"authKit\":null}"));
        Assert.AreEqual("`authKit` in `convex.json`: Expected object, received null", e.Message);
    }

    [TestMethod]
    public void FunctionsErrorsUseZodMessages() =>
        Assert.AreEqual("`functions` in `convex.json`: Expected string, received number",
            Assert.ThrowsExactly<ConvexJsonException>(() => ConvexJsonParser.Parse("{\"functions\":1}")).Message);

    /// <summary>Values the CLI 1.48 rejects in keys the package does not read: a newer CLI may accept them, so they must not fail the build.</summary>
    [TestMethod]
    [DataRow("{\"codegen\":{\"fileType\":\"tsx\"}}")]
    [DataRow("{\"codegen\":\"ts\"}")]
    [DataRow("{\"node\":{\"externalPackages\":[null],\"nodeVersion\":22}}")]
    [DataRow("{\"bundler\":{\"includeSourcesContent\":\"yes\"}}")]
    [DataRow("{\"generateCommonJSApi\":true,\"codegen\":{\"fileType\":\"ts\"}}")]
    [DataRow("{\"typescriptCompiler\":\"swc\"}")]
    [DataRow("{\"aiFiles\":{\"enabled\":1,\"skills\":[]}}")]
    [DataRow("{\"$schema\":false,\"project\":1,\"team\":null,\"prodUrl\":[]}")]
    public void KeysThePackageDoesNotReadAreNotValidated(string text)
    {
        var withAuthKit = text[..^1] + ",\"authKit\":{\"dev\":{\"configure\":false}}}";
        var config = ConvexJsonParser.Parse(withAuthKit);
        Assert.IsTrue(config.AuthKit!.Dev!.ConfigureDisabled, "the authKit section is still read");
        Assert.AreEqual(0, config.Warnings.Count, string.Join("\n", config.Warnings));
    }

    [TestMethod]
    public void ABadAuthKitValueFailsWhateverTheOtherKeysHold()
    {
        var e = Assert.ThrowsExactly<ConvexJsonException>(() => ConvexJsonParser.Parse(
            "{\"codegen\":{\"fileType\":\"tsx\",\"extra\":1},\"authKit\":{\"dev\":{\"configure\":{\"corsOrigins\":[1]}}}}"));
        Assert.AreEqual("`authKit.dev.configure.corsOrigins[0]` in `convex.json`: Expected string, received number", e.Message);
    }

    [TestMethod]
    public void UnknownKeysInsideKeysThePackageDoesNotReadAreNotWarned()
    {
        var config = ConvexJsonParser.Parse("{\"bundler\":{\"x\":1,\"y\":2},\"node\":{\"z\":3},\"extra\":true,\"authKit\":{\"dev\":{}}}");
        CollectionAssert.AreEqual(new[]
        {
            "Warning: Unknown property in `convex.json`: `extra`",
            "  These properties will be preserved but are not recognized by this version of Convex.",
        }, config.Warnings.ToList());
    }

    [TestMethod]
    [DataRow("\uFEFF{}")]
    [DataRow("{\"a\":1,}")]
    [DataRow("{'a':1}")]
    [DataRow("{\"a\":01}")]
    [DataRow("")]
    public void TextThatJsonParseRejectsIsInvalidJson(string text) =>
        Assert.AreEqual(ConvexJsonParser.InvalidJsonMessage, Assert.ThrowsExactly<ConvexJsonException>(() => ConvexJsonParser.Parse(text)).Message);

    [TestMethod]
    public void AByteOrderMarkIsNamedWhereJsonParseStops() =>
        StringAssert.Contains(Assert.ThrowsExactly<StrictJsonException>(() => StrictJson.Parse("\uFEFF{}")).Message, "byte order mark");

    [TestMethod]
    public void HugeNumbersAreJsonLikeInJavaScript() =>
        Assert.AreEqual("`functions` in `convex.json`: Expected string, received number",
            Assert.ThrowsExactly<ConvexJsonException>(() => ConvexJsonParser.Parse("{\"functions\":-1e400}")).Message);

    [TestMethod]
    public void ArrayAndNumberRootsAreNotObjects()
    {
        Assert.AreEqual(ConvexJsonParser.NotAnObjectMessage, Assert.ThrowsExactly<ConvexJsonException>(() => ConvexJsonParser.Parse("[]")).Message);
        Assert.AreEqual(ConvexJsonParser.NotAnObjectMessage, Assert.ThrowsExactly<ConvexJsonException>(() => ConvexJsonParser.Parse(" 1 ")).Message);
    }

    [TestMethod]
    public void AnInvalidJsonPointsAtTheCharacterWhereReadingStopped()
    {
        var e = Assert.ThrowsExactly<ConvexJsonException>(() => ConvexJsonParser.Parse("{\n  \"functions\": ,\n}", "/app/convex.json"));

        Assert.AreEqual(new DiagnosticLocation("/app/convex.json", 2, 16), e.Location);
    }

    [TestMethod]
    public void ASchemaErrorPointsAtThePropertyItNames()
    {
        var text = "{\n  \"authKit\": {\n    \"dev\": {\n      \"localEnvVars\": { \"A\": true }\n    }\n  }\n}";

        var e = Assert.ThrowsExactly<ConvexJsonException>(() => ConvexJsonParser.Parse(text, "/app/convex.json"));

        StringAssert.StartsWith(e.Message, "`authKit.dev.localEnvVars.A` in `convex.json`");
        Assert.AreEqual("/app/convex.json", e.Location!.File);
        Assert.AreEqual(4, e.Location.Line);
        Assert.IsTrue(e.Location.Column is > 23 and <= 28, $"column {e.Location.Column} is at \"A\": true");
    }
}
