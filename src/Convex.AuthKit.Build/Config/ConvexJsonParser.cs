using Convex.AuthKit.Build.Vocabulary;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Reads the text of <c>convex.json</c> as the CLI 1.48 does (docs/protocol.md#project-configuration): <c>JSON.parse</c>,
/// then the CLI's checks of what the package reads (<c>functions</c> and the whole <c>authKit</c> section). The other
/// keys are the CLI's own: their values are not checked, so a newer CLI's additions never fail the build; only an
/// unknown top-level key is warned about, as the CLI does.
/// </summary>
internal static class ConvexJsonParser
{
    public const string InvalidJsonMessage = "Error: Parsing \"convex.json\" failed";
    public const string NotAnObjectMessage = "Expected `convex.json` to contain an object";

    /// <summary>The top-level keys the CLI 1.48 knows.</summary>
    private static readonly string[] TopLevelKeys =
    {
        "functions", "node", "codegen", "bundler", "generateCommonJSApi", "typescriptCompiler", "$schema", "authKit", "aiFiles",
        "project", "team", "prodUrl",
    };

    /// <param name="file">The file's path, for the exception's location; null when the text was not read from a file.</param>
    /// <exception cref="ConvexJsonException">The text is not JSON, or what the package reads from it is invalid.</exception>
    public static ConvexProjectConfig Parse(string text, string? file = null)
    {
        JToken root;
        try
        {
            root = StrictJson.Parse(text);
        }
        catch (StrictJsonException e)
        {
            throw new ConvexJsonException(InvalidJsonMessage, file == null ? null : DiagnosticLocation.At(file, text, e.Position));
        }
        var fileOnly = file == null ? null : new DiagnosticLocation(file);
        if (root is not JObject obj) throw new ConvexJsonException(NotAnObjectMessage, fileOnly);

        var issues = new SchemaIssues();
        var functions = issues.String(obj["functions"], "functions") ?? ConvexProjectConfig.DefaultFunctions;
        var authKit = obj["authKit"] is { } authKitValue ? AuthKitSchema.Read(authKitValue, issues) : null;
        if (issues.First is { } error) throw new ConvexJsonException(FormatError(error), file == null ? null : LocationOf(error.Path, text, file));
        return new ConvexProjectConfig(functions, authKit, UnknownKeyWarning(obj));
    }

    /// <summary>
    /// The line and column of the value at a schema issue's path, read again with Json.NET's line information (the text is
    /// known to be JSON by now); the file alone when the path cannot be followed.
    /// </summary>
    private static DiagnosticLocation LocationOf(string path, string text, string file)
    {
        try
        {
            var root = JToken.Parse(text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace });
            var token = path.Length == 0 ? root : root.SelectToken(path);
            var at = (IJsonLineInfo?)(token?.Parent as JProperty) ?? token;
            return at != null && at.HasLineInfo() ? new DiagnosticLocation(file, at.LineNumber, at.LinePosition) : new DiagnosticLocation(file);
        }
        catch (JsonException)
        {
            return new DiagnosticLocation(file);
        }
    }

    private static string FormatError(SchemaIssue issue) =>
        issue.Path.Length > 0 ? $"`{issue.Path}` in `convex.json`: {issue.Message}" : $"`convex.json`: {issue.Message}";

    private static List<string> UnknownKeyWarning(JObject root)
    {
        var unknown = root.Properties().Select(p => p.Name).Where(name => !TopLevelKeys.Contains(name)).ToList();
        if (unknown.Count == 0) return new List<string>();
        var noun = unknown.Count == 1 ? "property" : "properties";
        return new List<string>
        {
            $"Warning: Unknown {noun} in `convex.json`: {string.Join(", ", unknown.Select(k => "`" + k + "`"))}",
            "  These properties will be preserved but are not recognized by this version of Convex.",
        };
    }
}
