namespace Convex.AuthKit.Build.FileSystem;

/// <summary>The real file system.</summary>
internal sealed class PhysicalFileOperations : IFileOperations
{
    public static readonly PhysicalFileOperations Instance = new PhysicalFileOperations();
    private const int OwnerWrite = 0x80;
    private const string ReadOnly = "read-only (its owner has no write permission)";

    private PhysicalFileOperations()
    {
    }

    public bool Exists(string path) => File.Exists(path);

    /// <summary>The file's own mode decides, not what the process may do: root may write anything, yet a 0444 file stays.</summary>
    public string? WhyNotReplaceable(string path)
    {
        var kind = LocalFile.WhyNotRegular(path);
        if (kind != null) return kind;
        if (!File.Exists(path)) return null;
        if (Libc.IsUnix)
        {
            var status = Libc.Stat(path);
            return status != null && (status.Permissions & OwnerWrite) == 0 ? ReadOnly : null;
        }
        return (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0 ? ReadOnly : null;
    }

    /// <summary>Owner-only from the start, so that secrets are never readable by others, even briefly.</summary>
    public void WriteNew(string path, byte[] bytes)
    {
#if NET
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
#else
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
#endif
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush(flushToDisk: true);
    }

    public void CopyMode(string from, string to)
    {
#if NET
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(to, File.GetUnixFileMode(from));
#endif
    }

    public void Replace(string source, string target, string? backup) => File.Replace(source, target, backup);

    public void Move(string source, string target) => File.Move(source, target);

    public void MoveOverwrite(string source, string target)
    {
#if NET
        File.Move(source, target, overwrite: true);
#else
        // .NET Framework has no such call; ReplaceMethod.ForThisRuntime never picks MoveOverwrite there.
        throw new PlatformNotSupportedException("Renaming over an existing file needs .NET; .NET Framework uses File.Replace.");
#endif
    }

    public void Delete(string path) => File.Delete(path);
}
