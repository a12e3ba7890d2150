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

    /// <exception cref="ConvexJsonException">The text is not JSON, or what the package reads from it is invalid.</exception>
    public static ConvexProjectConfig Parse(string text)
    {
        JToken root;
        try
        {
            root = StrictJson.Parse(text);
        }
        catch (StrictJsonException)
        {
            throw new ConvexJsonException(InvalidJsonMessage);
        }
        if (root is not JObject obj) throw new ConvexJsonException(NotAnObjectMessage);

        var issues = new SchemaIssues();
        var functions = issues.String(obj["functions"], "functions") ?? ConvexProjectConfig.DefaultFunctions;
        var authKit = obj["authKit"] is { } authKitValue ? AuthKitSchema.Read(authKitValue, issues) : null;
        if (issues.First is { } error) throw new ConvexJsonException(FormatError(error));
        return new ConvexProjectConfig(functions, authKit, UnknownKeyWarning(obj));
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
