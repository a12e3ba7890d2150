namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>One entry of an <c>update_environment_variables</c> call; a null <see cref="Value"/> deletes the variable.</summary>
/// <param name="Value">May be a secret (e.g. WORKOS_API_KEY).</param>
internal sealed record EnvironmentVariableChange(string Name, string? Value)
{
    public override string ToString() => Value == null ? $"delete {Name}" : $"set {Name}";
}
