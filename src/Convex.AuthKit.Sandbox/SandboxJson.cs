using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Convex.AuthKit.Sandbox;

/// <summary>camelCase JSON settings shared by scenarios, state, log and control endpoints.</summary>
public static class SandboxJson
{
    public static JsonSerializerSettings Settings { get; } = Create(Formatting.None);
    public static JsonSerializerSettings Indented { get; } = Create(Formatting.Indented);

    private static JsonSerializerSettings Create(Formatting formatting)
    {
        var settings = new JsonSerializerSettings
        {
            ContractResolver = new DefaultContractResolver
            {
                // Env var names and other dictionary keys are data: keep them as written.
                NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false },
            },
            Formatting = formatting,
            ObjectCreationHandling = ObjectCreationHandling.Replace,
            DateParseHandling = DateParseHandling.None,
            MissingMemberHandling = MissingMemberHandling.Error,
        };
        settings.Converters.Add(new StringEnumConverter(new CamelCaseNamingStrategy()));
        return settings;
    }
}
