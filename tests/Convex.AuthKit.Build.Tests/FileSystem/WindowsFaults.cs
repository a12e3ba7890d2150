using Convex.AuthKit.Build.FileSystem;

namespace Convex.AuthKit.Build.Tests.FileSystem;

/// <summary>The ways Windows fails to put a file in another's place, with what each leaves on disk.</summary>
public enum WindowsFault
{
    /// <summary>ERROR_SHARING_VIOLATION: another process holds the file (Vite, an editor, an antivirus scan); nothing moved.</summary>
    SharingViolation,

    /// <summary>ERROR_ACCESS_DENIED: a pending delete, an antivirus scan, a read-only file; nothing moved.</summary>
    AccessDenied,

    /// <summary>ERROR_DISK_FULL; nothing moved.</summary>
    DiskFull,

    /// <summary>ERROR_UNABLE_TO_MOVE_REPLACEMENT (1176) with the target gone; the temp file keeps its name.</summary>
    UnableToMoveReplacement,

    /// <summary>ERROR_UNABLE_TO_MOVE_REPLACEMENT_2 (1177): the target renamed to the backup name (or gone without one).</summary>
    UnableToMoveReplacementTargetRenamed,
}

/// <summary>
/// Real files, except that putting the temp file in the target's place (File.Replace, or the rename over it) fails
/// as Windows does, for the targets <see cref="Applies"/> selects, on the first <see cref="FailingAttempts"/> tries.
/// Optionally the temp write runs out of disk half-way, or the move that puts a file back fails too.
/// </summary>
internal sealed class FaultyFileOperations : IFileOperations
{
    public const int SharingViolationHResult = unchecked((int)0x80070020);
    public const int DiskFullHResult = unchecked((int)0x80070070);
    public const int UnableToMoveReplacementHResult = unchecked((int)0x800704A0);
    public const int UnableToMoveReplacement2HResult = unchecked((int)0x800704A1);

    private readonly PhysicalFileOperations _real = PhysicalFileOperations.Instance;
    private readonly WindowsFault? _fault;

    public FaultyFileOperations(WindowsFault? fault) => _fault = fault;

    public int FailingAttempts { get; init; } = int.MaxValue;
    public Func<string, bool> Applies { get; init; } = _ => true;
    public bool DiskFullWhileWritingTheTemp { get; init; }
    public bool MovesFail { get; init; }

    /// <summary>The attempts to put a temp file in a selected target's place.</summary>
    public int Attempts { get; private set; }

    public bool Exists(string path) => _real.Exists(path);

    /// <summary>Plays a target whose own mode is read-only (root ignores permissions, so a real 0444 file cannot stop it).</summary>
    public bool TargetsReadOnly { get; init; }

    public string? WhyNotReplaceable(string path) => TargetsReadOnly && Applies(path) && _real.Exists(path) ? "read-only (played)" : _real.WhyNotReplaceable(path);

    public void WriteNew(string path, byte[] bytes)
    {
        if (!DiskFullWhileWritingTheTemp) { _real.WriteNew(path, bytes); return; }
        _real.WriteNew(path, bytes.Take(bytes.Length / 2).ToArray());
        throw new IOException("There is not enough space on the disk.", DiskFullHResult);
    }

    public void CopyMode(string from, string to) => _real.CopyMode(from, to);

    public void Replace(string source, string target, string? backup)
    {
        Fail(target, backup);
        _real.Replace(source, target, backup);
    }

    public void MoveOverwrite(string source, string target)
    {
        Fail(target, backup: null);
        _real.MoveOverwrite(source, target);
    }

    public void Move(string source, string target)
    {
        if (MovesFail) throw new IOException("The process cannot access the file because it is being used by another process.", SharingViolationHResult);
        _real.Move(source, target);
    }

    public void Delete(string path) => _real.Delete(path);

    private void Fail(string target, string? backup)
    {
        if (_fault == null || !Applies(target)) return;
        if (++Attempts > FailingAttempts) return;
        switch (_fault.Value)
        {
            case WindowsFault.SharingViolation:
                throw new IOException("The process cannot access the file because it is being used by another process.", SharingViolationHResult);
            case WindowsFault.AccessDenied:
                throw new UnauthorizedAccessException("Access to the path is denied.");
            case WindowsFault.DiskFull:
                throw new IOException("There is not enough space on the disk.", DiskFullHResult);
            case WindowsFault.UnableToMoveReplacement:
                File.Delete(target);
                throw new IOException("Unable to move the replacement file to the file to be replaced. The file to be replaced has retained its original name.", UnableToMoveReplacementHResult);
            case WindowsFault.UnableToMoveReplacementTargetRenamed:
                if (backup != null) File.Move(target, backup);
                else File.Delete(target);
                throw new IOException("Unable to move the replacement file to the file to be replaced. The file to be replaced has been renamed using the backup name.", UnableToMoveReplacement2HResult);
        }
    }
}
