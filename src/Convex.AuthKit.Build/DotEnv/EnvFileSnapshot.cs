namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// The env file's text as read at one moment (null: the file does not exist), and the build environment as that text
/// makes it. What the env-file step is planned from, so that the plan itself reads no file.
/// </summary>
internal sealed record EnvFileSnapshot(DotEnvDocument? Document, BuildEnvironment Environment)
{
    /// <exception cref="InvalidDataException">The file is not UTF-8.</exception>
    public static EnvFileSnapshot Read(BuildEnvironment environment) => Of(DotEnvFile.Read(environment.EnvFile.Path), environment);

    /// <summary>The environment as <paramref name="document"/> makes it (docs/architecture.md#concurrent-edits: a newer text is planned again).</summary>
    public static EnvFileSnapshot Of(DotEnvDocument? document, BuildEnvironment environment) =>
        new(document, environment.WithEnvFileText(document?.Text));
}
