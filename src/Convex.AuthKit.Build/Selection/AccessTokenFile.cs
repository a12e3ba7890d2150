using System.Runtime.InteropServices;
using System.Text;
using Convex.AuthKit.Build.FileSystem;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Selection;

/// <summary>
/// Where the Convex CLI keeps the access token of <c>npx convex login</c> (docs/protocol.md#access-token-file), and how to read it.
/// </summary>
internal static class AccessTokenFile
{
    public const string FileName = "config.json";

    /// <summary>
    /// <c>&lt;home&gt;/.convex/config.json</c>; with <c>CONVEX_PROVISION_HOST</c> set (non-empty), the directory
    /// is <c>.convex-test</c> when the host string has no third <c>:</c>-separated segment or it is <c>8050</c>,
    /// else <c>.convex-test-&lt;segment&gt;</c> (the CLI's <c>convexName</c>, taken literally).
    /// </summary>
    public static string PathFor(string homeDirectory, string? provisionHost)
    {
        if (homeDirectory == null) throw new ArgumentNullException(nameof(homeDirectory));
        return Path.GetFullPath(Path.Combine(homeDirectory, DirectoryName(provisionHost), FileName));
    }

    /// <summary>
    /// Whether <paramref name="fullPath"/> is a login file of the CLI under <paramref name="fullHomeDirectory"/>: a
    /// <c>config.json</c> in a folder <see cref="DirectoryName"/> gives, for any provision host. Both full paths.
    /// </summary>
    public static bool IsLoginFile(string fullHomeDirectory, string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath);
        return folder != null
            && Path.GetFileName(fullPath) == FileName
            && Path.GetFileName(folder).StartsWith(".convex", StringComparison.Ordinal)
            && string.Equals(Path.GetDirectoryName(folder), fullHomeDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.Ordinal);
    }

    /// <summary>The CLI's <c>convexName()</c>.</summary>
    public static string DirectoryName(string? provisionHost)
    {
        if (string.IsNullOrEmpty(provisionHost)) return ".convex";
        var segments = provisionHost!.Split(':');
        if (segments.Length < 3 || segments[2] == "8050") return ".convex-test";
        return ".convex-test-" + segments[2];
    }

    /// <summary>
    /// The home directory as Node's <c>os.homedir()</c> finds it: <c>USERPROFILE</c> on Windows, <c>HOME</c>
    /// elsewhere, else the profile folder of the current user.
    /// </summary>
    public static string HomeDirectory(Func<string, string?> environment)
    {
        if (environment == null) throw new ArgumentNullException(nameof(environment));
        var variable = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "USERPROFILE" : "HOME";
        var fromEnvironment = environment(variable);
        return string.IsNullOrEmpty(fromEnvironment)
            ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)
            : fromEnvironment!;
    }

    /// <summary>Reads the token. Never throws for a bad file: that is "not logged in" with a diagnostic.</summary>
    public static AccessTokenRead Read(string path)
    {
        if (path == null) throw new ArgumentNullException(nameof(path));
        if (!File.Exists(path) && !Directory.Exists(path)) return AccessTokenRead.Missing(path);

        string text;
        try
        {
            // A BOM is tolerated (the CLI's JSON.parse would reject it; editors on Windows add one).
            var bytes = LocalFile.ReadBounded(path, LocalFile.TextFileLimit) ?? Array.Empty<byte>();
            text = new UTF8Encoding(false, false).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException)
        {
            return AccessTokenRead.Invalid(path, $"Failed to read global config in {path} with error {e.Message.TrimEnd('.')}.");
        }

        var problem = TryGetToken(text, out var token);
        return problem == null
            ? AccessTokenRead.Found(path, token!)
            : AccessTokenRead.Invalid(path, $"Failed to parse global config in {path} with error {problem}.");
    }

    // The reasons are our own words: JSON parser messages can quote the file, which holds the token.
    private static string? TryGetToken(string text, out string? token)
    {
        token = null;
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader);
            if (reader.Read()) return "content after the JSON value";
        }
        catch (JsonReaderException e)
        {
            return $"invalid JSON (line {e.LineNumber}, position {e.LinePosition})";
        }
        if (root is not JObject config) return "the file is not a JSON object";
        if (config["accessToken"] is not JValue { Type: JTokenType.String } value) return "no string property accessToken";
        var tokenText = (string?)value;
        if (string.IsNullOrEmpty(tokenText)) return "accessToken is empty";
        token = tokenText;
        return null;
    }
}
