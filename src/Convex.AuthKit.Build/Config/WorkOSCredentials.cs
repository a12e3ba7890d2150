namespace Convex.AuthKit.Build.Config;

/// <summary>
/// A WorkOS environment's credentials: what <c>${authEnv.*}</c> resolves to, what a dev deployment holds as its
/// WORKOS_* variables, and what provisioning returns. Any of them may be missing. The API key is secret.
/// </summary>
internal sealed record WorkOSCredentials(string? ClientId, string? ApiKey, string? EnvironmentId)
{
    public const string ClientIdName = "WORKOS_CLIENT_ID";
    public const string ApiKeyName = "WORKOS_API_KEY";
    public const string EnvironmentIdName = "WORKOS_ENVIRONMENT_ID";

    /// <summary>Enough to configure WorkOS and the app; the environment ID is optional (docs/protocol.md#reference-flow).</summary>
    public bool Complete => ClientId != null && ApiKey != null;

    // The API key must never reach a log through ToString().
    public override string ToString() =>
        $"client ID {ClientId ?? "(none)"}, environment ID {EnvironmentId ?? "(none)"}, API key {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}";
}
