using System.Text;
using System.Text.RegularExpressions;

namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// dotenv-expand as the front ends bundle it (docs/protocol.md#front-end-env-readers): a <c>$NAME</c> or <c>${NAME}</c> in a value is
/// replaced, and <c>\$</c> becomes <c>$</c>. Vite 8 bundles the 12.x expansion, @next/env 16 the 10.0.0 one; they
/// differ in which references they see and in what order. Values may be secrets.
/// </summary>
internal static class DotEnvExpand
{
    // A reference that never resolves: Vite's loop never ends; @next/env's recursion exhausts the stack, and the file is not loaded.
    private const int MaxReplacements = 10_000;

    // /(?<!\\)\${([^{}]+)}|(?<!\\)\$([A-Za-z_][A-Za-z0-9_]*)/g
    private static readonly Regex ViteReference = new Regex(@"(?<!\\)\$\{([^{}]+)\}|(?<!\\)\$([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);

    // /(:\+|\+|:-|-)/: the first operator in the expression.
    private static readonly Regex ViteOperator = new Regex(@":\+|\+|:-|-", RegexOptions.CultureInvariant);

    // /((?!(?<=\\))\${?([\w]+)(?::-([^}\\]*))?}?)/
    private static readonly Regex NextReference = new Regex(@"((?!(?<=\\))\$\{?([A-Za-z0-9_]+)(?::-([^}\\]*))?\}?)", RegexOptions.CultureInvariant);

    // /(?!(?<=\\))\$/g
    private static readonly Regex NextUnescapedDollar = new Regex(@"(?!(?<=\\))\$", RegexOptions.CultureInvariant);

    /// <summary>Vite's <c>expand({ parsed, processEnv })</c>: <paramref name="parsed"/> is expanded in place, then copied into <paramref name="processEnv"/>.</summary>
    public static void ExpandVite(JsEnvObject parsed, JsEnvObject processEnv)
    {
        foreach (var key in parsed.Keys)
        {
            var value = parsed[key];
            var fromProcess = processEnv.Get(key);
            value = !string.IsNullOrEmpty(fromProcess) && fromProcess != value ? fromProcess! : ExpandValueVite(value, processEnv, parsed);
            parsed[key] = ResolveEscapeSequences(value);
        }
        foreach (var key in parsed.Keys) processEnv[key] = parsed[key];
    }

    /// <summary>@next/env's <c>expand({ parsed })</c>: <paramref name="parsed"/> is expanded in place against <paramref name="environment"/> (process.env), then copied into it.</summary>
    /// <exception cref="InvalidOperationException">A reference never resolves: Next.js then does not load the file.</exception>
    public static void ExpandNext(JsEnvObject parsed, JsEnvObject environment)
    {
        foreach (var key in parsed.Keys)
        {
            var value = environment.ContainsKey(key) ? environment[key] : parsed[key];
            parsed[key] = ResolveEscapeSequences(InterpolateNext(value, environment, parsed));
        }
        foreach (var key in parsed.Keys) environment[key] = parsed[key];
    }

    private static string ResolveEscapeSequences(string value) => value.Replace("\\$", "$");

    private static string ExpandValueVite(string value, JsEnvObject processEnv, JsEnvObject runningParsed)
    {
        // { ...runningParsed, ...processEnv }: neither changes while one value is expanded, so it is looked up, not copied.
        string? Env(string name) => processEnv.ContainsKey(name) ? processEnv[name] : runningParsed.Get(name);
        var result = value;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < MaxReplacements; i++)
        {
            var match = ViteReference.Match(result);
            if (!match.Success) break;
            seen.Add(result);
            var template = match.Value;
            var expression = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
            var operatorMatch = ViteOperator.Match(expression);
            // JavaScript's split(null) and join(null) use the text "null".
            var splitter = operatorMatch.Success ? operatorMatch.Value : "null";
            var parts = expression.Split(new[] { splitter }, StringSplitOptions.None);
            var key = parts[0];
            var rest = string.Join(splitter, parts, 1, parts.Length - 1);
            string defaultValue;
            string? found;
            if (splitter == ":+" || splitter == "+")
            {
                defaultValue = !string.IsNullOrEmpty(Env(key)) ? rest : string.Empty;
                found = null;
            }
            else
            {
                defaultValue = rest;
                found = Env(key);
            }
            result = !string.IsNullOrEmpty(found)
                ? JsReplaceFirst(result, template, seen.Contains(found!) ? defaultValue : found!)
                : JsReplaceFirst(result, template, defaultValue);
            if (runningParsed.Get(key) is { } running && result == running) break;
        }
        return result;
    }

    private static string InterpolateNext(string value, JsEnvObject environment, JsEnvObject parsed)
    {
        for (var i = 0; i < MaxReplacements; i++)
        {
            var dollars = NextUnescapedDollar.Matches(value);
            if (dollars.Count == 0) return value;
            var rightMost = value.Substring(dollars[dollars.Count - 1].Index);
            var match = NextReference.Match(rightMost);
            if (!match.Success) return value;
            var name = match.Groups[2].Value;
            var defaultValue = match.Groups[3].Success ? match.Groups[3].Value : null;
            var replacement = FirstNonEmpty(environment.Get(name), defaultValue, parsed.Get(name)) ?? string.Empty;
            value = JsReplaceFirst(value, match.Groups[1].Value, replacement);
        }
        throw new InvalidOperationException("The expansion never ends (the stack overflows in JavaScript).");
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v));

    /// <summary>
    /// JavaScript's <c>text.replace(pattern, replacement)</c> for a string pattern: the first occurrence only, and the
    /// replacement's <c>$$</c>, <c>$&amp;</c>, <c>$`</c> and <c>$'</c> are substituted.
    /// </summary>
    internal static string JsReplaceFirst(string text, string pattern, string replacement)
    {
        var at = text.IndexOf(pattern, StringComparison.Ordinal);
        if (at < 0) return text;
        var substitution = new StringBuilder();
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c != '$' || i + 1 >= replacement.Length)
            {
                substitution.Append(c);
                continue;
            }
            switch (replacement[i + 1])
            {
                case '$': substitution.Append('$'); i++; break;
                case '&': substitution.Append(pattern); i++; break;
                case '`': substitution.Append(text, 0, at); i++; break;
                case '\'': substitution.Append(text, at + pattern.Length, text.Length - at - pattern.Length); i++; break;
                default: substitution.Append(c); break;
            }
        }
        return text.Substring(0, at) + substitution + text.Substring(at + pattern.Length);
    }
}
