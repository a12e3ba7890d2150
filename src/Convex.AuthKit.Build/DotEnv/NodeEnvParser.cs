namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// Node's <c>util.parseEnv</c> as Node 20.20 implements it (docs/protocol.md#front-end-env-readers), which Vite 8's
/// <c>loadEnv</c> uses instead of dotenv. It differs from dotenv: it removes every CR, trims only spaces, keeps a
/// BOM in the first key, turns only <c>\n</c> into a newline in double quotes, and cuts an unquoted value at its
/// first <c>#</c>; its keys come out sorted (a C++ map). Values may be secrets.
/// </summary>
internal static class NodeEnvParser
{
    /// <summary>The variables <c>util.parseEnv</c> returns, in their JavaScript order. Linear in the text's length.</summary>
    public static JsEnvObject Parse(string text)
    {
        if (text == null) throw new ArgumentNullException(nameof(text));
        var store = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var content = text.Replace("\r", string.Empty);
        // The unparsed rest is content[at, end): trimmed of spaces at both ends, as Node trims it.
        var at = 0;
        var end = content.Length;
        while (end > at && content[end - 1] == ' ') end--;
        SkipSpaces(content, ref at, end);
        while (at < end)
        {
            // A blank line or a comment: skip to the next line (a last line without a line break is read on).
            if (content[at] == '\n' || content[at] == '#')
            {
                var lineBreak = IndexOf(content, '\n', at, end);
                if (lineBreak >= 0)
                {
                    at = lineBreak + 1;
                    continue;
                }
            }

            var equal = IndexOf(content, '=', at, end);
            if (equal < 0) break;
            var key = content.Substring(at, equal - at).Trim(' ');
            at = equal + 1;
            SkipSpaces(content, ref at, end);
            if (key.Length == 0) break;
            if (key.StartsWith("export ", StringComparison.Ordinal)) key = key.Substring(7);
            if (at >= end)
            {
                store[key] = string.Empty;
                break;
            }

            var first = content[at];
            if (first == '"')
            {
                var closing = IndexOf(content, '"', at + 1, end);
                if (closing >= 0)
                {
                    store[key] = content.Substring(at + 1, closing - at - 1).Replace("\\n", "\n");
                    at = RestAfter(content, closing, end);
                    continue;
                }
            }
            if (first == '\'' || first == '"' || first == '`')
            {
                var closing = IndexOf(content, first, at + 1, end);
                if (closing < 0)
                {
                    // No closing quote: the rest of the line, quote included; on the last line, nothing.
                    var lineBreak = IndexOf(content, '\n', at, end);
                    if (lineBreak >= 0)
                    {
                        store[key] = content.Substring(at, lineBreak - at);
                        at = lineBreak;
                    }
                }
                else
                {
                    store[key] = content.Substring(at + 1, closing - at - 1);
                    at = RestAfter(content, closing, end);
                }
            }
            else
            {
                var lineBreak = IndexOf(content, '\n', at, end);
                var valueEnd = lineBreak >= 0 ? lineBreak : end;
                var hash = IndexOf(content, '#', at, valueEnd);
                store[key] = content.Substring(at, (hash >= 0 ? hash : valueEnd) - at).Trim(' ');
                at = valueEnd;
            }
        }
        var result = new JsEnvObject();
        foreach (var pair in store) result[pair.Key] = pair.Value;
        return result;
    }

    /// <summary>What follows a closing quote: from the next line break on (the rest of its line is ignored).</summary>
    private static int RestAfter(string content, int closingQuote, int end)
    {
        var lineBreak = IndexOf(content, '\n', closingQuote + 1, end);
        return lineBreak >= 0 ? lineBreak : end;
    }

    private static int IndexOf(string content, char c, int from, int end) => from >= end ? -1 : content.IndexOf(c, from, end - from);

    private static void SkipSpaces(string content, ref int at, int end)
    {
        while (at < end && content[at] == ' ') at++;
    }
}
