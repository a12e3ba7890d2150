using System.Text;

namespace Convex.AuthKit.Build.Config;

internal enum JsCharKind : byte
{
    Code,
    String,
    Comment,
    Regex,
}

/// <summary>
/// Tells comments, string/template literals and regular-expression literals apart in JavaScript/TypeScript source,
/// well enough to search config files (<c>auth.config.ts</c>, <c>vite.config.ts</c>) without running them.
/// Strings may hold <c>//</c> (URLs); template literals may nest <c>${ ... }</c> code.
/// </summary>
internal static class JsSource
{
    private const string ExpressionStartChars = "(,=:[!&|?{};+-*%<>~^";
    private static readonly HashSet<string> ExpressionKeywords = new()
    {
        "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await", "instanceof",
    };

    /// <summary>The text with every comment character replaced by a space (line breaks kept).</summary>
    public static string WithoutComments(string text)
    {
        var kinds = Classify(text);
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
            sb.Append(kinds[i] == JsCharKind.Comment && text[i] != '\n' && text[i] != '\r' ? ' ' : text[i]);
        return sb.ToString();
    }

    public static JsCharKind[] Classify(string text)
    {
        var kinds = new JsCharKind[text.Length];
        var templateBraceDepths = new Stack<int>(); // brace depth at each open `${`
        var braceDepth = 0;
        var inTemplate = false;
        var lastSignificant = '\0';
        var lastWord = "";
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (inTemplate)
            {
                kinds[i] = JsCharKind.String;
                if (c == '\\' && i + 1 < text.Length) { kinds[i + 1] = JsCharKind.String; i += 2; continue; }
                if (c == '`') { inTemplate = false; lastSignificant = '`'; lastWord = ""; i++; continue; }
                if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
                {
                    kinds[i + 1] = JsCharKind.String;
                    templateBraceDepths.Push(braceDepth);
                    inTemplate = false;
                    lastSignificant = '{';
                    i += 2;
                    continue;
                }
                i++;
                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < text.Length && text[i] != '\n' && text[i] != '\r') kinds[i++] = JsCharKind.Comment;
                continue;
            }
            if (c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                var stop = end < 0 ? text.Length : end + 2;
                while (i < stop) kinds[i++] = JsCharKind.Comment;
                continue;
            }
            if (c == '\'' || c == '"')
            {
                i = SkipQuoted(text, kinds, i, c);
                lastSignificant = c;
                lastWord = "";
                continue;
            }
            if (c == '`')
            {
                kinds[i++] = JsCharKind.String;
                inTemplate = true;
                continue;
            }
            if (c == '/' && StartsExpression(lastSignificant, lastWord))
            {
                i = SkipRegex(text, kinds, i);
                lastSignificant = '/';
                lastWord = "";
                continue;
            }

            kinds[i] = JsCharKind.Code;
            if (c == '{') braceDepth++;
            else if (c == '}')
            {
                if (templateBraceDepths.Count > 0 && templateBraceDepths.Peek() == braceDepth)
                {
                    templateBraceDepths.Pop();
                    kinds[i] = JsCharKind.String;
                    inTemplate = true;
                    i++;
                    continue;
                }
                braceDepth--;
            }
            if (IsIdentifierChar(c))
            {
                var start = i;
                while (i < text.Length && IsIdentifierChar(text[i])) kinds[i++] = JsCharKind.Code;
                lastWord = text.Substring(start, i - start);
                lastSignificant = text[i - 1];
                continue;
            }
            if (!char.IsWhiteSpace(c))
            {
                lastSignificant = c;
                lastWord = "";
            }
            i++;
        }
        return kinds;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';

    private static bool StartsExpression(char lastSignificant, string lastWord) =>
        lastSignificant == '\0' || ExpressionStartChars.IndexOf(lastSignificant) >= 0 || ExpressionKeywords.Contains(lastWord);

    private static int SkipQuoted(string text, JsCharKind[] kinds, int i, char quote)
    {
        kinds[i++] = JsCharKind.String;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n' || c == '\r') return i; // unterminated: the line ends it
            kinds[i++] = JsCharKind.String;
            if (c == '\\' && i < text.Length) { kinds[i++] = JsCharKind.String; continue; }
            if (c == quote) return i;
        }
        return i;
    }

    private static int SkipRegex(string text, JsCharKind[] kinds, int i)
    {
        kinds[i++] = JsCharKind.Regex;
        var inClass = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n' || c == '\r') return i;
            kinds[i++] = JsCharKind.Regex;
            if (c == '\\' && i < text.Length) { kinds[i++] = JsCharKind.Regex; continue; }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass) return i;
        }
        return i;
    }
}
