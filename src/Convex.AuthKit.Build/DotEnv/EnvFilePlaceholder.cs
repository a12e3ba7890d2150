namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// An env-file value copied from an example file (docs/architecture.md#placeholders): published, so never a secret,
/// and counted as absent wherever a value is read.
/// </summary>
/// <param name="ExampleFile">The example file's name, e.g. <c>.env.local.example</c>.</param>
internal sealed record EnvFilePlaceholder(string Value, string ExampleFile);
