namespace Convex.AuthKit.Build.FileSystem;

/// <summary>
/// A local file that is not what the package can read or write: not a regular file (a named pipe a secret manager
/// serves, a device such as <c>/dev/zero</c>, a socket, a folder), or larger than the cap for its kind.
/// </summary>
internal sealed class UnusableFileException : IOException
{
    public UnusableFileException(string path, string what)
        : base($"{path} is {what}")
    {
        FilePath = path;
        What = what;
    }

    public string FilePath { get; }

    /// <summary>What the file is, in words: "a named pipe, not a regular file", "larger than 16 MiB".</summary>
    public string What { get; }
}

/// <summary>
/// Every read of a local file goes through here (docs/architecture.md#safety-rules): what the path names is checked
/// before it is opened, so a named pipe never blocks the build, and the read stops at a size cap, so a link to
/// <c>/dev/zero</c> or a huge file never exhausts memory. A file that is not a regular file is never written,
/// replaced or removed either (<see cref="AtomicReplace"/> asks <see cref="WhyNotRegular"/>).
/// </summary>
internal static class LocalFile
{
    /// <summary>The cap for env files, JSON files and the package's own state files.</summary>
    public const int TextFileLimit = 16 * 1024 * 1024;

    /// <summary>The file's bytes, or null when nothing is there.</summary>
    /// <exception cref="UnusableFileException">It is not a regular file, or holds more than <paramref name="maxBytes"/>.</exception>
    public static byte[]? ReadBounded(string path, int maxBytes)
    {
        if (!IsRegularOrMissing(path, out var what)) throw new UnusableFileException(path, what);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxBytes) throw new UnusableFileException(path, "larger than " + Size(maxBytes));
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Whether the path names a regular file (links followed); false for anything else or nothing.</summary>
    public static bool IsRegular(string path) => IsRegularOrMissing(path, out _) && File.Exists(path);

    /// <summary>What the path is when it is neither a regular file nor missing ("a named pipe, not a regular file"), else null.</summary>
    public static string? WhyNotRegular(string path) => IsRegularOrMissing(path, out var what) ? null : what;

    /// <summary>"16 MiB", "256 KiB".</summary>
    public static string Size(int bytes) => bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";

    private static bool IsRegularOrMissing(string path, out string what)
    {
        what = "";
        if (!Libc.IsUnix)
        {
            if (!Directory.Exists(path)) return true;
            what = "a folder, not a file";
            return false;
        }
        UnixFileStatus? status;
        try
        {
            status = Libc.Stat(path);
        }
        catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
        {
            // A libc without statx (glibc before 2.28): the size cap still holds; only the kind goes unchecked.
            return !Directory.Exists(path) || Fail(out what, "a folder, not a file");
        }
        if (status == null || status.Kind == UnixFileKind.RegularFile) return true;
        what = status.Kind switch
        {
            UnixFileKind.NamedPipe => "a named pipe, not a regular file",
            UnixFileKind.Device => "a device, not a regular file",
            UnixFileKind.Socket => "a socket, not a regular file",
            UnixFileKind.Directory => "a folder, not a file",
            _ => "not a regular file",
        };
        return false;
    }

    private static bool Fail(out string what, string reason)
    {
        what = reason;
        return false;
    }
}
