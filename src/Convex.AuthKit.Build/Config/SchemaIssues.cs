using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Config;

/// <summary>One problem found in <c>convex.json</c>, shaped like a zod 3 issue.</summary>
/// <param name="Path">Dotted path, array indexes as <c>[n]</c>; empty for the root.</param>
internal sealed record SchemaIssue(string Path, string Message);

/// <summary>
/// The checks zod 3 makes for the types the package reads from <c>convex.json</c>, with zod's messages, collecting
/// issues in the order zod reports them.
/// </summary>
internal sealed class SchemaIssues
{
    private readonly List<SchemaIssue> _issues = new();

    /// <summary>The issue the CLI reports, or null when there is none.</summary>
    public SchemaIssue? First => _issues.Count > 0 ? _issues[0] : null;

    public int ErrorCount => _issues.Count;

    public static string Child(string path, string key) => path.Length == 0 ? key : path + "." + key;

    public void Error(string path, string message) => _issues.Add(new SchemaIssue(path, message));

    public JObject? Object(JToken value, string path)
    {
        if (value is JObject obj) return obj;
        TypeError("object", value, path);
        return null;
    }

    public string? String(JToken? value, string path)
    {
        if (value == null) return null;
        if (value.Type == JTokenType.String) return (string)value!;
        TypeError("string", value, path);
        return null;
    }

    public string? Enum(JToken? value, string path, params string[] options)
    {
        if (value == null) return null;
        var expected = string.Join(" | ", options.Select(o => "'" + o + "'"));
        if (value.Type != JTokenType.String)
        {
            TypeError(expected, value, path);
            return null;
        }
        var text = (string)value!;
        if (options.Contains(text)) return text;
        Error(path, $"Invalid enum value. Expected {expected}, received '{text}'");
        return null;
    }

    public List<string>? StringArray(JToken? value, string path)
    {
        if (value == null) return null;
        if (value is not JArray array)
        {
            TypeError("array", value, path);
            return null;
        }
        var result = new List<string>();
        var before = ErrorCount;
        for (var i = 0; i < array.Count; i++)
        {
            var item = String(array[i], path + "[" + i + "]");
            if (item != null) result.Add(item);
        }
        return ErrorCount == before ? result : null;
    }

    private void TypeError(string expected, JToken value, string path) =>
        Error(path, $"Expected {expected}, received {TypeName(value)}");

    /// <summary>zod's name for the JSON value's type.</summary>
    private static string TypeName(JToken value) => value.Type switch
    {
        JTokenType.Object => "object",
        JTokenType.Array => "array",
        JTokenType.String => "string",
        JTokenType.Integer or JTokenType.Float => "number",
        JTokenType.Boolean => "boolean",
        JTokenType.Null => "null",
        _ => "unknown",
    };
}
