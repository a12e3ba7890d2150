namespace Convex.AuthKit.Build.DotEnv;

/// <summary>The text to write after <c>NAME=</c>, or why there is none.</summary>
public sealed class DotEnvFormatResult
{
    private DotEnvFormatResult(string? formatted, string? warning, string? error)
    {
        Formatted = formatted;
        Warning = warning;
        Error = error;
    }

    /// <summary>The text dotenv reads back as the value; null when <see cref="Error"/> is set.</summary>
    public string? Formatted { get; }

    public string? Warning { get; }

    /// <summary><see cref="DotEnvValueException.CannotBeRepresented"/> when no dotenv form holds the value.</summary>
    public string? Error { get; }

    internal static DotEnvFormatResult Success(string formatted, string? warning) => new DotEnvFormatResult(formatted, warning, null);

    internal static DotEnvFormatResult Failure(string error) => new DotEnvFormatResult(null, null, error);
}
