using System.Text.RegularExpressions;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.FileSystem;

namespace Convex.AuthKit.Build.Config;

/// <summary>Where a vite.config's variables come from: the build's environment through <c>process</c>, or the app's env files through <c>loadEnv</c>.</summary>
internal sealed partial class ViteConfigExpressions
{
    private const string DefaultMode = "development";
    private static readonly string[] DefaultPrefixes = { "VITE_" };

    private static readonly Regex ProcessImport = new(@"import\s*\{([^}]*)\}\s*from\s*['""](?:node:)?process['""]", RegexOptions.CultureInvariant);
    private static readonly Regex ProcessDefaultImport = new(@"import\s+(?:\*\s*as\s+)?([\w$]+)\s+from\s*['""](?:node:)?process['""]", RegexOptions.CultureInvariant);
    private static readonly Regex ProcessDestructuring = new(@"(?:const|let|var)\s*\{([^}]*)\}\s*=\s*process(?![\w$.\[])", RegexOptions.CultureInvariant);
    private static readonly Regex ProcessEnvAlias = new(@"(?:const|let|var)\s+([\w$]+)\s*=\s*process\.env(?![\w$.\[])", RegexOptions.CultureInvariant);
    private static readonly Regex LoadEnvBinding = new(@"(?:const|let|var)\s+([\w$]+)\s*(?::\s*[\w$.<>,\s\[\]|]+?)?=\s*loadEnv\s*\(", RegexOptions.CultureInvariant);
    private static readonly Regex LoadEnvCall = new(@"(?<![\w$.])loadEnv\s*\(", RegexOptions.CultureInvariant);
    private static readonly string[] EnvDirectories = { "process.cwd()", "__dirname", "''", "\"\"", "'.'", "\".\"", "'./'", "\"./\"", "import.meta.dirname", "path.resolve(__dirname)", "path.resolve(process.cwd())" };

    private readonly HashSet<string> _processObjects = new(StringComparer.Ordinal) { "process" };
    private readonly HashSet<string> _processEnvs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoadEnvResult> _loadEnvs = new(StringComparer.Ordinal);
    private readonly bool _loadEnvIntoProcess;

    /// <summary>Finds the names bound to <c>process</c>, <c>process.env</c> and <c>loadEnv</c> results; true when a loadEnv result is not bound (it may be spread into process.env).</summary>
    private bool FindEnvironmentBindings()
    {
        foreach (Match m in ProcessImport.Matches(Code))
            foreach (var (name, alias) in Bindings(m.Groups[1].Value, " as ")) if (name == "env") _processEnvs.Add(alias);
        foreach (Match m in ProcessDefaultImport.Matches(Code)) _processObjects.Add(m.Groups[1].Value);
        foreach (Match m in ProcessDestructuring.Matches(Code))
            foreach (var (name, alias) in Bindings(m.Groups[1].Value, ":")) if (name == "env") _processEnvs.Add(alias);
        foreach (Match m in ProcessEnvAlias.Matches(Code)) _processEnvs.Add(m.Groups[1].Value);
        var bound = 0;
        foreach (Match m in LoadEnvBinding.Matches(Code))
        {
            if (Kinds[m.Index] != JsCharKind.Code) continue;
            _loadEnvs[m.Groups[1].Value] = ReadLoadEnvCall(m.Index + m.Length);
            bound++;
        }
        // loadEnv's result spread into process.env (or anywhere else): process.env may then hold the env files.
        return LoadEnvCall.Matches(Code).Cast<Match>().Count(m => Kinds[m.Index] == JsCharKind.Code) > bound;
    }

    private object? ProcessVariable(string name)
    {
        if (_loadEnvIntoProcess) return Fail("process.env may hold loadEnv's result");
        return _files?.Variable(name);
    }

    /// <summary>Vite's loadEnv for the dev server (the one model of it, <see cref="FrontEndEnvReaders.ViteVariable"/>), on the app's env files and the build's environment.</summary>
    private object? LoadedVariable(LoadEnvResult loaded, string name)
    {
        if (loaded.Problem != null) return Fail(loaded.Problem);
        if (_files == null) return null;
        return FrontEndEnvReaders.ViteVariable(name, loaded.Mode, loaded.Prefixes, file => _files.ReadOptional(_files.PathOf(file), LocalFile.TextFileLimit, "the Vite variables it sets were not read"), _files.Variable);
    }

    /// <summary>loadEnv(mode, dir, prefixes): the mode (a string, else the dev server's), the folder (the app's), the prefixes (VITE_ by default).</summary>
    private LoadEnvResult ReadLoadEnvCall(int argumentsStart)
    {
        var texts = new List<string>();
        var depth = 0;
        var start = argumentsStart;
        for (var i = argumentsStart; i < Code.Length; i++)
        {
            if (Kinds[i] != JsCharKind.Code) continue;
            var c = Code[i];
            if (c == '(' || c == '[' || c == '{') depth++;
            else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
            else if (c == ',' && depth == 0) { texts.Add(Code.Substring(start, i - start).Trim()); start = i + 1; }
            else if (c == ')' && depth == 0) { texts.Add(Code.Substring(start, i - start).Trim()); break; }
        }
        texts.RemoveAll(t => t.Length == 0);
        var mode = texts.Count > 0 && Regex.Match(texts[0], @"^(['""])([\w.-]+)\1$") is { Success: true } literal ? literal.Groups[2].Value : DefaultMode;
        if (texts.Count < 2 || !EnvDirectories.Contains(Regex.Replace(texts[1], @"\s+", ""), StringComparer.Ordinal))
            return new LoadEnvResult(mode, Array.Empty<string>(), "loadEnv reads a folder the build does not know");
        if (texts.Count < 3) return new LoadEnvResult(mode, DefaultPrefixes, null);
        var prefixes = Regex.Matches(texts[2], @"(['""])([^'""]*)\1").Cast<Match>().Select(m => m.Groups[2].Value).ToArray();
        var onlyLiterals = Regex.IsMatch(texts[2], @"^(?:(['""])[^'""]*\1|\[\s*(?:(['""])[^'""]*\2\s*,?\s*)*\])$");
        return onlyLiterals ? new LoadEnvResult(mode, prefixes, null) : new LoadEnvResult(mode, Array.Empty<string>(), "loadEnv's prefixes are not literal");
    }

    private sealed record LoadEnvResult(string Mode, IReadOnlyList<string> Prefixes, string? Problem);

    /// <summary><c>env</c>, <c>env as e</c> (import) or <c>env: e</c> (destructuring) in a binding list.</summary>
    private static IEnumerable<(string Name, string Alias)> Bindings(string list, string aliasSeparator)
    {
        foreach (var part in list.Split(','))
        {
            var pieces = part.Split(new[] { aliasSeparator }, StringSplitOptions.None).Select(p => p.Trim()).ToArray();
            if (pieces[0].Length == 0) continue;
            yield return (pieces[0], pieces.Length > 1 ? pieces[1] : pieces[0]);
        }
    }
}
