namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// Serialises the work for one Convex app across processes (docs/architecture.md#parallel-builds): parallel builds of projects that share
/// the app, and the inner builds of a multi-targeted project, take turns; the next one in line re-reads the stamp.
/// The lock file lives in the temp folder, named by a hash of the app's full path, and is never deleted (deleting
/// a lock file while another process waits on it would let two holders in).
/// </summary>
internal sealed class AppLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly FileStream _stream;

    private AppLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    public static string PathFor(string appDirectory) => BasePathFor(appDirectory) + ".lock";

    /// <summary>The Convex app's shared stamp: the last successful run of any project of the app (see ProvisioningSession).</summary>
    public static string StampPathFor(string appDirectory) => BasePathFor(appDirectory) + ".stamp";

    private static string BasePathFor(string appDirectory)
    {
        var key = System.IO.Path.GetFullPath(appDirectory).TrimEnd('/', '\\');
        if (System.IO.Path.DirectorySeparatorChar == '\\') key = key.ToLowerInvariant();
        return System.IO.Path.Combine(System.IO.Path.GetTempPath(), "convex-authkit-" + Stamp.Hash(key).Substring(0, 24));
    }

    /// <summary>Waits until the lock is free; throws <see cref="TimeoutException"/> when the budget runs out first.</summary>
    public static async Task<AppLock> AcquireAsync(string appDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = PathFor(appDirectory);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                return new AppLock(stream, path);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new TimeoutException($"Another build held the Convex.AuthKit lock for this Convex app ({path}) for longer than {timeout.TotalSeconds:0} s.", ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
