using System.Text.RegularExpressions;

namespace Convex.AuthKit.Build.Config;

/// <summary>What a vite.config says about the dev server (docs/architecture.md#dev-origin).</summary>
/// <param name="Port">The port <c>server.port</c> evaluates to; null when it is not set (Vite's default applies).</param>
/// <param name="Https">The dev server serves https: <c>server.https</c> is set, or a plugin that serves https is used.</param>
/// <param name="Unreadable">What the config sets in a form the reader cannot evaluate (e.g. <c>server.port (`getPort()`)</c>); null when all is read.</param>
internal sealed record ViteServerSettings(int? Port, bool Https, string? Unreadable);

/// <summary>
/// Reads <c>server.port</c> and <c>server.https</c> from a Vite config's source without running it. Only keys directly
/// inside the <c>server: { ... }</c> object count. A port may be a number, or an environment variable with a numeric
/// fallback (<c>parseInt(env.X || '5173')</c>, <c>Number(process.env.X ?? 5173)</c>, <c>+process.env.X || 5173</c>,
/// also through a <c>const</c>): see <see cref="ViteConfigExpressions"/> for what each variable sees.
/// </summary>
internal static class ViteConfigReader
{
    private static readonly Regex ServerKey = new(@"(?<![\w$.])(?:server|'server'|""server"")\s*:", RegexOptions.CultureInvariant);
    private static readonly Regex PortKey = new(@"(?<![\w$.])(?:port|'port'|""port"")(?![\w$])\s*(:)?", RegexOptions.CultureInvariant);
    private static readonly Regex HttpsKey = new(@"(?<![\w$.])(?:https|'https'|""https"")(?![\w$])\s*(:)?", RegexOptions.CultureInvariant);

    /// <summary>Plugins that make the dev server serve https with a certificate of their own.</summary>
    private static readonly string[] HttpsPlugins = { "@vitejs/plugin-basic-ssl", "vite-plugin-mkcert" };

    /// <summary>The dev server settings, or null when the config sets neither a port nor https.</summary>
    /// <param name="files">The app's files and build environment, for the variables a port reads; none when null.</param>
    public static ViteServerSettings? Read(string source, ProjectFiles? files = null)
    {
        var expressions = new ViteConfigExpressions(source, files);
        var code = expressions.Code;
        var kinds = expressions.Kinds;
        var pluginHttps = UsesHttpsPlugin(code, kinds);

        foreach (Match server in ServerKey.Matches(code))
        {
            if (!IsCodeOrKeyString(kinds, server.Index) || !IsPropertyStart(code, server.Index)) continue;
            var open = expressions.ObjectLiteralAt(server.Index + server.Length);
            if (open < 0) return new ViteServerSettings(null, pluginHttps, $"server (`{expressions.Snippet(server.Index + server.Length)}`)");

            var body = DirectBody(code, kinds, open);
            var port = FindProperty(PortKey, body, kinds, open + 1);
            var https = FindProperty(HttpsKey, body, kinds, open + 1);
            if (port == null && https == null) continue;

            int? portNumber = null;
            string? unreadable = null;
            if (port != null)
            {
                var (value, problem) = port.Value.ValueStart is { } start ? expressions.EvaluateValue(start) : expressions.EvaluateConst("port");
                if (problem == null) portNumber = ToPort(value, out problem);
                if (problem != null) unreadable = $"server.port (`{(port.Value.ValueStart is { } at ? expressions.Snippet(at) : "port")}`{(problem.Length > 0 ? ": " + problem : "")})";
            }
            var httpsSet = pluginHttps;
            if (https != null)
            {
                var set = https.Value.ValueStart is { } start ? expressions.IsSet(start) : expressions.IsSetConst("https");
                if (set == null)
                    unreadable ??= $"server.https (`{(https.Value.ValueStart is { } at ? expressions.Snippet(at) : "https")}`)";
                else httpsSet |= set.Value;
            }
            return new ViteServerSettings(portNumber, httpsSet, unreadable);
        }
        return pluginHttps ? new ViteServerSettings(null, true, null) : null;
    }

    /// <summary>Vite listens on a number, or on a string of digits; anything else is a port the build cannot know.</summary>
    private static int? ToPort(object? value, out string? problem)
    {
        problem = null;
        if (value == null) return null; // undefined: Vite's default port
        var number = JsValues.ToNumber(value);
        if (number >= 1 && number <= 65535 && number == Math.Floor(number)) return (int)number;
        problem = "it evaluates to " + JsValues.Describe(value);
        return null;
    }

    private static bool UsesHttpsPlugin(string code, JsCharKind[] kinds)
    {
        foreach (var package in HttpsPlugins)
        {
            var quoted = Regex.Escape(package);
            var binding = new Regex(
                @"(?:import\s+([\w$]+)\s*(?:,\s*\{[^}]*\})?\s*from\s*|(?:const|let|var)\s+([\w$]+)\s*=\s*require\s*\(\s*)['""]" + quoted + @"['""]",
                RegexOptions.CultureInvariant).Match(code);
            if (!binding.Success) continue;
            var name = binding.Groups[1].Success ? binding.Groups[1].Value : binding.Groups[2].Value;
            foreach (Match call in new Regex(@"(?<![\w$.])" + Regex.Escape(name) + @"\s*\(", RegexOptions.CultureInvariant).Matches(code))
            {
                if (kinds[call.Index] == JsCharKind.Code) return true;
            }
        }
        return false;
    }

    /// <summary>A property of the object: where its value starts, or null for a shorthand (<c>{ port }</c>).</summary>
    private readonly record struct Property(int? ValueStart);

    private static Property? FindProperty(Regex key, string body, JsCharKind[] kinds, int offset)
    {
        foreach (Match m in key.Matches(body))
        {
            if (!IsCodeOrKeyString(kinds, offset + m.Index) || !IsPropertyStart(body, m.Index)) continue;
            if (m.Groups[1].Success) return new Property(offset + m.Index + m.Length);
            var next = m.Index + m.Length;
            while (next < body.Length && char.IsWhiteSpace(body[next])) next++;
            if (next >= body.Length || body[next] == ',') return new Property(null);
        }
        return null;
    }

    /// <summary>The key is the first thing of a property: after the object's brace or a comma.</summary>
    private static bool IsPropertyStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        return i < 0 || text[i] == ',' || text[i] == '{';
    }

    /// <summary>The object's text with everything nested deeper (or not code) blanked out.</summary>
    private static string DirectBody(string source, JsCharKind[] kinds, int open)
    {
        var chars = new char[source.Length - open - 1];
        var depth = 0;
        var length = 0;
        for (var i = open + 1; i < source.Length; i++)
        {
            var c = source[i];
            var isCode = kinds[i] == JsCharKind.Code;
            if (isCode && (c == '{' || c == '[' || c == '('))
            {
                chars[length++] = depth == 0 ? c : ' ';
                depth++;
                continue;
            }
            if (isCode && (c == '}' || c == ']' || c == ')'))
            {
                if (depth == 0) break;
                depth--;
                chars[length++] = ' ';
                continue;
            }
            var keep = depth == 0 && (isCode || kinds[i] == JsCharKind.String);
            chars[length++] = keep ? c : ' ';
        }
        return new string(chars, 0, length);
    }

    // A key is code (`port`) or a quoted key (`"port"`) whose quote starts a string.
    private static bool IsCodeOrKeyString(JsCharKind[] kinds, int index) =>
        kinds[index] == JsCharKind.Code || (kinds[index] == JsCharKind.String && (index == 0 || kinds[index - 1] != JsCharKind.String));
}
