using Convex.AuthKit.Build.Config;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Tests.Conformance;

/// <summary>The parsed <c>authKit</c> section as the CLI holds it after parsing (absent sections and keys left out), to compare with the vectors.</summary>
internal static class AuthKitConfigJson
{
    public static JObject ToJson(this AuthKitConfig config)
    {
        var json = new JObject();
        if (config.Dev != null) json["dev"] = config.Dev.ToJson();
        if (config.Preview != null) json["preview"] = config.Preview.ToJson();
        if (config.Prod != null) json["prod"] = config.Prod.ToJson();
        return json;
    }

    private static JObject ToJson(this AuthKitEnvironmentConfig section)
    {
        var json = new JObject();
        if (section.EnvironmentType != null) json["environmentType"] = section.EnvironmentType;
        if (section.Configure != null) json["configure"] = section.Configure.ToJson();
        else if (section.ConfigureDisabled) json["configure"] = false;
        if (section.LocalEnvVars != null)
        {
            var vars = new JObject();
            foreach (var pair in section.LocalEnvVars) vars[pair.Key] = pair.Value;
            json["localEnvVars"] = vars;
        }
        else if (section.LocalEnvVarsDisabled) json["localEnvVars"] = false;
        return json;
    }

    private static JObject ToJson(this ConfigureSection configure)
    {
        var json = new JObject();
        if (configure.RedirectUris != null) json["redirectUris"] = new JArray(configure.RedirectUris.Cast<object>().ToArray());
        if (configure.AppHomepageUrl != null) json["appHomepageUrl"] = configure.AppHomepageUrl;
        if (configure.CorsOrigins != null) json["corsOrigins"] = new JArray(configure.CorsOrigins.Cast<object>().ToArray());
        return json;
    }
}
