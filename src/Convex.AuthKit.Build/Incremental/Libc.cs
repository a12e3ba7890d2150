using System.Runtime.InteropServices;
using System.Text;

namespace Convex.AuthKit.Build.Incremental;

/// <summary>What the lock needs to know about a path on Linux, read without following a symbolic link.</summary>
/// <param name="Permissions">The permission bits, for example 0x1C0 (octal 0700).</param>
internal sealed record UnixFileStatus(uint Owner, int Permissions, UnixFileKind Kind);

internal enum UnixFileKind { Directory, RegularFile, SymbolicLink, Other }

/// <summary>
/// The few libc calls the app lock makes on Unix (docs/architecture.md#parallel-builds). The .NET Framework has no
/// API for a file's owner or mode and .NET 8 none for its owner, so both targets call libc, which also serves the
/// net472 build under Mono. Paths go in as NUL-terminated UTF-8. The file status comes from <c>statx</c>, whose
/// layout is the same on every architecture (unlike <c>struct stat</c>), through glibc's wrapper or, before glibc
/// 2.28, the system call itself.
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
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;
    private const int AlreadyExists = 17;

    public static uint EffectiveUserId() => geteuid();

    /// <summary>The path's owner, permissions and kind (a symbolic link is not followed), or null when nothing is there.</summary>
    public static UnixFileStatus? LStat(string path) => LStat(path, viaSystemCall: false);

    /// <param name="viaSystemCall">Skip glibc's wrapper, as when it is older than 2.28 (tests use it).</param>
    internal static UnixFileStatus? LStat(string path, bool viaSystemCall)
    {
        var buffer = new byte[StatxSize];
        var result = CallStatx(Bytes(path), buffer, viaSystemCall, out var errno);
        if (result != 0)
        {
            if (errno == NoSuchFile || errno == NotADirectory) return null;
            throw Failure(path, errno);
        }
        var mode = BitConverter.ToUInt16(buffer, StatxModeOffset);
        var kind = (mode & 0xF000) switch
        {
            0x4000 => UnixFileKind.Directory,
            0x8000 => UnixFileKind.RegularFile,
            0xA000 => UnixFileKind.SymbolicLink,
            _ => UnixFileKind.Other,
        };
        return new UnixFileStatus(BitConverter.ToUInt32(buffer, StatxOwnerOffset), mode & 0x1FF, kind);
    }

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

    /// <summary>Linux's error numbers that the lock meets, in words; null for any other.</summary>
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

    private static int CallStatx(byte[] path, byte[] buffer, bool viaSystemCall, out int errno)
    {
        int result;
        try
        {
            result = viaSystemCall ? StatxBySystemCall(path, buffer) : statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxTypeModeOwner, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            result = StatxBySystemCall(path, buffer);
        }
        errno = result == 0 ? 0 : Marshal.GetLastWin32Error();
        if (result == 0 && (BitConverter.ToUInt32(buffer, 0) & StatxTypeModeOwner) != StatxTypeModeOwner)
        {
            throw new IOException("The file system did not report the owner and mode of " + Encoding.UTF8.GetString(path, 0, path.Length - 1) + ".");
        }
        return result;
    }

    private static int StatxBySystemCall(byte[] path, byte[] buffer) =>
        (int)syscall(StatxSystemCall(), (IntPtr)AtCurrentDirectory, path, (IntPtr)AtSymlinkNoFollow, (IntPtr)StatxTypeModeOwner, buffer);

    private static IntPtr StatxSystemCall() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => (IntPtr)332,
        Architecture.Arm64 => (IntPtr)291,
        Architecture.X86 => (IntPtr)383,
        Architecture.Arm => (IntPtr)397,
        var other => throw new PlatformNotSupportedException($"Reading a file's owner is not supported on {other} without glibc 2.28."),
    };

    private static byte[] Bytes(string path) => Encoding.UTF8.GetBytes(path + "\0");

#pragma warning disable IDE1006, SYSLIB1054 // libc's names; DllImport because net472 has no LibraryImport.
    [DllImport(Library)]
    private static extern uint geteuid();

    [DllImport(Library, SetLastError = true)]
    private static extern int statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);

    [DllImport(Library, SetLastError = true)]
    private static extern IntPtr syscall(IntPtr number, IntPtr directory, byte[] path, IntPtr flags, IntPtr mask, byte[] buffer);

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
