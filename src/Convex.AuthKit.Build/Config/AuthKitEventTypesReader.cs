using System.Text.RegularExpressions;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// The WorkOS events the AuthKit component's webhook handles (docs/architecture.md#triggers): the three it always
/// handles, plus the string literals of <c>additionalEventTypes</c> in the options object of <c>new AuthKit(...)</c>
/// (the class imported from <see cref="AuthConfigScanner.ComponentPackage"/>, by name, alias or namespace) in the auth
/// config's import closure. Read without running the code, so only a literal array of string literals can be read:
/// anything else (a variable, a spread, an options object that is not a literal, a string with an escape or a
/// <c>${}</c>) is "not literal", naming the file.
/// </summary>
internal static class AuthKitEventTypesReader
{
    /// <summary>The events the component always handles, in its order.</summary>
    public static readonly IReadOnlyList<string> ComponentEvents = new[] { "user.created", "user.updated", "user.deleted" };

    private const string OptionName = "additionalEventTypes";

    private static readonly Regex NamedImport = new(
        @"(?<![\w$.])import\s+(?:[\w$]+\s*,\s*)?\{(?<names>[^}]*)\}\s*from\s*(?<quote>['""])" + Regex.Escape(AuthConfigScanner.ComponentPackage) + @"\k<quote>",
        RegexOptions.CultureInvariant);

    private static readonly Regex NamespaceImport = new(
        @"(?<![\w$.])import\s+\*\s*as\s+(?<name>[\w$]+)\s+from\s*(?<quote>['""])" + Regex.Escape(AuthConfigScanner.ComponentPackage) + @"\k<quote>",
        RegexOptions.CultureInvariant);

    private static readonly Regex ImportedName = new(@"^(?:type\s+)?(?<name>[\w$]+)(?:\s+as\s+(?<alias>[\w$]+))?$", RegexOptions.CultureInvariant);

    /// <summary>Reads each file of the closure (as the scanner did: at most <see cref="AuthConfigScanner.MaxFileBytes"/>; an unreadable one decides nothing).</summary>
    public static AuthKitEventTypes Read(ProjectFiles files, IEnumerable<string> closureFiles)
    {
        var events = new List<string>(ComponentEvents);
        string? notLiteralFile = null;
        foreach (var file in closureFiles)
        {
            string? source;
            try
            {
                source = files.ReadOptional(file, AuthConfigScanner.MaxFileBytes, "the WorkOS events it handles were not read");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                continue;
            }

            if (source == null) continue;
            var found = FromSource(source);
            foreach (var name in found.Literals)
            {
                if (!events.Contains(name, StringComparer.Ordinal)) events.Add(name);
            }
            if (found.NotLiteral) notLiteralFile ??= files.Display(file);
        }
        return new AuthKitEventTypes(events, notLiteralFile);
    }

    /// <summary>The literals of every <c>new AuthKit(...)</c> of one file, and whether one of them could not be read.</summary>
    public static (IReadOnlyList<string> Literals, bool NotLiteral) FromSource(string source)
    {
        var kinds = JsSource.Classify(source);
        var code = JsSource.WithoutComments(source);
        var literals = new List<string>();
        var notLiteral = false;
        foreach (var constructor in Constructors(code, kinds))
        {
            var read = new Cursor(code, kinds).ReadConstruction(constructor);
            if (read == null) notLiteral = true;
            else literals.AddRange(read);
        }
        return (literals, notLiteral);
    }

    /// <summary>The patterns that construct the component's class in this file: <c>new AuthKit</c>, <c>new Alias</c>, <c>new ns.AuthKit</c>.</summary>
    private static IEnumerable<Regex> Constructors(string code, JsCharKind[] kinds)
    {
        foreach (Match import in NamedImport.Matches(code))
        {
            if (kinds[import.Index] != JsCharKind.Code) continue;
            foreach (var part in import.Groups["names"].Value.Split(','))
            {
                var name = ImportedName.Match(part.Trim());
                if (!name.Success || name.Groups["name"].Value != "AuthKit" || part.Trim().StartsWith("type ", StringComparison.Ordinal)) continue;
                var local = name.Groups["alias"].Success ? name.Groups["alias"].Value : "AuthKit";
                yield return new Regex(@"(?<![\w$.])new\s+" + Regex.Escape(local) + @"(?![\w$])", RegexOptions.CultureInvariant);
            }
        }
        foreach (Match import in NamespaceImport.Matches(code))
        {
            if (kinds[import.Index] != JsCharKind.Code) continue;
            yield return new Regex(@"(?<![\w$.])new\s+" + Regex.Escape(import.Groups["name"].Value) + @"\s*\.\s*AuthKit(?![\w$])", RegexOptions.CultureInvariant);
        }
    }

    /// <summary>A walk over code (comments blanked, strings known by <see cref="JsCharKind"/>).</summary>
    private sealed class Cursor
    {
        private readonly string _code;
        private readonly JsCharKind[] _kinds;

        public Cursor(string code, JsCharKind[] kinds)
        {
            _code = code;
            _kinds = kinds;
        }

        /// <summary>The literals of the first construction that <paramref name="constructor"/> finds; empty when it has no such option; null when not literal.</summary>
        public List<string>? ReadConstruction(Regex constructor)
        {
            var literals = new List<string>();
            foreach (Match match in constructor.Matches(_code))
            {
                if (_kinds[match.Index] != JsCharKind.Code) continue;
                var read = ReadArguments(match.Index + match.Length);
                if (read == null) return null;
                literals.AddRange(read);
            }
            return literals;
        }

        private IReadOnlyList<string>? ReadArguments(int position)
        {
            position = Skip(position);
            if (At(position, '<')) position = Skip(Close(position, '<', '>') + 1); // type arguments: new AuthKit<DataModel>(...)
            if (!At(position, '(')) return null;
            var close = Close(position, '(', ')');
            var arguments = TopLevelParts(position + 1, close);
            if (arguments.Count < 2) return Array.Empty<string>();
            var options = Skip(arguments[1].Start);
            if (options >= arguments[1].End) return Array.Empty<string>(); // a trailing comma: no options
            if (!At(options, '{')) return null;
            return ReadOptions(options, Close(options, '{', '}'));
        }

        /// <summary>The option's literals; empty when it is absent; null when a spread or a shorthand could set it.</summary>
        private IReadOnlyList<string>? ReadOptions(int open, int close)
        {
            IReadOnlyList<string>? value = Array.Empty<string>();
            foreach (var (start, end) in TopLevelParts(open + 1, close))
            {
                var property = Skip(start);
                if (property >= end) continue;
                if (string.CompareOrdinal(_code, property, "...", 0, 3) == 0)
                {
                    value = null; // a spread may set the option, or replace the one before it
                    continue;
                }
                var key = Key(property, out var afterKey);
                if (key != OptionName) continue;
                afterKey = Skip(afterKey);
                value = At(afterKey, ':') ? ReadArray(Skip(afterKey + 1), end) : null;
            }
            return value;
        }

        /// <summary>An array of string literals, optionally followed by <c>as const</c>, filling the property to its end.</summary>
        private List<string>? ReadArray(int open, int end)
        {
            if (!At(open, '[')) return null;
            var close = Close(open, '[', ']');
            if (close >= end) return null;
            var rest = _code.Substring(close + 1, end - close - 1).Trim();
            if (rest.Length > 0 && !Regex.IsMatch(rest, @"^as\s+const$", RegexOptions.CultureInvariant)) return null;
            var literals = new List<string>();
            foreach (var (start, elementEnd) in TopLevelParts(open + 1, close))
            {
                var element = _code.Substring(start, elementEnd - start).Trim();
                if (element.Length == 0) continue; // a trailing comma
                var literal = StringLiteral(element);
                if (literal == null) return null;
                literals.Add(literal);
            }
            return literals;
        }

        /// <summary>The value of a plain '…', "…" or `…` literal; null for anything else, an escape or a <c>${}</c>.</summary>
        private static string? StringLiteral(string text)
        {
            if (text.Length < 2) return null;
            var quote = text[0];
            if ((quote != '\'' && quote != '"' && quote != '`') || text[text.Length - 1] != quote) return null;
            var inner = text.Substring(1, text.Length - 2);
            if (inner.IndexOf(quote) >= 0 || inner.IndexOf('\\') >= 0 || (quote == '`' && inner.Contains("${"))) return null;
            return inner;
        }

        /// <summary>A property key: an identifier or a quoted name; null for anything else (a computed key, a method).</summary>
        private string? Key(int position, out int after)
        {
            after = position;
            if (position < _code.Length && (_code[position] == '\'' || _code[position] == '"'))
            {
                var end = position + 1;
                while (end < _code.Length && _kinds[end] == JsCharKind.String && _code[end] != _code[position]) end++;
                after = end + 1;
                return end < _code.Length ? _code.Substring(position + 1, end - position - 1) : null;
            }
            while (after < _code.Length && (char.IsLetterOrDigit(_code[after]) || _code[after] == '_' || _code[after] == '$')) after++;
            return after > position ? _code.Substring(position, after - position) : null;
        }

        /// <summary>The comma-separated parts between <paramref name="start"/> and <paramref name="end"/>, nested brackets and strings skipped.</summary>
        private List<(int Start, int End)> TopLevelParts(int start, int end)
        {
            var parts = new List<(int, int)>();
            var depth = 0;
            var partStart = start;
            for (var i = start; i < end; i++)
            {
                if (_kinds[i] != JsCharKind.Code) continue;
                var c = _code[i];
                if (c == '(' || c == '[' || c == '{') depth++;
                else if (c == ')' || c == ']' || c == '}') depth--;
                else if (c == ',' && depth == 0)
                {
                    parts.Add((partStart, i));
                    partStart = i + 1;
                }
            }
            parts.Add((partStart, end));
            return parts;
        }

        /// <summary>The index of the bracket closing the one at <paramref name="open"/>; the end of the text when none does.</summary>
        private int Close(int open, char opening, char closing)
        {
            var depth = 0;
            for (var i = open; i < _code.Length; i++)
            {
                if (_kinds[i] != JsCharKind.Code) continue;
                if (_code[i] == opening) depth++;
                else if (_code[i] == closing && --depth == 0) return i;
            }
            return _code.Length;
        }

        private bool At(int position, char c) => position < _code.Length && _kinds[position] == JsCharKind.Code && _code[position] == c;

        private int Skip(int position)
        {
            while (position < _code.Length && char.IsWhiteSpace(_code[position])) position++;
            return position;
        }
    }
}

/// <summary>The events the component's webhook endpoint must carry.</summary>
/// <param name="Events">The component's three events, then each literal of <c>additionalEventTypes</c> once, in the order written.</param>
/// <param name="NotLiteralFile">The file (relative to the app) whose <c>additionalEventTypes</c> could not be read; null when every one could.</param>
internal sealed record AuthKitEventTypes(IReadOnlyList<string> Events, string? NotLiteralFile);
