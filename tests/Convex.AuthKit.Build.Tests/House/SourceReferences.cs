using System.Text;

namespace Convex.AuthKit.Build.Tests.House;

/// <summary>One use, in a source file, of a type or namespace of another folder.</summary>
internal sealed record FolderReference(string FromFolder, string File, string ToFolder, string Name);

/// <summary>
/// Which folders each C# file of a source tree uses, read from its tokens: comments and string literals are left out
/// (the code inside an interpolation hole is kept), every type the tree declares is mapped to its folder, and an
/// identifier counts when it names such a type (or a folder's namespace) in type or expression position. A member
/// that merely shares a type's name (<c>settings.DevOrigin</c>, <c>public string? DevOrigin { get; }</c>,
/// <c>Stamp = SettingStamp.Input</c>) does not count. Files at the root belong to the folder <see cref="Root"/>.
/// </summary>
internal static class SourceReferences
{
    public const string Root = "(tasks)";

    /// <summary>C# keywords (contextual ones included) that never name a type.</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "break", "case", "catch", "checked", "class", "const", "continue", "default", "delegate", "do", "else",
        "enum", "event", "explicit", "extern", "false", "finally", "fixed", "for", "foreach", "goto", "if", "implicit", "in", "interface",
        "internal", "is", "lock", "namespace", "new", "null", "operator", "out", "override", "params", "private", "protected", "public",
        "readonly", "ref", "return", "sealed", "sizeof", "stackalloc", "static", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "unchecked", "unsafe", "using", "virtual", "volatile", "while", "add", "and", "async", "await", "by", "descending",
        "equals", "from", "get", "global", "group", "init", "into", "join", "let", "nameof", "not", "on", "or", "orderby", "partial",
        "record", "remove", "required", "select", "set", "value", "when", "where", "with", "yield", "ascending",
    };

    /// <summary>What may follow the name a declaration introduces (a property, field, method, parameter or local).</summary>
    private static readonly HashSet<string> AfterDeclaredName = new(StringComparer.Ordinal) { "{", ";", "=", "(", ",", ")", "=>", "<" };

    private static readonly string[] TwoCharacterTokens = { "=>", "==", "!=", "<=", ">=", "?.", "??", "::", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "|=", "&=" };

    /// <summary>Every reference between folders in the tree under <paramref name="sourceRoot"/> (bin/ and obj/ left out).</summary>
    public static IReadOnlyList<FolderReference> In(string sourceRoot)
    {
        var files = Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(sourceRoot, f)))
            .ToDictionary(f => Path.GetRelativePath(sourceRoot, f).Replace('\\', '/'), File.ReadAllText);
        return In(files);
    }

    /// <param name="files">Path relative to the source root (<c>Plan/EnvFilePlan.cs</c>) → the file's text.</param>
    public static IReadOnlyList<FolderReference> In(IReadOnlyDictionary<string, string> files)
    {
        var tokens = files.ToDictionary(f => f.Key, f => Lex(f.Value));
        var folders = new HashSet<string>(files.Keys.Select(FolderOf).Where(f => f != Root), StringComparer.Ordinal);
        var typeFolders = TypeFolders(tokens);
        var references = new List<FolderReference>();
        foreach (var (file, fileTokens) in tokens)
            references.AddRange(ReferencesOf(file, fileTokens, typeFolders, folders));
        return references;
    }

    public static string FolderOf(string relativePath)
    {
        var slash = relativePath.IndexOf('/');
        return slash < 0 ? Root : relativePath.Substring(0, slash);
    }

    /// <summary>Each type name → the folder that declares it.</summary>
    /// <exception cref="InvalidOperationException">Two folders declare the same type name, so a use of it cannot be told apart.</exception>
    private static Dictionary<string, string> TypeFolders(Dictionary<string, List<string>> tokens)
    {
        var typeFolders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, fileTokens) in tokens)
        {
            for (var i = 0; i + 1 < fileTokens.Count; i++)
            {
                if (!(fileTokens[i] is "class" or "record" or "struct" or "enum" or "interface") || !IsIdentifier(fileTokens[i + 1]) || Keywords.Contains(fileTokens[i + 1]))
                    continue;
                var name = fileTokens[i + 1];
                var folder = FolderOf(file);
                if (typeFolders.TryGetValue(name, out var other) && other != folder)
                    throw new InvalidOperationException($"{name} is declared in both {other}/ and {folder}/: rename one, so that a use of it names one folder.");
                typeFolders[name] = folder;
            }
        }
        return typeFolders;
    }

    private static IEnumerable<FolderReference> ReferencesOf(string file, List<string> t, Dictionary<string, string> typeFolders, HashSet<string> folders)
    {
        var from = FolderOf(file);
        var inEnumBody = EnumBodies(t);
        string At(int i) => i >= 0 && i < t.Count ? t[i] : "";
        bool DeclaresName(int i) => IsTypeEnd(At(i - 1)) && AfterDeclaredName.Contains(At(i + 1));

        // Names this file declares as members: an unqualified use of one names the member, not a type.
        var members = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < t.Count; i++)
            if (IsIdentifier(t[i]) && (inEnumBody[i] || DeclaresName(i))) members.Add(t[i]);

        for (var i = 0; i < t.Count; i++)
        {
            var token = t[i];
            if (!IsIdentifier(token)) continue;

            // A folder's namespace: using Convex.AuthKit.Build.X; or a name qualified by it.
            if (folders.Contains(token) && At(i - 1) == "." && At(i - 2) == "Build" && At(i - 4) == "AuthKit")
            {
                if (token != from) yield return new FolderReference(from, file, token, "namespace Convex.AuthKit.Build." + token);
                continue;
            }
            if (!typeFolders.TryGetValue(token, out var to) || to == from || inEnumBody[i]) continue;

            var previous = At(i - 1);
            if (previous is "." or "?." or "::")
            {
                // Config.WorkOSCredentials names the type; settings.DevOrigin a member.
                if (At(i - 2) == to) yield return new FolderReference(from, file, to, token);
                continue;
            }
            var next = At(i + 1);
            if (next == "=") continue; // an assignment, an initializer or a named attribute argument: a member
            if (previous is "(" or "," or "{" && next == ":") continue; // a named argument or a property pattern
            if (DeclaresName(i)) continue;
            if (members.Contains(token) && !IsIdentifier(next)) continue;
            yield return new FolderReference(from, file, to, token);
        }
    }

    /// <summary>The token may end a type in a declaration: a name, a predefined type, <c>?</c>, <c>&gt;</c> or <c>]</c>.</summary>
    private static bool IsTypeEnd(string token) =>
        token is "?" or ">" or "]" || (IsIdentifier(token) && !Keywords.Contains(token));

    private static bool[] EnumBodies(List<string> t)
    {
        var inBody = new bool[t.Count];
        for (var i = 0; i < t.Count; i++)
        {
            if (t[i] != "enum") continue;
            var open = t.IndexOf("{", i);
            if (open < 0) break;
            var close = t.IndexOf("}", open);
            for (var j = open + 1; j < (close < 0 ? t.Count : close); j++) inBody[j] = true;
            i = close < 0 ? t.Count : close;
        }
        return inBody;
    }

    private static bool IsIdentifier(string token) => token.Length > 0 && (char.IsLetter(token[0]) || token[0] == '_');

    private static bool IsBuildOutput(string relativePath)
    {
        var first = FolderOf(relativePath.Replace('\\', '/'));
        return first is "bin" or "obj";
    }

    /// <summary>The code tokens of a C# text: identifiers (a verbatim <c>@name</c> without its <c>@</c>) and punctuation; no comment, literal or preprocessor line.</summary>
    public static List<string> Lex(string text)
    {
        var tokens = new List<string>();
        var position = 0;
        LexCode(text, ref position, tokens, stopAtCloseBrace: false);
        return tokens;
    }

    /// <param name="stopAtCloseBrace">Lexing an interpolation hole: stop at its closing brace or its format's colon.</param>
    private static void LexCode(string s, ref int i, List<string> tokens, bool stopAtCloseBrace)
    {
        var depth = 0;
        var nesting = 0;
        var lineStart = true;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\n') { lineStart = true; i++; continue; }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (lineStart && c == '#' && !stopAtCloseBrace) { SkipTo(s, ref i, "\n"); continue; }
            lineStart = false;
            if (c == '/' && At(s, i + 1) == '/') { SkipTo(s, ref i, "\n"); continue; }
            if (c == '/' && At(s, i + 1) == '*') { i += 2; SkipTo(s, ref i, "*/"); i += 2; continue; }
            if (stopAtCloseBrace && depth == 0 && (c == '}' || (c == ':' && nesting == 0 && At(s, i + 1) != ':'))) return;
            if (c == '$' || (c == '@' && At(s, i + 1) is '"' or '$'))
            {
                SkipString(s, ref i, tokens);
                continue;
            }
            if (c == '"') { SkipString(s, ref i, tokens); continue; }
            if (c == '\'') { SkipCharLiteral(s, ref i); continue; }
            if (char.IsLetter(c) || c == '_' || (c == '@' && (char.IsLetter(At(s, i + 1)) || At(s, i + 1) == '_')))
            {
                if (c == '@') i++;
                var start = i;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_')) i++;
                tokens.Add(s.Substring(start, i - start));
                continue;
            }
            if (char.IsDigit(c))
            {
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_' || s[i] == '.' && char.IsDigit(At(s, i + 1)))) i++;
                continue;
            }
            var two = i + 1 < s.Length ? s.Substring(i, 2) : "";
            if (Array.IndexOf(TwoCharacterTokens, two) >= 0) { tokens.Add(two); i += 2; continue; }
            if (c == '{') depth++;
            if (c == '}') depth--;
            if (c is '(' or '[') nesting++;
            if (c is ')' or ']') nesting--;
            tokens.Add(c.ToString());
            i++;
        }
    }

    /// <summary>Skips a string literal of any kind; the code of an interpolated string's holes is lexed into <paramref name="tokens"/>.</summary>
    private static void SkipString(string s, ref int i, List<string> tokens)
    {
        var interpolated = false;
        var verbatim = false;
        while (s[i] != '"')
        {
            if (s[i] == '$') interpolated = true;
            if (s[i] == '@') verbatim = true;
            i++;
        }
        var quotes = 0;
        while (At(s, i + quotes) == '"') quotes++;
        if (quotes >= 3)
        {
            // A raw string literal: it ends at as many quotes as it began with.
            i += quotes;
            var end = s.IndexOf(new string('"', quotes), i, StringComparison.Ordinal);
            i = end < 0 ? s.Length : end + quotes;
            return;
        }
        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if (!verbatim && c == '\\') { i += 2; continue; }
            if (c == '"')
            {
                if (verbatim && At(s, i + 1) == '"') { i += 2; continue; }
                i++;
                return;
            }
            if (interpolated && c == '{')
            {
                if (At(s, i + 1) == '{') { i += 2; continue; }
                i++;
                LexCode(s, ref i, tokens, stopAtCloseBrace: true);
                // Past a format (":N0") to the hole's closing brace.
                while (i < s.Length && s[i] != '}') i++;
                i++;
                continue;
            }
            if (interpolated && c == '}' && At(s, i + 1) == '}') { i += 2; continue; }
            if (!verbatim && c == '\n') return; // unterminated: leave the line
            i++;
        }
    }

    private static void SkipCharLiteral(string s, ref int i)
    {
        i++;
        while (i < s.Length && s[i] != '\'')
        {
            if (s[i] == '\\') i++;
            i++;
        }
        i++;
    }

    private static void SkipTo(string s, ref int i, string end)
    {
        var at = s.IndexOf(end, i, StringComparison.Ordinal);
        i = at < 0 ? s.Length : at;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    /// <summary>For failure messages: the references grouped as <c>Plan → Provisioning: ProvisioningSession (Plan/X.cs)</c>.</summary>
    public static string Describe(IEnumerable<FolderReference> references)
    {
        var text = new StringBuilder();
        foreach (var group in references.GroupBy(r => (r.FromFolder, r.ToFolder)).OrderBy(g => g.Key.FromFolder).ThenBy(g => g.Key.ToFolder))
        {
            text.Append('\n').Append(group.Key.FromFolder).Append(" → ").Append(group.Key.ToFolder).Append(": ")
                .Append(string.Join(", ", group.Select(r => $"{r.Name} ({r.File})").Distinct().Take(6)));
        }
        return text.ToString();
    }
}
