namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// The front ends' env-file readers (docs/protocol.md#front-end-env-readers), modelled so that the build never has to run Node:
/// Vite 8's <c>loadEnv(mode, dir, prefixes)</c> (the one model of it: the env-file check and a vite.config's
/// <c>loadEnv</c> result both use it) and @next/env 16's <c>loadEnvConfig(dir, true)</c>. Both expand
/// <c>$</c> references, so a value the CLI's dotenv reads back exactly may still reach the app altered. The tests
/// prove the model against the real readers. Values may be secrets.
/// </summary>
internal static class FrontEndEnvReaders
{
    /// <summary>The files Next.js reads in development, highest precedence first.</summary>
    public static readonly IReadOnlyList<string> NextFiles = new[] { ".env.development.local", ".env.local", ".env.development", ".env" };

    private const string DevelopmentMode = "development";
    private static readonly string[] ViteCopiedToProcess = { "NODE_ENV", "BROWSER", "BROWSER_ARGS" };

    /// <summary>The files Vite's loadEnv reads for <paramref name="mode"/>, lowest precedence first.</summary>
    public static string[] ViteFiles(string mode) => new[] { ".env", ".env.local", $".env.{mode}", $".env.{mode}.local" };

    /// <summary>
    /// What <c>loadEnv('development', dir, '')</c> returns for a folder holding <paramref name="files"/> (name → text as
    /// read, a BOM included), in a process whose environment is <paramref name="processEnvironment"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Vite(IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, string> processEnvironment)
    {
        var process = ToJs(processEnvironment);
        var parsed = LoadVite(DevelopmentMode, name => files.TryGetValue(name, out var text) ? text : null, process);
        var result = new JsEnvObject(parsed);
        foreach (var key in process.Keys) result[key] = process[key];
        return result.ToDictionary();
    }

    /// <summary>
    /// One variable of what <c>loadEnv(mode, dir, prefixes)</c> returns, or null: only names with one of the prefixes,
    /// the process environment over the files. <paramref name="readFile"/> gives a file's text by name (null when
    /// absent); <paramref name="processVariable"/> a variable of the process environment (null when unset).
    /// </summary>
    public static string? ViteVariable(string name, string mode, IReadOnlyList<string> prefixes, Func<string, string?> readFile, Func<string, string?> processVariable)
    {
        if (!prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))) return null;
        var process = new JsEnvObject(processVariable);
        var parsed = LoadVite(mode, readFile, process);
        return process.Get(name) ?? parsed.Get(name);
    }

    /// <summary>
    /// loadEnv's files, parsed with Node's parser and expanded; it copies a few of them into <paramref name="process"/>
    /// as Vite does into <c>process.env</c>.
    /// </summary>
    private static JsEnvObject LoadVite(string mode, Func<string, string?> readFile, JsEnvObject process)
    {
        var parsed = new JsEnvObject();
        foreach (var name in ViteFiles(mode))
        {
            if (readFile(name) is not { } text) continue;
            var fileValues = NodeEnvParser.Parse(text);
            foreach (var key in fileValues.Keys) parsed[key] = fileValues[key];
        }
        foreach (var name in ViteCopiedToProcess)
        {
            var target = name == "NODE_ENV" ? "VITE_USER_NODE_ENV" : name;
            if (!string.IsNullOrEmpty(parsed.Get(name)) && !process.ContainsKey(target)) process[target] = parsed[name];
        }
        DotEnvExpand.ExpandVite(parsed, new JsEnvObject(process));
        return parsed;
    }

    /// <summary>
    /// What <c>loadEnvConfig(dir, true).combinedEnv</c> holds for a folder holding <paramref name="files"/>, in a process
    /// whose environment is <paramref name="processEnvironment"/> (without the marker Next.js adds for itself).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Next(IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, string> processEnvironment)
    {
        var initial = ToJs(processEnvironment);
        var environment = new JsEnvObject(initial);
        var loaded = new JsEnvObject();
        foreach (var name in NextFiles)
        {
            if (!files.TryGetValue(name, out var text)) continue;
            var parsed = new JsEnvObject();
            foreach (var assignment in DotEnvParser.ParseAssignments(text)) parsed[assignment.Key] = assignment.Value;
            try
            {
                DotEnvExpand.ExpandNext(parsed, environment);
            }
            catch (InvalidOperationException)
            {
                continue; // Next.js logs "Failed to load env" and goes on without the file
            }
            foreach (var key in parsed.Keys)
            {
                if (!loaded.ContainsKey(key) && !initial.ContainsKey(key)) loaded[key] = parsed[key];
            }
        }
        foreach (var key in loaded.Keys) environment[key] = loaded[key];
        return environment.ToDictionary();
    }

    /// <summary>
    /// Whether both readers, given only <paramref name="text"/> as the env file (no process environment), see
    /// <paramref name="name"/> holding exactly <paramref name="value"/>.
    /// </summary>
    public static bool ReadBack(string text, string name, string value)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { [".env.local"] = text };
        var none = new Dictionary<string, string>(StringComparer.Ordinal);
        return Vite(files, none).TryGetValue(name, out var vite) && vite == value
            && Next(files, none).TryGetValue(name, out var next) && next == value;
    }

    private static JsEnvObject ToJs(IReadOnlyDictionary<string, string> values)
    {
        var result = new JsEnvObject();
        foreach (var pair in values) result[pair.Key] = pair.Value;
        return result;
    }
}
