using Convex.AuthKit.Build.DotEnv;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.DotEnv;

// Expected values below were checked against dotenv 16.6.1's own regular expression under Node.
[TestClass]
public sealed class DotEnvParserTests
{
    [TestMethod]
    public void ColonSeparatorMayBeFollowedByALineBreak() =>
        Assert.AreEqual("B=2", DotEnvParser.Parse("A:\nB=2\n")["A"]);

    [TestMethod]
    public void ValueStartingWithDoubleQuoteButNotQuotedStillExpandsBackslashN() =>
        Assert.AreEqual("\"x\n\" y", DotEnvParser.Parse("A=\"x\\n\" y\n")["A"]);

    [TestMethod]
    public void ParagraphSeparatorEndsALineForCommentsOnly()
    {
        var parsed = DotEnvParser.Parse("A=  #c\u2028B=2\n");
        Assert.AreEqual("", parsed["A"]);
        Assert.AreEqual("2", parsed["B"]);
        Assert.AreEqual("x\u2028B=2", DotEnvParser.Parse("A=x\u2028B=2\n")["A"]);
    }

    [TestMethod]
    public void EscapedSingleQuoteStaysInsideSingleQuotes() =>
        Assert.AreEqual("a\\'b", DotEnvParser.Parse("A='a\\'b'\n")["A"]);

    [TestMethod]
    public void SpanRunsFromKeyToEndOfTheLineWhereTheValueEnds()
    {
        const string text = "# c\r\nexport KEY='a\r\nb' # note\r\nB=2";
        var assignments = DotEnvParser.ParseAssignments(text);

        Assert.AreEqual(2, assignments.Count);
        var key = assignments[0];
        Assert.AreEqual("KEY", key.Key);
        Assert.AreEqual("a\nb", key.Value);
        Assert.AreEqual(text.IndexOf("KEY", StringComparison.Ordinal), key.KeyStart);
        Assert.AreEqual("KEY='a\r\nb' # note", text[key.KeyStart..key.ValueLineEnd]);
        var b = assignments[1];
        Assert.AreEqual("B=2", text[b.KeyStart..b.ValueLineEnd]);
    }

    [TestMethod]
    public void SpanOfAValueOnTheNextLineEndsOnThatLine()
    {
        const string text = "A=\n'x' # c\nB=1\n";
        var a = DotEnvParser.ParseAssignments(text)[0];
        Assert.AreEqual("x", a.Value);
        Assert.AreEqual("A=\n'x' # c", text[a.KeyStart..a.ValueLineEnd]);
    }

    [TestMethod]
    public void SpanOfAnEmptyValueStopsAtItsOwnLine()
    {
        const string text = "A=\n# comment\nB=1\n";
        var a = DotEnvParser.ParseAssignments(text)[0];
        Assert.AreEqual("", a.Value);
        Assert.AreEqual("A=", text[a.KeyStart..a.ValueLineEnd]);
    }

    [TestMethod]
    public void DuplicatesAreAllListedAndTheLastWins()
    {
        const string text = "K=1\nK=2\n";
        Assert.AreEqual(2, DotEnvParser.ParseAssignments(text).Count);
        Assert.AreEqual("2", DotEnvParser.Parse(text)["K"]);
    }

    [TestMethod]
    public void AssignmentToStringDoesNotShowTheValue() =>
        Assert.IsFalse(DotEnvParser.ParseAssignments("KEY=secret-value").Single().ToString().Contains("secret-value"));
}
