namespace Convex.AuthKit.Build.FileSystem;

/// <summary>
/// Replaces a file's content all at once: the bytes go to a temp file in the same directory, which then takes the
/// target's place. Readers see the old or the new file, never a partial one. The temp file is removed on failure.
/// </summary>
internal sealed class AtomicReplace
{
    private static readonly AsyncLocal<AtomicReplace?> Replaced = new AsyncLocal<AtomicReplace?>();
    private static readonly AtomicReplace Default = new AtomicReplace(PhysicalFileOperations.Instance, ReplaceMethods.ForThisRuntime());

    private readonly IFileOperations _files;
    private readonly ReplaceMethod _method;

    public AtomicReplace(IFileOperations files, ReplaceMethod method)
    {
        _files = files;
        _method = method;
    }

    /// <summary>The real file system, unless a test put another one in place for its own async flow.</summary>
    public static AtomicReplace Current => Replaced.Value ?? Default;

    /// <summary>For tests: <paramref name="replace"/> serves every write of the calling async flow until disposed.</summary>
    public static IDisposable Use(AtomicReplace replace)
    {
        var previous = Replaced.Value;
        Replaced.Value = replace;
        return new Restore(() => Replaced.Value = previous);
    }

    public void Write(string target, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(target) ?? throw new ArgumentException("The path has no directory.", nameof(target));
        var temp = Path.Combine(directory, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
        var targetExists = _files.Exists(target);
        try
        {
            _files.WriteNew(temp, bytes);
            if (targetExists) _files.CopyMode(target, temp);
            MoveOver(temp, target, targetExists);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private void MoveOver(string temp, string target, bool targetExists)
    {
        if (_method == ReplaceMethod.MoveOverwrite) _files.MoveOverwrite(temp, target);
        else if (targetExists) _files.Replace(temp, target, backup: null);
        else _files.Move(temp, target);
    }

    private void TryDelete(string path)
    {
        try
        {
            _files.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class Restore : IDisposable
    {
        private readonly Action _restore;

        public Restore(Action restore) => _restore = restore;

        public void Dispose() => _restore();
    }
}
