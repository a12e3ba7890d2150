using System.Runtime.InteropServices;
using Convex.AuthKit.Build.FileSystem;

namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// What the app lock asks of the operating system (docs/architecture.md#parallel-builds). Tests derive from it to
/// play another user, a read-only temp folder or a full disk: CI and developers run as root, which ignores
/// permissions.
/// </summary>
internal class LockFileSystem
{
    public static readonly LockFileSystem Real = new LockFileSystem();

    /// <summary>Linux: a per-user folder checked with lstat. Elsewhere: the user's own temp folder.</summary>
    public virtual bool IsLinux => RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    public virtual bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>Windows and macOS compare paths without case, so the lock key is case-folded there only.</summary>
    public virtual bool IgnoresCase => IsWindows || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    public virtual string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>Linux's last fallback, when neither XDG_RUNTIME_DIR nor a cache folder is usable: the machine's shared temp folder.</summary>
    public virtual string SharedTempFolder => "/tmp";

    /// <summary>Windows' and macOS' temp folder, which belongs to the user: the fallback without LOCALAPPDATA or ~/Library/Caches.</summary>
    public virtual string UserTempFolder => Path.GetTempPath();

    public virtual uint EffectiveUserId => Libc.EffectiveUserId();

    /// <summary>Linux only: owner, permissions and kind, without following a symbolic link; null when missing.</summary>
    public virtual UnixFileStatus? LStat(string path) => Libc.LStat(path);

    /// <summary>Linux only: as <see cref="LStat"/>, symbolic links followed.</summary>
    public virtual UnixFileStatus? Stat(string path) => Libc.Stat(path);

    /// <summary>Creates the lock folder (0700 on Linux, less the umask); false when it already existed.</summary>
    public virtual bool CreateDirectory(string path)
    {
        if (IsLinux) return Libc.MakeDirectory(path, Modes.PrivateDirectory);
        if (Directory.Exists(path)) return false;
        Directory.CreateDirectory(path);
        return true;
    }

    /// <summary>Linux only.</summary>
    public virtual void ChangeMode(string path, int mode) => Libc.ChangeMode(path, mode);

    /// <summary>Opens (creating when missing) the lock file for this process alone; contention throws an IOException.</summary>
    public virtual FileStream OpenExclusive(string path) =>
        new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);

    /// <summary>The full path with every symbolic link (and, on Windows, junction) resolved; the path itself when that fails.</summary>
    public virtual string ResolveLinks(string fullPath)
    {
        try
        {
            return (IsWindows ? WindowsPaths.FinalPath(fullPath) : Libc.RealPath(fullPath)) ?? fullPath;
        }
        catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
        {
            return fullPath;
        }
    }

    /// <summary>Unix permission bits.</summary>
    public static class Modes
    {
        /// <summary>0700: the owner alone may list, create and delete.</summary>
        public const int PrivateDirectory = 0x1C0;

        /// <summary>0600: the owner alone may read and write.</summary>
        public const int PrivateFile = 0x180;

        /// <summary>077: any access for the group or others.</summary>
        public const int GroupOrOthers = 0x3F;
    }
}
