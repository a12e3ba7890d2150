namespace Convex.AuthKit.Build.Config;

/// <summary>
/// The module specifiers a JavaScript/TypeScript file imports, found without running it: the string literal of
/// <c>import … from</c>, <c>export … from</c>, <c>import '…'</c>, <c>import('…')</c> and <c>require('…')</c>.
/// Literals in comments, other strings and computed specifiers do not count.
/// </summary>
internal static class JsImports
{
    public static IReadOnlyList<string> Specifiers(string source)
    {
        var kinds = JsSource.Classify(source);
        var specifiers = new List<string>();
        for (var i = 0; i < source.Length; i++)
        {
            var quote = source[i];
            if (kinds[i] != JsCharKind.String || (quote != '\'' && quote != '"') || (i > 0 && kinds[i - 1] == JsCharKind.String)) continue;
            var end = i + 1;
            while (end < source.Length && kinds[end] == JsCharKind.String && source[end] != quote) end += source[end] == '\\' ? 2 : 1;
            if (end >= source.Length || source[end] != quote) continue; // unterminated
            if (IsImportPosition(source, kinds, i, end + 1)) specifiers.Add(source.Substring(i + 1, end - i - 1));
            i = end;
        }
        return specifiers;
    }

    private static bool IsImportPosition(string source, JsCharKind[] kinds, int literalStart, int literalEnd)
    {
        var before = PreviousCode(source, kinds, literalStart - 1);
        if (before < 0) return false;
        if (source[before] == '(')
        {
            // import('…') and require('…'): the literal must be the whole first argument.
            var after = NextCode(source, kinds, literalEnd);
            if (after >= source.Length || (source[after] != ')' && source[after] != ',')) return false;
            var word = WordEndingAt(source, PreviousCode(source, kinds, before - 1));
            return word == "import" || word == "require";
        }
        var keyword = WordEndingAt(source, before);
        return keyword == "from" || keyword == "import";
    }

    private static int PreviousCode(string source, JsCharKind[] kinds, int i)
    {
        while (i >= 0 && (kinds[i] == JsCharKind.Comment || char.IsWhiteSpace(source[i]))) i--;
        return i;
    }

    private static int NextCode(string source, JsCharKind[] kinds, int i)
    {
        while (i < source.Length && (kinds[i] == JsCharKind.Comment || char.IsWhiteSpace(source[i]))) i++;
        return i;
    }

    /// <summary>The identifier ending at <paramref name="end"/>, unless it is a property (<c>x.import</c>).</summary>
    private static string? WordEndingAt(string source, int end)
    {
        if (end < 0 || !IsIdentifierChar(source[end])) return null;
        var start = end;
        while (start > 0 && IsIdentifierChar(source[start - 1])) start--;
        if (start > 0 && source[start - 1] == '.') return null;
        return source.Substring(start, end - start + 1);
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';
}
