using System.Text;
using Convex.AuthKit.Build.DotEnv;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.DotEnv;

/// <summary>
/// The linear scanner finds exactly what dotenv's regular expression finds (the conformance vectors check it against
/// dotenv itself): generated texts built from the characters the expression treats specially, compared with the
/// regular expression run by .NET's backtracking engine.
/// </summary>
[TestClass]
public sealed class DotEnvParserEquivalenceTests
{
    private static readonly string[] Pieces =
    {
        "A", "b_1", ".", "-", "export", "export ", " ", "  ", "\t", "\v", "\u00A0", "\uFEFF", "\n", "\n", "\r\n", "\r",
        "\u2028", "\u2029", "=", "=", ":", ": ", "'", "'", "\"", "\"", "`", "\\", "\\'", "\\\"", "#", "# c", "x", "y z", "\\n",
    };

    [TestMethod]
    [DataRow(1, 8)]
    [DataRow(2, 16)]
    [DataRow(3, 40)]
    public void GeneratedTextsParseAsTheRegularExpressionDoes(int seed, int maxPieces)
    {
        var random = new Random(seed);
        for (var round = 0; round < 6000; round++)
        {
            var builder = new StringBuilder();
            var count = random.Next(maxPieces + 1);
            for (var i = 0; i < count; i++) builder.Append(Pieces[random.Next(Pieces.Length)]);
            AssertSameAssignments(builder.ToString());
        }
    }

    [TestMethod]
    [DataRow("A=1\nB=2\n")]
    [DataRow("export =1")]
    [DataRow("export  \n\n KEY = 'v' # c\n")]
    [DataRow("A='x\n\nB='y' z\nC=3")]
    [DataRow("A='a\\'b\\' c'\n")]
    [DataRow("A='a\\'b\\'\n' c\n")]
    [DataRow("A=\"\\\"x\\\" y\"q\nB=1")]
    [DataRow("A:\n\n\n'q'\n")]
    [DataRow("A:x\nB: y")]
    [DataRow("A=x\u2028'y\u2028'z'\n")]
    [DataRow("A=\n\n\n#c\nB=1")]
    [DataRow("K\n\n\n=\n1")]
    [DataRow("\n\n\n# c\nnot an assignment\nA=`multi\nline`")]
    public void EdgeCasesParseAsTheRegularExpressionDoes(string text) => AssertSameAssignments(text);

    private static void AssertSameAssignments(string text)
    {
        var expected = RegexDotEnvReference.ParseAssignments(text);
        var actual = DotEnvParser.ParseAssignments(text);
        CollectionAssert.AreEqual(
            expected.Select(a => (a.Key, a.Value, a.KeyStart, a.ValueLineEnd)).ToList(),
            actual.Select(a => (a.Key, a.Value, a.KeyStart, a.ValueLineEnd)).ToList(),
            "text: " + Escape(text));
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
