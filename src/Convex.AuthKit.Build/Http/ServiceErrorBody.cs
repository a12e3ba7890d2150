using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Http;

/// <summary>Reads an error answer (<c>{"code","message"}</c>, or OAuth-style <c>{"error","error_description"}</c>) into a <see cref="ServiceException"/>.</summary>
internal static class ServiceErrorBody
{
    private const string Redacted = "***";

    /// <summary>
    /// Builds the exception for a non-success <paramref name="result"/>. Any of <paramref name="secrets"/> found in the
    /// service's code or message is replaced by <c>***</c>.
    /// </summary>
    public static ServiceException ToException(ServiceKind service, HttpResult result, IEnumerable<string?> secrets)
    {
        var json = JsonBody.TryParse(result.Body) as JObject;
        var code = StringField(json, "code") ?? StringField(json, "error");
        var message = StringField(json, "message") ?? StringField(json, "error_description");
        return new ServiceException(
            service,
            result.Method,
            result.RequestUri,
            result.Status,
            result.ReasonPhrase,
            Redact(code, secrets),
            Redact(message, secrets));
    }

    /// <summary>Replaces every occurrence of a non-empty secret in <paramref name="text"/>.</summary>
    public static string? Redact(string? text, IEnumerable<string?> secrets)
    {
        if (text == null)
        {
            return null;
        }

        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Redacted);
            }
        }

        return text;
    }

    private static string? StringField(JObject? json, string name) =>
        json != null && json.TryGetValue(name, StringComparison.Ordinal, out var token) && token.Type == JTokenType.String
            ? (string?)token
            : null;
}
