using System.Text;
using Convex.AuthKit.Build.DotEnv;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.DotEnv;

/// <summary>
/// Texts that make dotenv's regular expression backtrack quadratically (8,000 blank lines before a comment took
/// seconds) stay linear. Each text here is about 25 times that size: a linear parse takes milliseconds, a quadratic one
/// would take minutes, so a bound of a few seconds tells them apart on any machine.
/// </summary>
[TestClass]
public sealed class DotEnvParserLinearityTests
{
    private const int Scale = 25;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

    /// <summary>Each text: a prefix, a piece repeated, a suffix.</summary>
    public static IEnumerable<object[]> Pathological => new[]
    {
        new object[] { "blank lines, then a comment", "", "\n", 8000, "# comment\n" },
        new object[] { "blank lines, then a line that is not an assignment", "", "\n", 8000, "not an assignment\n" },
        new object[] { "indented blank lines, then a key without a separator", "", "  \t\n", 8000, "KEY\n" },
        new object[] { "keys without separators, each before blank lines", "", "KEY\n\n\n\n", 4000, "" },
        new object[] { "a key whose '=' never comes", "KEY", " \n", 8000, "#" },
        new object[] { "export before blank lines", "", "export\n \n", 4000, "" },
        new object[] { "quotes that never close on their line", "", "A='x\nB=\"y\nC=`z\n", 3000, "" },
        new object[] { "escaped quotes only", "A='", "\\'x", 8000, "" },
        new object[] { "an unquoted value with many U+2028 line starts holding quotes", "A=x", "\u2028'x", 8000, "\n" },
        new object[] { "a quoted value with many lines holding quotes", "A=\"", "\n'x", 8000, "\"\n" },
    };

    [TestMethod]
    [DynamicData(nameof(Pathological))]
    public void ParsesAPathologicalTextInLinearTime(string name, string prefix, string piece, int times, string suffix)
    {
        var text = prefix + Repeat(piece, times * Scale) + suffix;
        DotEnvParser.ParseAssignments("A=1\n"); // JIT the parser before timing it

        // On a thread of its own, so that a quadratic parse fails the test at the bound instead of holding the run for minutes.
        var parse = Task.Run(() => DotEnvParser.ParseAssignments(text));

        Assert.IsTrue(parse.Wait(Bound), $"{name}: {text.Length} characters not parsed within {Bound.TotalSeconds} s");
    }

    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();
}
