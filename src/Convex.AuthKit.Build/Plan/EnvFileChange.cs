namespace Convex.AuthKit.Build.Plan;

/// <summary>One entry the env-file step adds to (or fills in) the env file.</summary>
/// <param name="Value">Null for the cookie password, generated when the file is written.</param>
/// <param name="IsSecret">docs/architecture.md#settings: from ${authEnv.WORKOS_API_KEY}, the cookie password, or a secret-looking name.</param>
/// <param name="ReplacesPlaceholderFrom">
/// docs/architecture.md#placeholders: the example file whose placeholder the entry replaces on its own line; null for a missing entry.
/// </param>
/// <param name="Was">The value a line the build wrote holds, which this change updates (docs/architecture.md#lines-the-build-wrote); null for a new entry.</param>
internal sealed record EnvFileChange(string Name, string? Value, string? CommentOnPreviousLine, bool IsSecret, string? ReplacesPlaceholderFrom = null, string? Was = null)
{
    /// <summary>The line as it may be shown in a log: secret values are masked.</summary>
    public string Display => Name + "=" + (IsSecret ? "***" : Value);

    /// <summary>An update as it may be shown in a log, e.g. <c>X (was a, now b)</c>; secret values are never shown.</summary>
    public string DescribeUpdate => IsSecret ? Name : $"{Name} (was {Was}, now {Value})";

    public override string ToString() => Display;
}
