using System.Runtime.InteropServices;
using System.Text;

namespace Convex.AuthKit.Build.FileSystem;

/// <summary>What a path is on Unix, read without opening it (so a named pipe never blocks the build).</summary>
/// <param name="Permissions">The permission bits, for example 0x1C0 (octal 0700).</param>
internal sealed record UnixFileStatus(uint Owner, int Permissions, UnixFileKind Kind);

internal enum UnixFileKind { Directory, RegularFile, SymbolicLink, NamedPipe, Device, Socket }

/// <summary>
/// The few libc functions the package calls on Linux and macOS (docs/architecture.md#safety-rules): the .NET
/// Framework has no API for a file's kind, owner or mode, and .NET 8 none for its kind or owner, so both targets call
/// libc, which also serves the net472 build under Mono. Paths go in as NUL-terminated UTF-8. On Linux a file's
/// status comes from glibc's <c>statx</c>, whose layout is the same on every CPU (unlike <c>struct stat</c>); on
/// macOS from <c>stat</c>/<c>lstat</c> with 64-bit inodes, whose layout is the same on x64 and arm64.
/// </summary>
internal static class Libc
{
    private const string Library = "libc";
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxTypeModeOwner = 0x1 | 0x2 | 0x8;
    private const int StatxSize = 256;
    private const int StatxOwnerOffset = 20;
    private const int StatxModeOffset = 28;
    private const int MacStatSize = 144;
    private const int MacModeOffset = 4;
    private const int MacOwnerOffset = 16;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;
    private const int AlreadyExists = 17;

    /// <summary>Whether this process runs on Linux or macOS, where the status functions below are available.</summary>
    public static bool IsUnix => RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    public static uint EffectiveUserId() => geteuid();

    /// <summary>The path's owner, permissions and kind (a symbolic link is not followed), or null when nothing is there.</summary>
    public static UnixFileStatus? LStat(string path) => Status(path, followLinks: false);

    /// <summary>The status of what the path finally names (symbolic links followed), or null when nothing is there.</summary>
    public static UnixFileStatus? Stat(string path) => Status(path, followLinks: true);

    private static UnixFileStatus? Status(string path, bool followLinks)
    {
        int result;
        int mode;
        uint owner;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            var buffer = new byte[MacStatSize];
            result = MacStatus(Bytes(path), buffer, followLinks);
            mode = BitConverter.ToUInt16(buffer, MacModeOffset);
            owner = BitConverter.ToUInt32(buffer, MacOwnerOffset);
        }
        else
        {
            var buffer = new byte[StatxSize];
            result = statx(AtCurrentDirectory, Bytes(path), followLinks ? 0 : AtSymlinkNoFollow, StatxTypeModeOwner, buffer);
            if (result == 0 && (BitConverter.ToUInt32(buffer, 0) & StatxTypeModeOwner) != StatxTypeModeOwner)
            {
                throw new IOException("The file system did not report the kind, owner and mode of " + path + ".");
            }
            mode = BitConverter.ToUInt16(buffer, StatxModeOffset);
            owner = BitConverter.ToUInt32(buffer, StatxOwnerOffset);
        }
        if (result != 0)
        {
            var errno = Marshal.GetLastWin32Error();
            if (errno == NoSuchFile || errno == NotADirectory) return null;
            throw Failure(path, errno);
        }
        return new UnixFileStatus(owner, mode & 0x1FF, KindOf(mode));
    }

    private static UnixFileKind KindOf(int mode) => (mode & 0xF000) switch
    {
        0x4000 => UnixFileKind.Directory,
        0x8000 => UnixFileKind.RegularFile,
        0xA000 => UnixFileKind.SymbolicLink,
        0x1000 => UnixFileKind.NamedPipe,
        0xC000 => UnixFileKind.Socket,
        _ => UnixFileKind.Device,
    };

    // x64 macOS keeps the 32-bit-inode layout under the plain names; arm64 has only the 64-bit one.
    private static int MacStatus(byte[] path, byte[] buffer, bool followLinks) =>
        RuntimeInformation.ProcessArchitecture == Architecture.X64
            ? followLinks ? stat_inode64(path, buffer) : lstat_inode64(path, buffer)
            : followLinks ? stat(path, buffer) : lstat(path, buffer);

    /// <summary>Creates a directory with <paramref name="mode"/> (less the umask); false when something already exists there.</summary>
    public static bool MakeDirectory(string path, int mode)
    {
        if (mkdir(Bytes(path), (uint)mode) == 0) return true;
        var errno = Marshal.GetLastWin32Error();
        if (errno == AlreadyExists) return false;
        throw Failure(path, errno);
    }

    public static void ChangeMode(string path, int mode)
    {
        if (chmod(Bytes(path), (uint)mode) != 0) throw Failure(path, Marshal.GetLastWin32Error());
    }

    /// <summary>The path with every symbolic link resolved, or null when it cannot be resolved.</summary>
    public static string? RealPath(string path)
    {
        var resolved = realpath(Bytes(path), IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try
        {
            var length = 0;
            while (Marshal.ReadByte(resolved, length) != 0) length++;
            var bytes = new byte[length];
            Marshal.Copy(resolved, bytes, 0, length);
            return Encoding.UTF8.GetString(bytes);
        }
        finally
        {
            free(resolved);
        }
    }

    /// <summary>Linux's error numbers that the package meets, in words; null for any other.</summary>
    public static string? Describe(int errno) => errno switch
    {
        1 => "operation not permitted",
        2 => "no such file or folder",
        13 => "permission denied",
        20 => "a part of the path is not a folder",
        28 => "no space left on the device",
        30 => "read-only file system",
        36 => "the path is too long",
        40 => "too many levels of symbolic links",
        _ => null,
    };

    /// <summary>What .NET throws for the same error: access denied, or an I/O error carrying the error number.</summary>
    private static Exception Failure(string path, int errno) =>
        errno == 1 || errno == 13
            ? new UnauthorizedAccessException($"{path}: {Describe(errno)}")
            : new IOException($"{path}: {Describe(errno) ?? "error " + errno.ToString(System.Globalization.CultureInfo.InvariantCulture)}", errno);

    private static byte[] Bytes(string path) => Encoding.UTF8.GetBytes(path + "\0");

#pragma warning disable IDE1006, SYSLIB1054 // libc's names; DllImport because net472 has no LibraryImport.
    [DllImport(Library)]
    private static extern uint geteuid();

    [DllImport(Library, SetLastError = true)]
    private static extern int statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);

    [DllImport(Library, SetLastError = true)]
    private static extern int stat(byte[] path, byte[] buffer);

    [DllImport(Library, SetLastError = true)]
    private static extern int lstat(byte[] path, byte[] buffer);

    [DllImport(Library, EntryPoint = "stat$INODE64", SetLastError = true)]
    private static extern int stat_inode64(byte[] path, byte[] buffer);

    [DllImport(Library, EntryPoint = "lstat$INODE64", SetLastError = true)]
    private static extern int lstat_inode64(byte[] path, byte[] buffer);

    [DllImport(Library, SetLastError = true)]
    private static extern int mkdir(byte[] path, uint mode);

    [DllImport(Library, SetLastError = true)]
    private static extern int chmod(byte[] path, uint mode);

    [DllImport(Library, SetLastError = true)]
    private static extern IntPtr realpath(byte[] path, IntPtr resolved);

    [DllImport(Library)]
    private static extern void free(IntPtr pointer);
#pragma warning restore IDE1006, SYSLIB1054
}
