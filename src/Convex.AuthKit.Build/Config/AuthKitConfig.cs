namespace Convex.AuthKit.Build.Config;

/// <summary>The validated <c>authKit</c> section of <c>convex.json</c> (docs/protocol.md#project-configuration). Unknown keys are dropped.</summary>
internal sealed record AuthKitConfig(AuthKitEnvironmentConfig? Dev, AuthKitEnvironmentConfig? Preview, AuthKitEnvironmentConfig? Prod);

/// <summary>One of <c>authKit.dev</c> / <c>preview</c> / <c>prod</c>.</summary>
/// <param name="EnvironmentType"><c>development</c>, <c>staging</c> or <c>production</c>; only ever set in <c>prod</c>.</param>
/// <param name="Configure">The WorkOS settings to apply; null when absent or <c>false</c>.</param>
/// <param name="ConfigureDisabled"><c>"configure": false</c> was written.</param>
/// <param name="LocalEnvVars">Env-file entries, name → template, in JSON key order; null when absent or <c>false</c>.</param>
/// <param name="LocalEnvVarsDisabled"><c>"localEnvVars": false</c> was written.</param>
internal sealed record AuthKitEnvironmentConfig(
    string? EnvironmentType = null,
    ConfigureSection? Configure = null,
    bool ConfigureDisabled = false,
    IReadOnlyList<KeyValuePair<string, string>>? LocalEnvVars = null,
    bool LocalEnvVarsDisabled = false)
{
    /// <summary>The configure section is present and not false.</summary>
    public bool ConfiguresWorkOS => Configure != null && !ConfigureDisabled;

    /// <summary>
    /// Every value the configure section asks WorkOS for, with its kind and where convex.json holds it, in the order they
    /// are sent and reported. The one place that reads the configure section's fields: the plan, the status and the
    /// dev-port check all go through it.
    /// </summary>
    public IEnumerable<ConfiguredSetting> ConfiguredSettings()
    {
        if (!ConfiguresWorkOS) yield break;
        var configure = Configure!;
        for (var i = 0; i < (configure.RedirectUris?.Count ?? 0); i++)
            yield return new ConfiguredSetting(WorkOSSettingKind.RedirectUri, $"configure.redirectUris[{i}]", configure.RedirectUris![i]);
        if (configure.AppHomepageUrl != null) yield return new ConfiguredSetting(WorkOSSettingKind.AppHomepageUrl, "configure.appHomepageUrl", configure.AppHomepageUrl);
        for (var i = 0; i < (configure.CorsOrigins?.Count ?? 0); i++)
            yield return new ConfiguredSetting(WorkOSSettingKind.CorsOrigin, $"configure.corsOrigins[{i}]", configure.CorsOrigins![i]);
    }
}

/// <summary>The <c>configure</c> object: what WorkOS is told about the app.</summary>
internal sealed record ConfigureSection(
    IReadOnlyList<string>? RedirectUris = null,
    string? AppHomepageUrl = null,
    IReadOnlyList<string>? CorsOrigins = null);

/// <summary>What the configure section can tell WorkOS about the app; the WorkOS client knows how to send each kind.</summary>
internal enum WorkOSSettingKind { RedirectUri, CorsOrigin, AppHomepageUrl }

/// <summary>One configured value, unresolved (docs/protocol.md#templates).</summary>
/// <param name="Location">Where authKit.dev holds it, e.g. <c>configure.redirectUris[0]</c>.</param>
internal sealed record ConfiguredSetting(WorkOSSettingKind Kind, string Location, string Template);
