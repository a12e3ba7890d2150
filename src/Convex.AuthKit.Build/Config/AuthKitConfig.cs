using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Config;

/// <summary>The validated <c>authKit</c> section of <c>convex.json</c> (docs/protocol.md#project-configuration). Unknown keys are dropped.</summary>
public sealed class AuthKitConfig
{
    public AuthKitConfig(AuthKitEnvironmentConfig? dev, AuthKitEnvironmentConfig? preview, AuthKitEnvironmentConfig? prod)
    {
        Dev = dev;
        Preview = preview;
        Prod = prod;
    }

    public AuthKitEnvironmentConfig? Dev { get; }
    public AuthKitEnvironmentConfig? Preview { get; }
    public AuthKitEnvironmentConfig? Prod { get; }

    /// <summary>The section as the CLI holds it after parsing (absent sections and keys left out).</summary>
    public JObject ToJson()
    {
        var json = new JObject();
        if (Dev != null) json["dev"] = Dev.ToJson();
        if (Preview != null) json["preview"] = Preview.ToJson();
        if (Prod != null) json["prod"] = Prod.ToJson();
        return json;
    }
}

/// <summary>One of <c>authKit.dev</c> / <c>preview</c> / <c>prod</c>.</summary>
public sealed class AuthKitEnvironmentConfig
{
    public AuthKitEnvironmentConfig(
        string? environmentType = null,
        ConfigureSection? configure = null,
        bool configureDisabled = false,
        IReadOnlyList<KeyValuePair<string, string>>? localEnvVars = null,
        bool localEnvVarsDisabled = false)
    {
        EnvironmentType = environmentType;
        Configure = configure;
        ConfigureDisabled = configureDisabled;
        LocalEnvVars = localEnvVars;
        LocalEnvVarsDisabled = localEnvVarsDisabled;
    }

    /// <summary><c>development</c>, <c>staging</c> or <c>production</c>; only ever set in <c>prod</c>.</summary>
    public string? EnvironmentType { get; }

    /// <summary>The WorkOS settings to apply; null when absent or <c>false</c>.</summary>
    public ConfigureSection? Configure { get; }

    /// <summary><c>"configure": false</c> was written.</summary>
    public bool ConfigureDisabled { get; }

    /// <summary>Env-file entries, name → template, in JSON key order; null when absent or <c>false</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? LocalEnvVars { get; }

    /// <summary><c>"localEnvVars": false</c> was written.</summary>
    public bool LocalEnvVarsDisabled { get; }

    public JObject ToJson()
    {
        var json = new JObject();
        if (EnvironmentType != null) json["environmentType"] = EnvironmentType;
        if (Configure != null) json["configure"] = Configure.ToJson();
        else if (ConfigureDisabled) json["configure"] = false;
        if (LocalEnvVars != null)
        {
            var vars = new JObject();
            foreach (var pair in LocalEnvVars) vars[pair.Key] = pair.Value;
            json["localEnvVars"] = vars;
        }
        else if (LocalEnvVarsDisabled) json["localEnvVars"] = false;
        return json;
    }
}

/// <summary>The <c>configure</c> object: what WorkOS is told about the app.</summary>
public sealed class ConfigureSection
{
    public ConfigureSection(IReadOnlyList<string>? redirectUris = null, string? appHomepageUrl = null, IReadOnlyList<string>? corsOrigins = null)
    {
        RedirectUris = redirectUris;
        AppHomepageUrl = appHomepageUrl;
        CorsOrigins = corsOrigins;
    }

    public IReadOnlyList<string>? RedirectUris { get; }
    public string? AppHomepageUrl { get; }
    public IReadOnlyList<string>? CorsOrigins { get; }

    public JObject ToJson()
    {
        var json = new JObject();
        if (RedirectUris != null) json["redirectUris"] = new JArray(ToArray(RedirectUris));
        if (AppHomepageUrl != null) json["appHomepageUrl"] = AppHomepageUrl;
        if (CorsOrigins != null) json["corsOrigins"] = new JArray(ToArray(CorsOrigins));
        return json;
    }

    private static object[] ToArray(IReadOnlyList<string> values)
    {
        var array = new object[values.Count];
        for (var i = 0; i < values.Count; i++) array[i] = values[i];
        return array;
    }
}
