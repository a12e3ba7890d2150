using System.Text;

namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// dotenv 16.6.1 <c>parse</c>, reproduced exactly (docs/protocol.md#dotenv-parsing), in time linear in the text.
/// dotenv matches each line with a JavaScript regular expression; run by a backtracking engine that expression is
/// quadratic (a long run of blank lines before a comment is rescanned from every line start). The
/// <see cref="DotEnvLineScanner"/> finds the same matches, with the same captures, without backtracking.
/// </summary>
internal static class DotEnvParser
{
    private static readonly char[] Quotes = { '\'', '"', '`' };

    /// <summary>What dotenv's <c>parse</c> returns: every key, the last assignment of a key winning.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in ParseAssignments(text)) result[assignment.Key] = assignment.Value;
        return result;
    }

    /// <summary>Every assignment dotenv reads, in file order (duplicates included), with offsets into <paramref name="text"/>.</summary>
    public static IReadOnlyList<DotEnvAssignment> ParseAssignments(string text)
    {
        if (text == null) throw new ArgumentNullException(nameof(text));
        var normalized = NormalizeLineBreaks(text, out var originalOffset);
        var scanner = new DotEnvLineScanner(normalized);
        var assignments = new List<DotEnvAssignment>();
        foreach (var match in scanner.Matches())
        {
            var valueEnd = match.HasValue ? match.ValueEnd : match.Separator + 1;
            var lineEnd = EndOfLine(normalized, valueEnd - 1);
            var raw = match.HasValue ? normalized.Substring(match.ValueStart, match.ValueEnd - match.ValueStart) : string.Empty;
            assignments.Add(new DotEnvAssignment(
                normalized.Substring(match.KeyStart, match.KeyEnd - match.KeyStart),
                DecodeValue(raw),
                originalOffset[match.KeyStart],
                originalOffset[lineEnd]));
        }
        return assignments;
    }

    private static string DecodeValue(string raw)
    {
        var value = TrimJs(raw);
        var maybeQuote = value.Length > 0 ? value[0] : '\0';
        value = StripSurroundingQuotes(value);
        if (maybeQuote == '"')
        {
            value = value.Replace("\\n", "\n");
            value = value.Replace("\\r", "\r");
        }
        return value;
    }

    /// <summary>
    /// dotenv's <c>value.replace(/^(['"`])([\s\S]*)\1$/mg, '$2')</c>. At a line start holding a quote, the greedy
    /// <c>[\s\S]*</c> settles on the LAST same quote that ends a line, so one pass that knows, per quote, where
    /// that last one is gives the same result as the engine's backtracking.
    /// </summary>
    private static string StripSurroundingQuotes(string value)
    {
        var lastClosing = new int[Quotes.Length];
        for (var q = 0; q < Quotes.Length; q++) lastClosing[q] = -1;
        for (var j = 0; j < value.Length; j++)
        {
            var q = Array.IndexOf(Quotes, value[j]);
            if (q >= 0 && (j + 1 == value.Length || DotEnvLineScanner.IsLineTerminator(value[j + 1]))) lastClosing[q] = j;
        }

        StringBuilder? result = null;
        var copied = 0;
        var i = 0;
        while (i < value.Length)
        {
            var q = Array.IndexOf(Quotes, value[i]);
            var atLineStart = i == 0 || DotEnvLineScanner.IsLineTerminator(value[i - 1]);
            if (q >= 0 && atLineStart && lastClosing[q] > i)
            {
                result ??= new StringBuilder(value.Length);
                result.Append(value, copied, i - copied).Append(value, i + 1, lastClosing[q] - i - 1);
                i = copied = lastClosing[q] + 1;
                continue;
            }
            i++;
        }
        return result == null ? value : result.Append(value, copied, value.Length - copied).ToString();
    }

    /// <summary>dotenv's <c>replace(/\r\n?/g, '\n')</c>, remembering where each character came from.</summary>
    private static string NormalizeLineBreaks(string text, out int[] originalOffset)
    {
        var builder = new StringBuilder(text.Length);
        var offsets = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            offsets.Add(i);
            if (text[i] == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else
            {
                builder.Append(text[i]);
            }
        }
        offsets.Add(text.Length);
        originalOffset = offsets.ToArray();
        return builder.ToString();
    }

    private static int EndOfLine(string normalized, int from)
    {
        var i = from;
        while (i < normalized.Length && !DotEnvLineScanner.IsLineTerminator(normalized[i]))
        {
            i++;
        }
        return i;
    }

    private static string TrimJs(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && DotEnvLineScanner.IsJsWhiteSpace(s[start])) start++;
        while (end > start && DotEnvLineScanner.IsJsWhiteSpace(s[end - 1])) end--;
        return s.Substring(start, end - start);
    }
}
