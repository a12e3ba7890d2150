namespace Convex.AuthKit.Build.DotEnv;

/// <summary>The text to write after <c>NAME=</c>, or why there is none.</summary>
/// <param name="Formatted">The text dotenv reads back as the value; null when <paramref name="Error"/> is set.</param>
/// <param name="Error"><see cref="DotEnvValueException.CannotBeRepresented"/> when no dotenv form holds the value.</param>
internal sealed record DotEnvFormatResult(string? Formatted, string? Warning, string? Error)
{
    public static DotEnvFormatResult Success(string formatted, string? warning) => new(formatted, warning, null);

    public static DotEnvFormatResult Failure(string error) => new(null, null, error);

    // Formatted is the value itself, which may be a secret.
    public override string ToString() => Error ?? (Warning == null ? "formatted" : "formatted, with a warning");
}
