namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// Node's <c>util.parseEnv</c> as Node 20.20 implements it (docs/protocol.md#front-end-env-readers), which Vite 8's
/// <c>loadEnv</c> uses instead of dotenv. It differs from dotenv: it removes every CR, trims only spaces, keeps a
/// BOM in the first key, turns only <c>\n</c> into a newline in double quotes, and cuts an unquoted value at its
/// first <c>#</c>; its keys come out sorted (a C++ map). Values may be secrets.
/// </summary>
internal static class NodeEnvParser
{
    public static JsEnvObject Parse(string text)
    {
        if (text == null) throw new ArgumentNullException(nameof(text));
        var store = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var content = TrimSpaces(text.Replace("\r", string.Empty));
        while (content.Length > 0)
        {
            // A blank line or a comment: skip to the next line (a last line without a line break is read on).
            if (content[0] == '\n' || content[0] == '#')
            {
                var lineBreak = content.IndexOf('\n');
                if (lineBreak >= 0)
                {
                    content = content.Substring(lineBreak + 1);
                    continue;
                }
            }

            var equal = content.IndexOf('=');
            if (equal < 0) break;
            var key = TrimSpaces(content.Substring(0, equal));
            content = TrimSpaces(content.Substring(equal + 1));
            if (key.Length == 0) break;
            if (key.StartsWith("export ", StringComparison.Ordinal)) key = key.Substring(7);
            if (content.Length == 0)
            {
                store[key] = string.Empty;
                break;
            }

            var first = content[0];
            if (first == '"')
            {
                var closing = content.IndexOf('"', 1);
                if (closing >= 0)
                {
                    store[key] = content.Substring(1, closing - 1).Replace("\\n", "\n");
                    content = RestAfter(content, closing);
                    continue;
                }
            }
            if (first == '\'' || first == '"' || first == '`')
            {
                var closing = content.IndexOf(first, 1);
                if (closing < 0)
                {
                    // No closing quote: the rest of the line, quote included; on the last line, nothing.
                    var lineBreak = content.IndexOf('\n');
                    if (lineBreak >= 0)
                    {
                        store[key] = content.Substring(0, lineBreak);
                        content = content.Substring(lineBreak);
                    }
                }
                else
                {
                    store[key] = content.Substring(1, closing - 1);
                    content = RestAfter(content, closing);
                }
            }
            else
            {
                var lineBreak = content.IndexOf('\n');
                var value = lineBreak >= 0 ? content.Substring(0, lineBreak) : content;
                var hash = value.IndexOf('#');
                if (hash >= 0) value = value.Substring(0, hash);
                content = lineBreak >= 0 ? content.Substring(lineBreak) : string.Empty;
                store[key] = TrimSpaces(value);
            }
        }
        var result = new JsEnvObject();
        foreach (var pair in store) result[pair.Key] = pair.Value;
        return result;
    }

    /// <summary>What follows a closing quote: from the next line break on (the rest of its line is ignored).</summary>
    private static string RestAfter(string content, int closingQuote)
    {
        var lineBreak = content.IndexOf('\n', closingQuote + 1);
        return lineBreak >= 0 ? content.Substring(lineBreak) : string.Empty;
    }

    private static string TrimSpaces(string s) => s.Trim(' ');
}
