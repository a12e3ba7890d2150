using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Config;

/// <summary>Reads the dev server's port from <c>package.json</c>'s <c>dev</c> script (<c>--port N</c>, <c>--port=N</c>, <c>-p N</c>).</summary>
internal static class DevScriptReader
{
    private static readonly Regex PortFlag = new(@"(?<![\w-])(?:--port(?:=|\s+)|-p\s+)(\d{1,5})(?![\w.])", RegexOptions.CultureInvariant);
    private static readonly Regex HttpsFlag = new(@"(?<![\w-])--experimental-https(?![\w-])", RegexOptions.CultureInvariant);

    /// <summary>The port in the <c>dev</c> script, or null (no script, no flag, or package.json unreadable).</summary>
    public static DevServerPort? Read(string packageJsonText)
    {
        JToken root;
        try
        {
            root = StrictJson.Parse(packageJsonText);
        }
        catch (StrictJsonException)
        {
            return null; // framework detection reports a broken package.json
        }
        if (root is not JObject obj || obj["scripts"] is not JObject scripts || scripts["dev"] is not JValue { Type: JTokenType.String } dev)
            return null;
        var script = (string)dev!;
        var match = PortFlag.Match(script);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var port) || port < 1 || port > 65535) return null;
        // `next dev --experimental-https` serves the app over https.
        return new DevServerPort(port, HttpsFlag.IsMatch(script));
    }
}
