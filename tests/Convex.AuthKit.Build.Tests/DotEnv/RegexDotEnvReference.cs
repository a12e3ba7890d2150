using System.Text;
using System.Text.RegularExpressions;
using Convex.AuthKit.Build.DotEnv;

namespace Convex.AuthKit.Build.Tests.DotEnv;

/// <summary>
/// The parser as it was before it became a linear scanner: dotenv 16.6.1's regular expression, translated to .NET.
/// Kept as the reference the scanner is compared against on generated input (DotEnvParserEquivalenceTests). It is
/// quadratic on long runs of blank lines, so it only ever sees short texts.
/// </summary>
internal static class RegexDotEnvReference
{
    // JavaScript's \s, which is also the set String.prototype.trim removes.
    private const string JsSpace = @"[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]";
    private const string JsLineStart = @"(?<![^\n\r\u2028\u2029])";
    private const string JsLineEnd = @"(?![^\n\r\u2028\u2029])";
    private const string JsAnyButLineTerminator = @"[^\n\r\u2028\u2029]";

    // /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/mg
    private static readonly Regex Line = new Regex(
        JsLineStart + JsSpace + "*(?:export" + JsSpace + "+)?" +
        "(?<key>[A-Za-z0-9_.-]+)" +
        "(?<sep>" + JsSpace + "*=" + JsSpace + "*?|:" + JsSpace + "+?)" +
        "(?<value>" +
            JsSpace + @"*'(?:\\'|[^'])*'|" +
            JsSpace + @"*""(?:\\""|[^""])*""|" +
            JsSpace + @"*`(?:\\`|[^`])*`|" +
            @"[^#\r\n]+)?" +
        JsSpace + "*(?:#" + JsAnyButLineTerminator + "*)?" + JsLineEnd,
        RegexOptions.CultureInvariant);

    // /^(['"`])([\s\S]*)\1$/mg
    private static readonly Regex SurroundingQuotes = new Regex(
        JsLineStart + @"(['""`])([\s\S]*)\1" + JsLineEnd,
        RegexOptions.CultureInvariant);

    private static readonly char[] Separators = { '=', ':' };

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
        ArgumentNullException.ThrowIfNull(text);
        var normalized = NormalizeLineBreaks(text, out var originalOffset);
        var assignments = new List<DotEnvAssignment>();
        for (var match = Line.Match(normalized); match.Success; match = match.NextMatch())
        {
            var key = match.Groups["key"];
            var value = match.Groups["value"];
            var separator = match.Groups["sep"];
            var valueEnd = value.Success
                ? value.Index + value.Length
                : separator.Index + separator.Value.IndexOfAny(Separators) + 1;
            var lineEnd = EndOfLine(normalized, valueEnd - 1);
            assignments.Add(new DotEnvAssignment(
                key.Value,
                DecodeValue(value.Success ? value.Value : string.Empty),
                originalOffset[key.Index],
                originalOffset[lineEnd]));
        }
        return assignments;
    }

    private static string DecodeValue(string raw)
    {
        var value = TrimJs(raw);
        var maybeQuote = value.Length > 0 ? value[0] : '\0';
        value = SurroundingQuotes.Replace(value, "$2");
        if (maybeQuote == '"')
        {
            value = value.Replace("\\n", "\n");
            value = value.Replace("\\r", "\r");
        }
        return value;
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
        while (i < normalized.Length && !IsJsLineTerminator(normalized[i])) i++;
        return i;
    }

    private static bool IsJsLineTerminator(char c) => c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';

    private static bool IsJsWhiteSpace(char c) =>
        c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' ' || c == '\u00A0' || c == '\u1680' ||
        (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' ||
        c == '\u3000' || c == '\uFEFF';

    private static string TrimJs(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && IsJsWhiteSpace(s[start])) start++;
        while (end > start && IsJsWhiteSpace(s[end - 1])) end--;
        return s.Substring(start, end - start);
    }
}
