namespace Convex.AuthKit.Build.Provisioning
{
    /// <summary>One entry the flow adds to (or fills in) the env file.</summary>
    public sealed class EnvFileChange
    {
        public EnvFileChange(string name, string value, string? commentOnPreviousLine, bool isSecret)
        {
            Name = name;
            Value = value;
            CommentOnPreviousLine = commentOnPreviousLine;
            IsSecret = isSecret;
        }

        public string Name { get; }
        public string Value { get; }
        public string? CommentOnPreviousLine { get; }

        /// <summary>docs/architecture.md#settings: from ${authEnv.WORKOS_API_KEY}, the cookie password, or a secret-looking name.</summary>
        public bool IsSecret { get; }

        /// <summary>The line as it may be shown in a log: secret values are masked.</summary>
        public string Display => Name + "=" + (IsSecret ? "***" : Value);

        public override string ToString() => Display;
    }
}
