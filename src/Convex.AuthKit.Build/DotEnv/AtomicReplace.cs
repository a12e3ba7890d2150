namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// Replaces a file's content all at once: the bytes go to a temp file in the same directory, which then takes the
/// target's place. Readers see the old or the new file, never a partial one. The temp file is removed on failure.
/// </summary>
internal static class AtomicReplace
{
    public static void Write(string target, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(target) ?? throw new ArgumentException("The path has no directory.", nameof(target));
        var temp = Path.Combine(directory, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
        var targetExists = File.Exists(target);
        try
        {
            WriteOwnerOnly(temp, bytes);
            if (targetExists) CopyPermissions(target, temp);
            MoveOver(temp, target, targetExists);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Creates the temp file owner-only on Unix so that secrets are never readable by others, even briefly.</summary>
    private static void WriteOwnerOnly(string temp, byte[] bytes)
    {
#if NET
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(temp, options);
#else
        using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
#endif
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush(flushToDisk: true);
    }

    private static void CopyPermissions(string from, string to)
    {
#if NET
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(to, File.GetUnixFileMode(from));
#endif
    }

    private static void MoveOver(string temp, string target, bool targetExists)
    {
#if NET
        File.Move(temp, target, overwrite: true);
#else
        if (targetExists) File.Replace(temp, target, destinationBackupFileName: null);
        else File.Move(temp, target);
#endif
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
