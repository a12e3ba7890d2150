using System.Text.RegularExpressions;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Finds <c>server.port</c> (a numeric literal) in a Vite config's source without running it, and whether
/// <c>server.https</c> is set. Only keys directly inside the <c>server: { ... }</c> object count.
/// </summary>
internal static class ViteConfigReader
{
    private static readonly Regex ServerObject = new(@"(?<![\w$.])(?:server|'server'|""server"")\s*:\s*\{", RegexOptions.CultureInvariant);
    private static readonly Regex PortKey = new(@"(?<![\w$.])(?:port|'port'|""port"")\s*:\s*(\d{1,5})(?![\w.])", RegexOptions.CultureInvariant);
    private static readonly Regex HttpsKey = new(@"(?<![\w$.])(?:https|'https'|""https"")\s*:\s*(?!false\b|undefined\b|null\b)\S", RegexOptions.CultureInvariant);

    public static DevServerPort? Read(string source)
    {
        var kinds = JsSource.Classify(source);
        foreach (Match server in ServerObject.Matches(source))
        {
            if (!IsCodeOrKeyString(kinds, server.Index)) continue;
            var open = server.Index + server.Length - 1;
            var body = DirectBody(source, kinds, open);
            var port = FindAtTopLevel(PortKey, body, kinds, open + 1);
            if (port == null || !int.TryParse(port.Groups[1].Value, out var number) || number < 1 || number > 65535) continue;
            return new DevServerPort(number, FindAtTopLevel(HttpsKey, body, kinds, open + 1) != null);
        }
        return null;
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

    private static Match? FindAtTopLevel(Regex key, string body, JsCharKind[] kinds, int offset)
    {
        foreach (Match m in key.Matches(body))
        {
            if (IsCodeOrKeyString(kinds, offset + m.Index)) return m;
        }
        return null;
    }

    // A key is code (`port`) or a quoted key (`"port"`) whose quote starts a string.
    private static bool IsCodeOrKeyString(JsCharKind[] kinds, int index) =>
        kinds[index] == JsCharKind.Code || (kinds[index] == JsCharKind.String && (index == 0 || kinds[index - 1] != JsCharKind.String));
}
