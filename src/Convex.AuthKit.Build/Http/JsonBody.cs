using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Http;

/// <summary>Newtonsoft.Json for wire bodies: strings stay strings (no date guessing), output is compact.</summary>
internal static class JsonBody
{
    /// <summary>Parses <paramref name="text"/>; null when it is empty or not JSON.</summary>
    public static JToken? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            var token = JToken.ReadFrom(reader);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    return null;
                }
            }

            return token;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Compact JSON. The converters are passed so the call binds to the overload every Newtonsoft.Json 13.0.x has (see the .csproj).</summary>
    public static string Serialize(JToken value) => value.ToString(Formatting.None, Array.Empty<JsonConverter>());
}
