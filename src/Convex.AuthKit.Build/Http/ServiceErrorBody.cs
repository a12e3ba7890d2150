using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Http;

/// <summary>Reads an error answer (<c>{"code","message"}</c>, or OAuth-style <c>{"error","error_description"}</c>) into a <see cref="ServiceException"/>.</summary>
internal static class ServiceErrorBody
{
    private const string Redacted = "***";

    /// <summary>A shorter part after a <c>|</c> is no key: redacting it would blank ordinary words.</summary>
    private const int MinimumPartLength = 16;

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

    /// <summary>
    /// Replaces every occurrence of a non-empty secret in <paramref name="text"/>, in every form a service may echo it
    /// (docs/architecture.md#safety-rules): whole, its key part after the last <c>|</c> (an admin key's or a deploy
    /// key's), each URL-encoded and JSON-escaped. The longest forms go first, so no part of one is left behind.
    /// </summary>
    public static string? Redact(string? text, IEnumerable<string?> secrets)
    {
        if (text == null)
        {
            return null;
        }

        foreach (var form in secrets.SelectMany(FormsOf).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length))
        {
            text = Replace(text, form);
        }

        return text;
    }

    private static IEnumerable<string> FormsOf(string? secret)
    {
        if (string.IsNullOrEmpty(secret)) yield break;
        var parts = new List<string> { secret! };
        var bar = secret!.LastIndexOf('|');
        if (bar >= 0 && secret.Length - bar - 1 >= MinimumPartLength) parts.Add(secret.Substring(bar + 1));
        foreach (var part in parts)
        {
            yield return part;
            yield return Uri.EscapeDataString(part);
            var json = Newtonsoft.Json.JsonConvert.ToString(part);
            yield return json.Substring(1, json.Length - 2);
        }
    }

    /// <summary>URL encodings differ only in the case of their hex digits, so those match either way.</summary>
    private static string Replace(string text, string form)
    {
        for (var at = text.IndexOf(form, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(form, at + Redacted.Length, StringComparison.OrdinalIgnoreCase))
        {
            text = text.Substring(0, at) + Redacted + text.Substring(at + form.Length);
        }
        return text;
    }

    private static string? StringField(JObject? json, string name) =>
        json != null && json.TryGetValue(name, StringComparison.Ordinal, out var token) && token.Type == JTokenType.String
            ? (string?)token
            : null;
}
