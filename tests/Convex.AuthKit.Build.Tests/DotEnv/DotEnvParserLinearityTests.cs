using System.Text;
using Convex.AuthKit.Build.DotEnv;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.DotEnv;

/// <summary>
/// Texts that make dotenv's regular expression backtrack quadratically (8,000 blank lines before a comment took
/// seconds) stay linear: the parser's own count of the characters it examines, not a clock, is the guard.
/// </summary>
[TestClass]
public sealed class DotEnvParserLinearityTests
{
    private const int StepsPerCharacter = 12;

    public static IEnumerable<object[]> Pathological => new[]
    {
        new object[] { "blank lines, then a comment", Repeat("\n", 8000) + "# comment\n" },
        new object[] { "blank lines, then a line that is not an assignment", Repeat("\n", 8000) + "not an assignment\n" },
        new object[] { "indented blank lines, then a key without a separator", Repeat("  \t\n", 8000) + "KEY\n" },
        new object[] { "keys without separators, each before blank lines", Repeat("KEY\n\n\n\n", 4000) },
        new object[] { "a key whose '=' never comes", "KEY" + Repeat(" \n", 8000) + "#" },
        new object[] { "export before blank lines", Repeat("export\n \n", 4000) },
        new object[] { "quotes that never close on their line", Repeat("A='x\nB=\"y\nC=`z\n", 3000) },
        new object[] { "escaped quotes only", "A='" + Repeat("\\'x", 8000) },
        new object[] { "an unquoted value with many U+2028 line starts holding quotes", "A=x" + Repeat("\u2028'x", 8000) + "\n" },
        new object[] { "a quoted value with many lines holding quotes", "A=\"" + Repeat("\n'x", 8000) + "\"\n" },
    };

    [TestMethod]
    [DynamicData(nameof(Pathological))]
    public void ExaminesAConstantNumberOfCharactersPerCharacter(string name, string text)
    {
        DotEnvParser.ParseAssignments(text, out var steps);

        Assert.IsLessThanOrEqualTo((long)StepsPerCharacter * (text.Length + 1), steps, $"{name}: {steps} steps for {text.Length} characters");
    }

    [TestMethod]
    [DynamicData(nameof(Pathological))]
    public void DoublingTheTextAtMostDoublesTheWork(string name, string text)
    {
        DotEnvParser.ParseAssignments(text, out var single);
        DotEnvParser.ParseAssignments(text + "\n" + text, out var doubled);

        Assert.IsLessThanOrEqualTo(2 * single + 64, doubled, $"{name}: {single} steps, doubled {doubled}");
    }

    [TestMethod]
    public void TheCountCoversTheScan()
    {
        DotEnvParser.ParseAssignments("A=1\n", out var steps);
        Assert.IsGreaterThanOrEqualTo(4, steps, "every character is examined at least once");
    }

    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();
}
