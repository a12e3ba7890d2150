using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Validates <c>convex.json</c>'s <c>authKit</c> section as the CLI 1.48 zod schema does (docs/protocol.md#project-configuration), with the
/// conformance corrections: the section refinements name the section, and a bad value inside a <c>configure</c> or
/// <c>localEnvVars</c> object is reported at its own path instead of a generic "Invalid input".
/// </summary>
internal static class AuthKitSchema
{
    public const string EnvironmentTypeOnlyInProd = "authKit.environmentType is only allowed in the prod section";
    public const string LocalEnvVarsOnlyInDev =
        "authKit.localEnvVars is only supported for dev deployments. Preview and prod deployments must configure environment variables directly in the deployment platform.";

    private const string InvalidInput = "Invalid input";

    public static AuthKitConfig? Read(JToken value, SchemaIssues issues)
    {
        const string path = "authKit";
        var obj = issues.Object(value, path);
        if (obj == null) return null;

        var before = issues.ErrorCount;
        var dev = Section(obj, "dev", issues);
        var preview = Section(obj, "preview", issues);
        var prod = Section(obj, "prod", issues);
        // zod runs an object's refinements only when its contents parsed.
        if (issues.ErrorCount != before) return null;

        if (dev?.EnvironmentType != null) issues.Error("authKit.dev.environmentType", EnvironmentTypeOnlyInProd);
        else if (preview?.EnvironmentType != null) issues.Error("authKit.preview.environmentType", EnvironmentTypeOnlyInProd);

        if (preview?.LocalEnvVars != null) issues.Error("authKit.preview.localEnvVars", LocalEnvVarsOnlyInDev);
        else if (prod?.LocalEnvVars != null) issues.Error("authKit.prod.localEnvVars", LocalEnvVarsOnlyInDev);

        return new AuthKitConfig(dev, preview, prod);
    }

    private static AuthKitEnvironmentConfig? Section(JObject authKit, string name, SchemaIssues issues)
    {
        var value = authKit[name];
        if (value == null) return null;
        var path = "authKit." + name;
        var obj = issues.Object(value, path);
        if (obj == null) return null;

        var environmentType = issues.Enum(obj["environmentType"], path + ".environmentType", "development", "staging", "production");
        var (configure, configureDisabled) = Configure(obj["configure"], path + ".configure", issues);
        var (localEnvVars, localEnvVarsDisabled) = LocalEnvVars(obj["localEnvVars"], path + ".localEnvVars", issues);
        return new AuthKitEnvironmentConfig(environmentType, configure, configureDisabled, localEnvVars, localEnvVarsDisabled);
    }

    private static (ConfigureSection?, bool disabled) Configure(JToken? value, string path, SchemaIssues issues)
    {
        if (value == null) return (null, false);
        if (IsFalse(value)) return (null, true);
        if (value is not JObject obj)
        {
            issues.Error(path, InvalidInput);
            return (null, false);
        }
        var redirectUris = issues.StringArray(obj["redirectUris"], path + ".redirectUris");
        var appHomepageUrl = issues.String(obj["appHomepageUrl"], path + ".appHomepageUrl");
        var corsOrigins = issues.StringArray(obj["corsOrigins"], path + ".corsOrigins");
        return (new ConfigureSection(redirectUris, appHomepageUrl, corsOrigins), false);
    }

    private static (IReadOnlyList<KeyValuePair<string, string>>?, bool disabled) LocalEnvVars(JToken? value, string path, SchemaIssues issues)
    {
        if (value == null) return (null, false);
        if (IsFalse(value)) return (null, true);
        if (value is not JObject obj)
        {
            issues.Error(path, InvalidInput);
            return (null, false);
        }
        var vars = new List<KeyValuePair<string, string>>();
        foreach (var property in obj.Properties())
        {
            var template = issues.String(property.Value, SchemaIssues.Child(path, property.Name));
            if (template != null) vars.Add(new KeyValuePair<string, string>(property.Name, template));
        }
        return (vars, false);
    }

    private static bool IsFalse(JToken value) => value.Type == JTokenType.Boolean && !(bool)value;
}
