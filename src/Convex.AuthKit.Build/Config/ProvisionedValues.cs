namespace Convex.AuthKit.Build.Config;

/// <summary>The WorkOS values a template's <c>${authEnv.*}</c> expressions resolve to.</summary>
public sealed class ProvisionedValues
{
    public ProvisionedValues(string? clientId = null, string? apiKey = null, string? environmentId = null)
    {
        ClientId = clientId;
        ApiKey = apiKey;
        EnvironmentId = environmentId;
    }

    public string? ClientId { get; }

    /// <summary>Secret: never logged.</summary>
    public string? ApiKey { get; }

    public string? EnvironmentId { get; }

    // The API key must never reach a log through ToString().
    public override string ToString() =>
        $"ProvisionedValues {{ ClientId = {ClientId ?? "null"}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "none" : "set")}, EnvironmentId = {EnvironmentId ?? "null"} }}";
}
