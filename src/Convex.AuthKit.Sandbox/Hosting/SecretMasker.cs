using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Sandbox.Hosting;

/// <summary>
/// Replaces credentials in logged bodies with <c>***</c>: every credential the state knows, anything shaped like
/// a WorkOS key or a Convex key, JSON properties with a secret-looking name, and <c>{"name":SECRET_NAME,"value":…}</c> pairs.
/// </summary>
internal static class SecretMasker
{
    public const string Mask = "***";

    private static readonly Regex KeyShapes = new Regex(
        @"sk_(?:test|live)_[A-Za-z0-9_]+|\b(?:dev|prod|preview|project):[A-Za-z0-9_.:-]+\|[A-Za-z0-9+/=_.-]+",
        RegexOptions.CultureInvariant);

    public static bool IsSecretName(string name)
    {
        var upper = name.ToUpperInvariant();
        return upper.Contains("KEY") || upper.Contains("SECRET") || upper.Contains("PASSWORD") || upper.Contains("TOKEN");
    }

    public static string MaskText(string text, IEnumerable<string> knownSecrets)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var masked = MaskJson(text);
        foreach (var secret in knownSecrets.Where(s => s.Length >= 6).OrderByDescending(s => s.Length))
            masked = masked.Replace(secret, Mask, StringComparison.Ordinal);
        return KeyShapes.Replace(masked, Mask);
    }

    private static string MaskJson(string text)
    {
        JToken token;
        try
        {
            token = JToken.Parse(text);
        }
        catch (JsonReaderException)
        {
            return text;
        }
        MaskToken(token);
        return token.ToString(Formatting.None);
    }

    private static void MaskToken(JToken token)
    {
        if (token is JArray array)
        {
            foreach (var item in array) MaskToken(item);
            return;
        }
        if (token is not JObject obj) return;
        var pairName = obj["name"] as JValue;
        if (pairName?.Type == JTokenType.String && IsSecretName((string)pairName!) && obj["value"]?.Type == JTokenType.String)
            obj["value"] = Mask;
        foreach (var property in obj.Properties().ToList())
        {
            if (property.Value.Type == JTokenType.String && IsSecretName(property.Name)) property.Value = Mask;
            else MaskToken(property.Value);
        }
    }
}
