namespace Convex.AuthKit.Build.ConvexApi
{
    /// <summary>One entry of an <c>update_environment_variables</c> call; a null <see cref="Value"/> deletes the variable.</summary>
    public sealed class EnvironmentVariableChange
    {
        public EnvironmentVariableChange(string name, string? value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }

        /// <summary>May be a secret (e.g. WORKOS_API_KEY).</summary>
        public string? Value { get; }

        public override string ToString() => Value == null ? $"delete {Name}" : $"set {Name}";
    }
}
