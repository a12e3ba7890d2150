namespace Convex.AuthKit.Build.Plan;

/// <summary>One entry the env-file step adds to (or fills in) the env file.</summary>
/// <param name="Value">Null for the cookie password, generated when the file is written.</param>
/// <param name="IsSecret">docs/architecture.md#settings: from ${authEnv.WORKOS_API_KEY}, the cookie password, or a secret-looking name.</param>
/// <param name="ReplacesPlaceholderFrom">
/// docs/architecture.md#placeholders: the example file whose placeholder the entry replaces on its own line; null for a missing entry.
/// </param>
internal sealed record EnvFileChange(string Name, string? Value, string? CommentOnPreviousLine, bool IsSecret, string? ReplacesPlaceholderFrom = null)
{
    /// <summary>The line as it may be shown in a log: secret values are masked.</summary>
    public string Display => Name + "=" + (IsSecret ? "***" : Value);

    public override string ToString() => Display;
}
