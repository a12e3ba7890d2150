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
    bool LocalEnvVarsDisabled = false);

/// <summary>The <c>configure</c> object: what WorkOS is told about the app.</summary>
internal sealed record ConfigureSection(
    IReadOnlyList<string>? RedirectUris = null,
    string? AppHomepageUrl = null,
    IReadOnlyList<string>? CorsOrigins = null);
