namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// The lock folder or lock file cannot be used, for a reason other than another build holding the lock
/// (docs/architecture.md#parallel-builds): reported at once as CAK1020, never waited on. The message names the path
/// and says what to do.
/// </summary>
internal sealed class AppLockException : Exception
{
    public AppLockException(string path, string problem, string fix, Exception? innerException = null)
        : base($"Convex.AuthKit cannot use {path}: {problem}. {fix}", innerException)
    {
        Path = path;
    }

    public string Path { get; }
}
