using System.Runtime.ExceptionServices;

namespace Convex.AuthKit.Build.FileSystem;

/// <summary>
/// Replaces a file's content all at once (docs/architecture.md#safety-rules): the bytes go to a temp file in the same
/// directory, which then takes the target's place. Readers see the old or the new file, never a partial one.
/// <list type="bullet">
/// <item>A target that is not a regular file (a named pipe, a device) or is read-only by its own mode is never
/// replaced: <see cref="UnusableFileException"/>, the target untouched.</item>
/// <item>A target held by another process (Vite, an editor, an antivirus scan) is tried <see cref="Attempts"/> times,
/// with <see cref="Waits"/> between the attempts; then the write fails with the target as it was.</item>
/// <item>A file is never deleted while it is the only copy: after a failed attempt that left the target missing, the
/// backup (the old content) or the temp file (the new content) is put back in its place first, and when even that
/// fails, both are kept and named in the error.</item>
/// </list>
/// </summary>
internal sealed class AtomicReplace
{
    public const int Attempts = 5;

    /// <summary>The waits between the attempts: 1.5 s in all.</summary>
    public static readonly IReadOnlyList<TimeSpan> Waits = new[] { 100, 200, 400, 800 }.Select(ms => TimeSpan.FromMilliseconds(ms)).ToArray();

    // Windows errors that mean "another process has the file", which goes away: sharing and lock violations,
    // ERROR_UNABLE_TO_REMOVE_REPLACED, ERROR_UNABLE_TO_MOVE_REPLACEMENT and ERROR_UNABLE_TO_MOVE_REPLACEMENT_2.
    private static readonly int[] HeldByAnotherProcess =
    {
        unchecked((int)0x80070020), unchecked((int)0x80070021), unchecked((int)0x8007049F), unchecked((int)0x800704A0), unchecked((int)0x800704A1),
    };

    private static readonly AsyncLocal<AtomicReplace?> Replaced = new AsyncLocal<AtomicReplace?>();
    private static readonly AtomicReplace Default = new AtomicReplace(PhysicalFileOperations.Instance, ReplaceMethods.ForThisRuntime(), Sleep);

    private readonly IFileOperations _files;
    private readonly ReplaceMethod _method;
    private readonly Action<TimeSpan, CancellationToken> _wait;

    /// <param name="wait">Waits between two attempts; throws <see cref="OperationCanceledException"/> when cancelled.</param>
    public AtomicReplace(IFileOperations files, ReplaceMethod method, Action<TimeSpan, CancellationToken> wait)
    {
        _files = files;
        _method = method;
        _wait = wait;
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

    /// <exception cref="IOException">The file could not be replaced; it is as it was (or, when even that could not be
    /// ensured, the message names the files that hold its content).</exception>
    /// <exception cref="OperationCanceledException">Cancelled while waiting for another process; the file is as it was.</exception>
    /// <exception cref="UnusableFileException">The target is not a regular file, or is read-only; it was not touched.</exception>
    public void Write(string target, byte[] bytes, CancellationToken cancellationToken = default)
    {
        var refusal = _files.WhyNotReplaceable(target);
        if (refusal != null) throw new UnusableFileException(target, refusal + ", so it was left as it was");
        var temp = TempFiles.NewPathBeside(target);
        var backup = TempFiles.NewPathBeside(target);
        var targetExisted = _files.Exists(target);
        try
        {
            _files.WriteNew(temp, bytes);
            if (targetExisted) _files.CopyMode(target, temp);
        }
        catch
        {
            TryDelete(temp); // the target was not touched
            throw;
        }

        for (var attempt = 1; ; attempt++)
        {
            Exception failure;
            try
            {
                MoveOver(temp, target, backup);
                TryDelete(backup);
                return;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                failure = e;
            }
            if (targetExisted && PutBack(target, temp, backup, failure)) return;
            if (!IsHeldByAnotherProcess(failure) || attempt == Attempts)
            {
                DeleteCopies(target, temp, backup, targetExisted);
                if (!IsHeldByAnotherProcess(failure)) ExceptionDispatchInfo.Capture(failure).Throw();
                throw new IOException(
                    $"{target} is in use by another process (tried {Attempts} times over {Waits.Sum(w => w.TotalSeconds):0.#} s: {failure.Message}); it was left as it was. Close the program that holds it (an editor, a dev server, an antivirus scan) and build again.",
                    failure);
            }
            try
            {
                _wait(Waits[attempt - 1], cancellationToken);
            }
            catch (OperationCanceledException)
            {
                DeleteCopies(target, temp, backup, targetExisted);
                throw;
            }
        }
    }

    /// <summary>
    /// .NET renames over the target in one step. .NET Framework cannot, so it uses File.Replace with a backup path:
    /// without one, Windows' ReplaceFile failing with ERROR_UNABLE_TO_MOVE_REPLACEMENT leaves no target at all.
    /// </summary>
    private void MoveOver(string temp, string target, string backup)
    {
        if (_method == ReplaceMethod.MoveOverwrite) _files.MoveOverwrite(temp, target);
        else if (_files.Exists(target)) _files.Replace(temp, target, backup);
        else _files.Move(temp, target);
    }

    /// <summary>
    /// After a failed attempt on a file that existed: when the target is missing, the backup (the old content) goes
    /// back in its place, else the temp file (the new content, every old line included). Returns whether the temp
    /// file took the target's place, which ends the write.
    /// </summary>
    private bool PutBack(string target, string temp, string backup, Exception failure)
    {
        if (_files.Exists(target)) return false;
        var from = _files.Exists(backup) ? backup : _files.Exists(temp) ? temp : null;
        if (from == null) ExceptionDispatchInfo.Capture(failure).Throw();
        try
        {
            _files.Move(from!, target);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            var kept = string.Join(" and ", new[] { backup, temp }.Where(_files.Exists).Select(path => Path.GetFileName(path)));
            throw new IOException(
                $"{target} could not be replaced ({failure.Message}) nor put back ({e.Message}). Its content is kept in {kept} beside it: rename {Path.GetFileName(from)} to {Path.GetFileName(target)}.",
                failure);
        }
        return from == temp;
    }

    /// <summary>The temp and backup files go only when they are not the only copy: the target is there, or never was.</summary>
    private void DeleteCopies(string target, string temp, string backup, bool targetExisted)
    {
        if (targetExisted && !_files.Exists(target)) return;
        TryDelete(temp);
        TryDelete(backup);
    }

    private static bool IsHeldByAnotherProcess(Exception failure) =>
        failure is UnauthorizedAccessException || HeldByAnotherProcess.Contains(failure.HResult);

    private static void Sleep(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.WaitHandle.WaitOne(delay);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void TryDelete(string path)
    {
        try
        {
            if (_files.Exists(path)) _files.Delete(path);
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
