using Convex.AuthKit.Build.DotEnv;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.DotEnv;

[TestClass]
public sealed class DotEnvEditorTests
{
    private static string? Set(string? content, string name, string value) => DotEnvEditor.Change(content, name, value);

    [TestMethod]
    public void CrOnlyLineEndingsAreKept()
    {
        Assert.AreEqual("A=1\rB=2\r\r# see\rKEY=v\r", DotEnvEditor.Change("A=1\rB=2\r", "KEY", "v", "# see"));
    }

    [TestMethod]
    public void ReplacingInACrLfFileKeepsEveryLineEnding() =>
        Assert.AreEqual("A=1\r\nKEY=new\r\nB=2\r\n", Set("A=1\r\nKEY=old # c\r\nB=2\r\n", "KEY", "new"));

    [TestMethod]
    public void AppendingToACrLfFileWithCommentUsesCrLf() =>
        Assert.AreEqual("A=1\r\n\r\n# see\r\nKEY=v\r\n", DotEnvEditor.Change("A=1\r\n", "KEY", "v", "# see"));

    [TestMethod]
    public void AppendingToAFileWhoseFirstLineEndingIsLfUsesLf() =>
        Assert.AreEqual("A=1\nB=2\r\n\nKEY=v\n", Set("A=1\nB=2\r\n", "KEY", "v"));

    [TestMethod]
    public void AMultiLineValueIsReplacedWhole() =>
        Assert.AreEqual("X=0\nKEY=x\nB=2\n", Set("X=0\nKEY=\"a\nb\" # c\nB=2\n", "KEY", "x"));

    [TestMethod]
    public void IndentationAndExportPrefixAreKept() =>
        Assert.AreEqual("  export KEY=new\n", Set("  export KEY=old\n", "KEY", "new"));

    [TestMethod]
    public void BomCharacterAtStartIsKept() =>
        Assert.AreEqual("\uFEFFKEY=new\n", Set("\uFEFFKEY=old\n", "KEY", "new"));

    [TestMethod]
    public void AValueHoldingAHashIsQuotedSoDotenvDoesNotReadItAsAComment() =>
        Assert.AreEqual("KEY='a#b'\n", Set("KEY=old\n", "KEY", "a#b"));

    [TestMethod]
    public void ValueNeedingBackticksIsWrittenInBackticks() =>
        Assert.AreEqual("KEY=`it's \"#1\"`\n", Set(null, "KEY", "it's \"#1\""));

    [TestMethod]
    public void UnrepresentableValueThrowsWithoutShowingTheValue()
    {
        const string secret = "it's `\"secret\"`\nvalue";
        var error = Assert.ThrowsExactly<DotEnvValueException>(() => Set("A=1\n", "KEY", secret));
        Assert.AreEqual(DotEnvValueException.CannotBeRepresented, error.Message);
        Assert.IsFalse(error.ToString().Contains("secret"));
    }

    [TestMethod]
    public void NameDotenvCannotReadIsRejected()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Set("", "CAF\u00c9", "v"));
        Assert.ThrowsExactly<ArgumentException>(() => Set("", "", "v"));
        Assert.ThrowsExactly<ArgumentException>(() => Set("", "A B", "v"));
    }

    [TestMethod]
    public void MultiLineCommentsAreRejected()
    {
        Assert.ThrowsExactly<ArgumentException>(() => DotEnvEditor.Change("", "K", "v", "# a\r\nB=1"));
        Assert.ThrowsExactly<ArgumentException>(() => DotEnvEditor.Change("", "K", "v", "# a\u2028B=1"));
    }

    [TestMethod]
    public void ChangesFeedIntoEachOther()
    {
        var text = Set(null, "A", "1");
        text = DotEnvEditor.Change(text, "B", "2", "# b") ?? text;
        text = Set(text, "A", "1") ?? text;
        Assert.AreEqual("A=1\n\n# b\nB=2\n", text);
    }
}
