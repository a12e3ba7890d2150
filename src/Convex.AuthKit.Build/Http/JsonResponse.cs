using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Http;

/// <summary>
/// Typed reads from a success body. A missing or mistyped field throws <see cref="MalformedResponseException"/>
/// naming the field, never its value.
/// </summary>
internal sealed class JsonResponse
{
    private readonly ServiceKind _service;
    private readonly HttpResult _result;

    private JsonResponse(ServiceKind service, HttpResult result, JToken root)
    {
        _service = service;
        _result = result;
        Root = root;
    }

    public JToken Root { get; }

    public JObject Object => Root as JObject ?? throw Malformed("expected a JSON object");

    public static JsonResponse Parse(ServiceKind service, HttpResult result)
    {
        var root = JsonBody.TryParse(result.Body);
        if (root == null)
        {
            throw new MalformedResponseException(service, result.Method, result.RequestUri, result.Status, string.IsNullOrWhiteSpace(result.Body) ? "empty body" : "the body is not JSON");
        }

        return new JsonResponse(service, result, root);
    }

    /// <summary>The longest id or key the package accepts from a service.</summary>
    public const int MaxIdLength = 1024;

    public string RequiredString(string name) => OptionalString(name) ?? throw Malformed($"missing string field '{name}'");

    /// <summary>
    /// An id or key that goes into a file, a header or a URL (docs/architecture.md#safety-rules): non-empty, at most
    /// <paramref name="maxLength"/> characters, no white space or control characters. The message names the field, never its value.
    /// </summary>
    public string RequiredId(string name, int maxLength = MaxIdLength) =>
        IsId(RequiredString(name), maxLength) ? RequiredString(name) : throw Malformed($"field '{name}' is not a printable single-line id of at most {maxLength} characters");

    /// <summary>A name shown to the user or written to a file: non-empty, single line, no control characters.</summary>
    public string RequiredLine(string name) =>
        IsLine(RequiredString(name)) ? RequiredString(name) : throw Malformed($"field '{name}' is not a printable single line of at most {MaxIdLength} characters");

    /// <summary>The text when it is non-empty, at most <paramref name="maxLength"/> characters and free of white space and control characters.</summary>
    public static bool IsId(string text, int maxLength) =>
        text.Length > 0 && text.Length <= maxLength && !text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    private static bool IsLine(string text) =>
        text.Length > 0 && text.Length <= MaxIdLength && !text.Any(c => char.IsControl(c) || c == '\u2028' || c == '\u2029');

    public string? OptionalString(string name)
    {
        var token = Field(name);
        if (token == null || token.Type == JTokenType.Null)
        {
            return null;
        }

        return token.Type == JTokenType.String ? (string?)token : throw Malformed($"field '{name}' is not a string");
    }

    public bool RequiredBool(string name)
    {
        var token = Field(name);
        return token != null && token.Type == JTokenType.Boolean ? (bool)token : throw Malformed($"missing boolean field '{name}'");
    }

    /// <summary>JavaScript truthiness of an optional field (the CLI reads <c>disabled</c> that way).</summary>
    public bool Truthy(string name)
    {
        var token = Field(name);
        return token switch
        {
            null => false,
            _ when token.Type == JTokenType.Null || token.Type == JTokenType.Undefined => false,
            _ when token.Type == JTokenType.Boolean => (bool)token,
            _ when token.Type == JTokenType.String => ((string?)token)!.Length > 0,
            _ when token.Type == JTokenType.Integer || token.Type == JTokenType.Float => (decimal)token != 0m,
            _ => true,
        };
    }

    public long RequiredInt64(string name)
    {
        var token = Field(name);
        try
        {
            if (token != null && token.Type == JTokenType.Integer)
            {
                return (long)token;
            }

            if (token != null && token.Type == JTokenType.Float && decimal.Truncate((decimal)token) == (decimal)token)
            {
                return (long)(decimal)token;
            }
        }
        catch (OverflowException)
        {
            throw Malformed($"field '{name}' is not an integer between {long.MinValue} and {long.MaxValue}");
        }

        throw Malformed($"missing integer field '{name}'");
    }

    public JArray RequiredArray(string name) => Field(name) as JArray ?? throw Malformed($"missing array field '{name}'");

    public JObject RequiredObject(string name) => Field(name) as JObject ?? throw Malformed($"missing object field '{name}'");

    public MalformedResponseException Malformed(string problem) =>
        new MalformedResponseException(_service, _result.Method, _result.RequestUri, _result.Status, problem);

    private JToken? Field(string name) => Object.TryGetValue(name, StringComparison.Ordinal, out var token) ? token : null;
}
