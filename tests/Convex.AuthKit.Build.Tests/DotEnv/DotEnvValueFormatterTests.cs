using Convex.AuthKit.Build.DotEnv;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.DotEnv;

[TestClass]
public sealed class DotEnvValueFormatterTests
{
    [TestMethod]
    public void ReferenceTextThatReadsBackKeepsItsWarning()
    {
        // Reference: has '#', "'" and '"' -> '...' with the '#' warning; the quote is escaped, so dotenv reads it back.
        var result = DotEnvValueFormatter.Format("a\\'b \"#\"");
        Assert.AreEqual("'a\\'b \"#\"'", result.Formatted);
        Assert.AreEqual(DotEnvValueFormatter.HashWarning, result.Warning);
        Assert.IsNull(result.Error);
    }

    [TestMethod]
    public void ToStringDoesNotShowTheValue()
    {
        Assert.AreEqual("formatted", DotEnvValueFormatter.Format("sk_test_secret").ToString());
        Assert.DoesNotContain("sk_test_secret", DotEnvValueFormatter.Format("sk_test_secret#1").ToString());
    }

    [TestMethod]
    public void CrLfInsideAValueIsEscapedInDoubleQuotes() =>
        Assert.AreEqual("\"a\\r\\nb\"", DotEnvValueFormatter.Format("a\r\nb").Formatted);

    [TestMethod]
    public void EveryFormattedValueReadsBack()
    {
        foreach (var value in new[] { "", " ", "#", "'", "\"", "`", "a'b\"c", "x\ny'z", "\\n'\n", "a\fb", "\u00a0pad", "'quoted'", "`" + "x" })
        {
            var result = DotEnvValueFormatter.Format(value);
            Assert.IsNotNull(result.Formatted, value);
            Assert.AreEqual(value, DotEnvParser.Parse("K=" + result.Formatted)["K"], value);
        }
    }
}
