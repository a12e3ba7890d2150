namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// Finds what dotenv 16.6.1's line expression matches, in one forward pass (docs/protocol.md#dotenv-parsing):
/// <code>/(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/mg</code>
/// with JavaScript's meaning of <c>\s</c>, <c>\w</c>, <c>.</c>, <c>^</c> and <c>$</c> (U+2028 and U+2029 end lines;
/// <c>[^#\r\n]</c> does not stop at them). The text has dotenv's line breaks already normalised to <c>\n</c>.
/// Each rule below is what the backtracking engine's search settles on, worked out once:
/// <list type="bullet">
/// <item>A match starts at a line start; the leading <c>\s*</c> spans lines, so every line start of one run of white
/// space leads to the same first non-space character, which is tried once.</item>
/// <item>With <c>=</c> found the match always succeeds with the lazy <c>\s*?</c> empty: a quoted value if one closes,
/// else the unquoted value if the next character can start one, else no value. With <c>:</c> the same holds after
/// one white-space character.</item>
/// <item>A quoted value closes at the first unescaped quote when the rest of its line is blank or a comment; else at
/// the escaped quotes before it, the last first; else the quoted form fails.</item>
/// </list>
/// Work is bounded by a constant per character: the text is scanned forward, and a quoted value's scan stops at the
/// next unescaped quote of its kind, which the next opening quote of that kind is.
/// </summary>
internal sealed class DotEnvLineScanner
{
    private readonly string _text;
    private readonly int[] _nextNonSpace;
    private readonly int[] _previousLineTerminator;

    public DotEnvLineScanner(string normalizedText)
    {
        _text = normalizedText;
        var n = normalizedText.Length;
        _nextNonSpace = new int[n + 1];
        _nextNonSpace[n] = n;
        for (var i = n - 1; i >= 0; i--) _nextNonSpace[i] = IsJsWhiteSpace(normalizedText[i]) ? _nextNonSpace[i + 1] : i;
        _previousLineTerminator = new int[n + 1];
        var last = -1;
        for (var i = 0; i <= n; i++)
        {
            _previousLineTerminator[i] = last;
            if (i < n && IsLineTerminator(normalizedText[i])) last = i;
        }
    }

    /// <summary>One match: the key, the <c>=</c> or <c>:</c>, the value group when it matched, and where the match ends.</summary>
    internal readonly record struct LineMatch(int KeyStart, int KeyEnd, int Separator, bool HasValue, int ValueStart, int ValueEnd, int End);

    /// <summary>Every match of the expression's global search, in order.</summary>
    public IEnumerable<LineMatch> Matches()
    {
        var position = 0;
        while (true)
        {
            var lineStart = NextLineStart(position);
            if (lineStart < 0) yield break;
            var first = _nextNonSpace[lineStart];
            if (first == _text.Length) yield break;
            if (TryMatchAt(first, out var match))
            {
                yield return match;
                position = match.End;
            }
            else
            {
                position = first + 1;
            }
        }
    }

    /// <summary>JavaScript's <c>\s</c>, which is also the set <c>String.prototype.trim</c> removes.</summary>
    public static bool IsJsWhiteSpace(char c) =>
        c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' ' || c == '\u00A0' || c == '\u1680' ||
        (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' ||
        c == '\u3000' || c == '\uFEFF';

    /// <summary>Where JavaScript's multiline <c>^</c> and <c>$</c> see a line break.</summary>
    public static bool IsLineTerminator(char c) => c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';

    private static bool IsKeyCharacter(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';

    private static bool IsQuote(char c) => c == '\'' || c == '"' || c == '`';

    /// <summary>The first line start at or after <paramref name="position"/>, or -1.</summary>
    private int NextLineStart(int position)
    {
        if (position > _text.Length) return -1;
        if (position == 0 || IsLineTerminator(_text[position - 1])) return position;
        for (var i = position; i < _text.Length; i++)
        {
            if (IsLineTerminator(_text[i])) return i + 1;
        }
        return -1;
    }

    /// <summary><c>(?:export\s+)?</c> is tried with the word first, then without it (so <c>export =1</c> sets <c>export</c>).</summary>
    private bool TryMatchAt(int first, out LineMatch match)
    {
        if (string.CompareOrdinal(_text, first, "export", 0, 6) == 0 && first + 6 < _text.Length && IsJsWhiteSpace(_text[first + 6])
            && TryMatchKeyAt(_nextNonSpace[first + 6], out match))
        {
            return true;
        }
        return TryMatchKeyAt(first, out match);
    }

    private bool TryMatchKeyAt(int keyStart, out LineMatch match)
    {
        match = default;
        var keyEnd = keyStart;
        while (keyEnd < _text.Length && IsKeyCharacter(_text[keyEnd]))
        {
            keyEnd++;
        }
        if (keyEnd == keyStart) return false;

        // (?:\s*=\s*?|:\s+?): the lazy white space takes as little as it can; see the class summary.
        int separator, valueFrom;
        var afterSpace = _nextNonSpace[keyEnd];
        if (afterSpace < _text.Length && _text[afterSpace] == '=')
        {
            separator = afterSpace;
            valueFrom = afterSpace + 1;
        }
        else if (keyEnd + 1 < _text.Length && _text[keyEnd] == ':' && IsJsWhiteSpace(_text[keyEnd + 1]))
        {
            separator = keyEnd;
            valueFrom = keyEnd + 2;
        }
        else
        {
            return false;
        }

        var opening = _nextNonSpace[valueFrom];
        int end;
        if (opening < _text.Length && IsQuote(_text[opening]) && TryCloseQuote(opening, out var closing, out end))
        {
            match = new LineMatch(keyStart, keyEnd, separator, true, valueFrom, closing + 1, end);
        }
        else if (valueFrom < _text.Length && _text[valueFrom] != '#' && _text[valueFrom] != '\n')
        {
            // [^#\r\n]+ runs to a '#' or a line feed (not to U+2028); the rest always matches there.
            var valueEnd = valueFrom;
            while (valueEnd < _text.Length && _text[valueEnd] != '#' && _text[valueEnd] != '\n')
            {
                valueEnd++;
            }
            TryRestOfLine(valueEnd, out end);
            match = new LineMatch(keyStart, keyEnd, separator, true, valueFrom, valueEnd, end);
        }
        else
        {
            // No value: the rest matches at once (a '#', a line break, or the end of the text follows).
            TryRestOfLine(valueFrom, out end);
            match = new LineMatch(keyStart, keyEnd, separator, false, valueFrom, valueFrom, end);
        }
        return true;
    }

    /// <summary>
    /// <c>q(?:\\q|[^q])*q</c> followed by the rest of the line. The greedy loop steps over <c>\q</c> pairs and stops
    /// at the first other <c>q</c>; backtracking then offers the escaped quotes it stepped over, the last first.
    /// </summary>
    private bool TryCloseQuote(int opening, out int closing, out int end)
    {
        var quote = _text[opening];
        List<int>? escaped = null;
        for (var i = opening + 1; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == quote)
            {
                if (TryRestOfLine(i + 1, out end))
                {
                    closing = i;
                    return true;
                }
                break;
            }
            if (c == '\\' && i + 1 < _text.Length && _text[i + 1] == quote)
            {
                (escaped ??= new List<int>()).Add(i + 1);
                i++;
            }
        }
        for (var k = (escaped?.Count ?? 0) - 1; k >= 0; k--)
        {
            if (TryRestOfLine(escaped![k] + 1, out end))
            {
                closing = escaped[k];
                return true;
            }
        }
        closing = end = -1;
        return false;
    }

    /// <summary>
    /// <c>\s*(?:#.*)?$</c> from <paramref name="from"/>: the greedy white space (which spans lines) then a comment to
    /// its line's end, or the end of the text; else the last line break inside that white space; else no match.
    /// </summary>
    private bool TryRestOfLine(int from, out int end)
    {
        var next = _nextNonSpace[from];
        if (next == _text.Length)
        {
            end = next;
            return true;
        }
        if (_text[next] == '#')
        {
            end = next;
            while (end < _text.Length && !IsLineTerminator(_text[end]))
            {
                end++;
            }
            return true;
        }
        end = _previousLineTerminator[next];
        return end >= from;
    }
}
