using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Reads the text of <c>convex.json</c> as the CLI 1.48 does (docs/protocol.md#project-configuration): <c>JSON.parse</c>, then a strict zod
/// pass whose unknown-key issues only warn. Unlike the CLI, an unknown key never hides a real error.
/// </summary>
internal static class ConvexJsonParser
{
    public const string InvalidJsonMessage = "Error: Parsing \"convex.json\" failed";
    public const string NotAnObjectMessage = "Expected `convex.json` to contain an object";

    private const string CommonJsWithTsMessage =
        "Cannot use `generateCommonJSApi: true` with `codegen.fileType: \"ts\"`. CommonJS modules require JavaScript generation. Either set `codegen.fileType: \"js/dts\"` or remove `generateCommonJSApi`.";

    private static readonly string[] TopLevelKeys =
    {
        "functions", "node", "codegen", "bundler", "generateCommonJSApi", "typescriptCompiler", "$schema", "authKit", "aiFiles",
        "project", "team", "prodUrl",
    };

    /// <exception cref="ConvexJsonException">The text is not JSON, or not a valid <c>convex.json</c>.</exception>
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
        ReadNode(obj["node"], issues);
        var fileType = ReadCodegen(obj["codegen"], issues);
        ReadBundler(obj["bundler"], issues);
        var commonJs = issues.Boolean(obj["generateCommonJSApi"], "generateCommonJSApi");
        issues.Enum(obj["typescriptCompiler"], "typescriptCompiler", "tsc", "tsgo");
        issues.String(obj["$schema"], "$schema");
        var authKit = obj["authKit"] is { } authKitValue ? AuthKitSchema.Read(authKitValue, issues) : null;
        ReadAiFiles(obj["aiFiles"], issues);
        foreach (var deprecated in new[] { "project", "team", "prodUrl" }) issues.String(obj[deprecated], deprecated);
        issues.RejectUnknownKeys(obj, "", TopLevelKeys);
        if (issues.ErrorCount == 0 && commonJs == true && fileType == "ts") issues.Error("generateCommonJSApi", CommonJsWithTsMessage);

        var firstError = issues.All.FirstOrDefault(i => i.UnknownKeys == null);
        if (firstError != null) throw new ConvexJsonException(FormatError(firstError));
        return new ConvexProjectConfig(functions, authKit, UnknownKeyWarnings(issues.All));
    }

    private static void ReadNode(JToken? value, SchemaIssues issues)
    {
        if (value == null || issues.Object(value, "node") is not { } node) return;
        issues.StringArray(node["externalPackages"], "node.externalPackages");
        issues.String(node["nodeVersion"], "node.nodeVersion");
        issues.RejectUnknownKeys(node, "node", "externalPackages", "nodeVersion");
    }

    private static string? ReadCodegen(JToken? value, SchemaIssues issues)
    {
        if (value == null || issues.Object(value, "codegen") is not { } codegen) return null;
        issues.Boolean(codegen["staticApi"], "codegen.staticApi");
        issues.Boolean(codegen["staticDataModel"], "codegen.staticDataModel");
        issues.Boolean(codegen["legacyComponentApi"], "codegen.legacyComponentApi");
        var fileType = issues.Enum(codegen["fileType"], "codegen.fileType", "ts", "js/dts");
        issues.RejectUnknownKeys(codegen, "codegen", "staticApi", "staticDataModel", "legacyComponentApi", "fileType");
        return fileType;
    }

    private static void ReadBundler(JToken? value, SchemaIssues issues)
    {
        if (value == null || issues.Object(value, "bundler") is not { } bundler) return;
        issues.Boolean(bundler["includeSourcesContent"], "bundler.includeSourcesContent");
        issues.RejectUnknownKeys(bundler, "bundler", "includeSourcesContent");
    }

    private static void ReadAiFiles(JToken? value, SchemaIssues issues)
    {
        if (value == null || issues.Object(value, "aiFiles") is not { } aiFiles) return;
        issues.Boolean(aiFiles["enabled"], "aiFiles.enabled");
        issues.Boolean(aiFiles["disableStalenessMessage"], "aiFiles.disableStalenessMessage");
        if (aiFiles["skills"] is { } skillsValue && issues.Object(skillsValue, "aiFiles.skills") is { } skills)
            issues.StringArray(skills["agents"], "aiFiles.skills.agents");
    }

    private static string FormatError(SchemaIssue issue) =>
        issue.Path.Length > 0 ? $"`{issue.Path}` in `convex.json`: {issue.Message}" : $"`convex.json`: {issue.Message}";

    private static List<string> UnknownKeyWarnings(IEnumerable<SchemaIssue> issues)
    {
        var lines = new List<string>();
        foreach (var issue in issues)
        {
            var keys = issue.UnknownKeys!;
            var where = issue.Path.Length > 0 ? $"`{issue.Path}`" : "`convex.json`";
            var noun = keys.Count == 1 ? "property" : "properties";
            lines.Add($"Warning: Unknown {noun} in {where}: {string.Join(", ", keys.Select(k => "`" + k + "`"))}");
            lines.Add("  These properties will be preserved but are not recognized by this version of Convex.");
        }
        return lines;
    }
}
