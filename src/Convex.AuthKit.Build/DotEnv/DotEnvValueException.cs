namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// A value that no dotenv form reads back exactly (for example one holding a single quote, a double quote and a
/// line break or carriage return). The message never contains the value, which may be a secret.
/// </summary>
internal sealed class DotEnvValueException : Exception
{
    public const string CannotBeRepresented = "value cannot be represented";

    public DotEnvValueException()
        : base(CannotBeRepresented)
    {
    }
}
