using System.Globalization;
using Convex.AuthKit.Build.FileSystem;

namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// Serialises the work for one Convex app across processes (docs/architecture.md#parallel-builds): parallel builds of
/// projects that share the app, and the inner builds of a multi-targeted project, take turns; the next one in line
/// re-reads the stamp. The lock file sits in a folder of the user's own, named by a hash of the app's normalised
/// path, and is never deleted (deleting a lock file while another process waits on it would let two holders in).
/// Only another build holding the lock is waited on; anything else wrong with the folder or the file fails at once,
/// except what another user left where the last fallback goes: that build runs without the lock
/// (<see cref="Path"/> is null), since no other user may ever block it.
/// </summary>
internal sealed class AppLock : IDisposable
{
    private const string FolderName = "convex-authkit";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly FileStream? _stream;

    private AppLock(FileStream? stream, string? path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file; null when the user has no folder of their own for it and the build runs without it.</summary>
    public string? Path { get; }

    public static string? PathFor(string appDirectory) => PathFor(appDirectory, LockFileSystem.Real);

    /// <summary>
    /// The Convex app's shared stamp: the last successful run of any project of the app (see ProvisioningSession);
    /// null without a folder of the user's own, as nothing another user left may decide a build.
    /// </summary>
    public static string? StampPathFor(string appDirectory) => StampPathFor(appDirectory, LockFileSystem.Real);

    internal static string? StampPathFor(string appDirectory, LockFileSystem fileSystem)
    {
        var basePath = BasePathFor(appDirectory, fileSystem);
        return basePath == null ? null : basePath + ".stamp";
    }

    internal static string? PathFor(string appDirectory, LockFileSystem fileSystem)
    {
        var basePath = BasePathFor(appDirectory, fileSystem);
        return basePath == null ? null : basePath + ".lock";
    }

    /// <summary>
    /// The user's lock folder, always under a folder the user already owns, never a world-writable one.
    /// Linux: <c>$XDG_RUNTIME_DIR/convex-authkit</c> when that folder belongs to the user, else the user's cache folder
    /// (<c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>), else (HOME unset or read-only) <c>/tmp/convex-authkit-&lt;euid&gt;</c>
    /// when nothing or the user's own folder is there, else null. macOS: <c>~/Library/Caches/convex-authkit</c>.
    /// Windows: <c>%LOCALAPPDATA%\convex-authkit</c>. Either falls back to the user's own temp folder.
    /// </summary>
    internal static string? FolderFor(LockFileSystem fileSystem)
    {
        if (fileSystem.IsWindows) return System.IO.Path.Combine(RootedOr(fileSystem.GetEnvironmentVariable("LOCALAPPDATA"), fileSystem.UserTempFolder), FolderName);
        if (!fileSystem.IsLinux)
        {
            var home = fileSystem.GetEnvironmentVariable("HOME");
            var caches = IsRooted(home) ? System.IO.Path.Combine(home!, "Library", "Caches") : null;
            return System.IO.Path.Combine(caches != null && Directory.Exists(caches) ? caches : fileSystem.UserTempFolder, FolderName);
        }
        uint user;
        try
        {
            user = fileSystem.EffectiveUserId;
        }
        catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
        {
            throw new AppLockException(fileSystem.SharedTempFolder, "the user id cannot be read from libc (" + ex.Message + ")",
                "Report this with the message; set ConvexAuthKitEnabled=false to build meanwhile.", ex);
        }
        var runtime = fileSystem.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        if (IsRooted(runtime) && OwnedDirectory(fileSystem, runtime!, user)) return System.IO.Path.Combine(runtime!, FolderName);
        foreach (var cache in CacheFolders(fileSystem))
        {
            if (OwnedOrCreated(fileSystem, cache, user)) return System.IO.Path.Combine(cache, FolderName);
        }
        var fallback = System.IO.Path.Combine(fileSystem.SharedTempFolder, FolderName + "-" + user.ToString(CultureInfo.InvariantCulture));
        return TakenByAnother(fileSystem, fallback, user) ? null : fallback;
    }

    /// <summary>Something there that is not a folder of the user's: in a sticky /tmp only its owner may remove it.</summary>
    private static bool TakenByAnother(LockFileSystem fileSystem, string path, uint user)
    {
        try
        {
            var status = fileSystem.LStat(path);
            return status != null && (status.Kind != UnixFileKind.Directory || status.Owner != user);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return false; // preparing the folder reports it
        }
    }

    private static IEnumerable<string> CacheFolders(LockFileSystem fileSystem)
    {
        var cache = fileSystem.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (IsRooted(cache)) yield return cache!;
        var home = fileSystem.GetEnvironmentVariable("HOME");
        if (IsRooted(home)) yield return System.IO.Path.Combine(home!, ".cache");
    }

    /// <summary>The user's cache folder, created (owner-only) when missing; false when it is not the user's or cannot be made.</summary>
    private static bool OwnedOrCreated(LockFileSystem fileSystem, string folder, uint user)
    {
        try
        {
            if (fileSystem.Stat(folder) == null) fileSystem.CreateDirectory(folder);
            var status = fileSystem.Stat(folder);
            return status != null && status.Kind == UnixFileKind.Directory && status.Owner == user;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsRooted(string? path) => !string.IsNullOrEmpty(path) && System.IO.Path.IsPathRooted(path);

    private static string RootedOr(string? path, string fallback) => IsRooted(path) ? path! : fallback;

    /// <summary>The app's full path, symbolic links resolved, case-folded where the file system ignores case.</summary>
    internal static string KeyFor(string appDirectory, LockFileSystem fileSystem)
    {
        var key = fileSystem.ResolveLinks(System.IO.Path.GetFullPath(appDirectory));
        if (key.Length > 1) key = key.TrimEnd('/', '\\');
        return fileSystem.IgnoresCase ? key.ToUpperInvariant() : key;
    }

    private static string? BasePathFor(string appDirectory, LockFileSystem fileSystem)
    {
        var folder = FolderFor(fileSystem);
        return folder == null ? null : System.IO.Path.Combine(folder, Stamp.Hash(KeyFor(appDirectory, fileSystem)).Substring(0, 24));
    }

    /// <summary>
    /// Waits until the lock is free; throws <see cref="TimeoutException"/> when the budget runs out first, and
    /// <see cref="AppLockException"/> at once when the folder or the file cannot be used.
    /// </summary>
    public static Task<AppLock> AcquireAsync(string appDirectory, TimeSpan timeout, CancellationToken cancellationToken) =>
        AcquireAsync(appDirectory, timeout, LockFileSystem.Real, cancellationToken);

    internal static async Task<AppLock> AcquireAsync(string appDirectory, TimeSpan timeout, LockFileSystem fileSystem, CancellationToken cancellationToken)
    {
        var folder = FolderFor(fileSystem);
        if (folder == null) return new AppLock(null, null);
        PrepareFolder(folder, fileSystem);
        var path = PathFor(appDirectory, fileSystem)!;
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FileStream stream;
            RefuseALinkOrSpecialFile(path, fileSystem);
            try
            {
                stream = fileSystem.OpenExclusive(path);
            }
            catch (IOException ex) when (IsContention(ex))
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new TimeoutException($"Another build held the Convex.AuthKit lock for this Convex app ({path}) for longer than {timeout.TotalSeconds:0} s.", ex);
                }
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                throw Unusable(path, ex, fileSystem);
            }

            try
            {
                CheckLockFile(path, fileSystem);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
            return new AppLock(stream, path);
        }
    }

    public void Dispose() => _stream?.Dispose();

    /// <summary>
    /// Another process holds the file: a sharing or lock violation on Windows (and under Mono), EWOULDBLOCK from
    /// flock on Linux (11) and macOS (35). Every other failure is a problem to report, not to wait out.
    /// </summary>
    private static bool IsContention(IOException ex)
    {
        if (ex is PathTooLongException || ex is DirectoryNotFoundException || ex is FileNotFoundException || ex is DriveNotFoundException) return false;
        var win32 = ex.HResult & 0xFFFF;
        var windowsStyle = (ex.HResult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000);
        return windowsStyle ? win32 == 32 || win32 == 33 : ex.HResult == 11 || ex.HResult == 35;
    }

    private static bool OwnedDirectory(LockFileSystem fileSystem, string path, uint user)
    {
        try
        {
            var status = fileSystem.LStat(path);
            return status != null && status.Kind == UnixFileKind.Directory && status.Owner == user;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Creates the lock folder when missing; on Linux it must then be a real folder, the user's, mode 0700.</summary>
    private static void PrepareFolder(string folder, LockFileSystem fileSystem)
    {
        var parent = System.IO.Path.GetDirectoryName(folder)!;
        var checkTheParent = $"Check that {parent} exists and is writable and that its disk is not full, then build again.";
        if (!fileSystem.IsLinux && !Directory.Exists(parent))
        {
            throw new AppLockException(parent, "the temp folder does not exist", "Point TEMP (Windows) or TMPDIR (macOS) at an existing folder of yours, then build again.");
        }
        try
        {
            if (fileSystem.CreateDirectory(folder) && fileSystem.IsLinux) fileSystem.ChangeMode(folder, LockFileSystem.Modes.PrivateDirectory);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
        {
            throw new AppLockException(folder, "the lock folder cannot be created (" + Reason(ex) + ")", checkTheParent, ex);
        }
        if (!fileSystem.IsLinux) return;

        var status = Status(folder, fileSystem);
        var user = fileSystem.EffectiveUserId;
        const string Recreate = "Remove it; the next build creates the folder again.";
        if (status == null) throw new AppLockException(folder, "the lock folder cannot be created", checkTheParent);
        if (status.Kind == UnixFileKind.SymbolicLink) throw new AppLockException(folder, "the lock folder is a symbolic link", Recreate);
        if (status.Kind != UnixFileKind.Directory) throw new AppLockException(folder, "the lock folder is not a folder", Recreate);
        if (status.Owner != user)
        {
            throw new AppLockException(folder, $"the lock folder belongs to another user (uid {status.Owner}), who could hold or replace the lock",
                "Ask its owner or an administrator to remove it, or set XDG_RUNTIME_DIR to a folder of your own.");
        }
        if (status.Permissions != LockFileSystem.Modes.PrivateDirectory)
        {
            throw new AppLockException(folder, $"the lock folder has mode {Octal(status.Permissions)}, not 0700, so other users can reach it",
                $"Run `chmod 700 {folder}`, or remove it; the next build creates it again.");
        }
    }

    /// <summary>Opening creates the file when missing: a symbolic link there would have its target created.</summary>
    private static void RefuseALinkOrSpecialFile(string path, LockFileSystem fileSystem)
    {
        if (!fileSystem.IsLinux) return;
        var status = Status(path, fileSystem);
        if (status != null && status.Kind != UnixFileKind.RegularFile)
        {
            throw new AppLockException(path, "the lock file is not a plain file", "Remove it; the next build creates it again.");
        }
    }

    /// <summary>On Linux the lock file must be a plain file of the user's; it is made owner-only (0600).</summary>
    private static void CheckLockFile(string path, LockFileSystem fileSystem)
    {
        if (!fileSystem.IsLinux) return;
        var status = Status(path, fileSystem);
        if (status == null || status.Kind != UnixFileKind.RegularFile)
        {
            throw new AppLockException(path, "the lock file is not a plain file", "Remove it; the next build creates it again.");
        }
        if (status.Owner != fileSystem.EffectiveUserId)
        {
            throw new AppLockException(path, $"the lock file belongs to another user (uid {status.Owner})", "Remove it (an administrator may have to); the next build creates it again.");
        }
        if ((status.Permissions & LockFileSystem.Modes.GroupOrOthers) != 0)
        {
            try
            {
                fileSystem.ChangeMode(path, LockFileSystem.Modes.PrivateFile);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new AppLockException(path, "the lock file cannot be made owner-only (" + Reason(ex) + ")", "Remove it; the next build creates it again.", ex);
            }
        }
    }

    private static UnixFileStatus? Status(string path, LockFileSystem fileSystem)
    {
        try
        {
            return fileSystem.LStat(path);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is PlatformNotSupportedException)
        {
            throw new AppLockException(path, "its owner and mode cannot be read (" + Reason(ex) + ")", "Check the folder's permissions, then build again.", ex);
        }
    }

    private static AppLockException Unusable(string path, Exception ex, LockFileSystem fileSystem)
    {
        if (fileSystem.IsLinux && ex is UnauthorizedAccessException)
        {
            var status = Status(path, fileSystem);
            if (status != null && status.Owner != fileSystem.EffectiveUserId)
            {
                return new AppLockException(path, $"the lock file belongs to another user (uid {status.Owner})", "Remove it (an administrator may have to); the next build creates it again.", ex);
            }
        }
        return new AppLockException(path, "the lock file cannot be opened (" + Reason(ex) + ")",
            "Check that its folder is writable and its disk is not full, then build again.", ex);
    }

    /// <summary>The cause in words: .NET reports Linux's error number as the HResult, Windows' error code inside it.</summary>
    private static string Reason(Exception ex)
    {
        if (ex is PathTooLongException) return "the path is too long";
        if (ex is UnauthorizedAccessException) return "access denied";
        var windowsStyle = (ex.HResult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000);
        if (windowsStyle && (ex.HResult & 0xFFFF) is 112 or 39) return "the disk is full";
        if (windowsStyle && (ex.HResult & 0xFFFF) == 19) return "the disk is write-protected";
        return (windowsStyle ? null : Libc.Describe(ex.HResult)) ?? ex.Message;
    }

    private static string Octal(int mode) => "0" + Convert.ToString(mode, 8);
}
