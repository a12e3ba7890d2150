namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// An env file (the configured env file or <c>.env</c>) exists but cannot be read. The message names the path and
/// the reason, never any content of the file.
/// </summary>
internal sealed class BuildEnvironmentFileException : Exception
{
    public BuildEnvironmentFileException(string path, string reason, Exception? innerException)
        : base($"Could not read the env file {path}: {reason}.", innerException)
    {
    }
}
