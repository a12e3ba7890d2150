using Convex.AuthKit.Build.FileSystem;
using Convex.AuthKit.Build.Incremental;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Incremental;

/// <summary>
/// docs/architecture.md#parallel-builds: the lock lives in a folder of the user's own; only another build holding it
/// is waited on; everything else wrong with the folder or the file fails at once, naming the path. The machine-wide
/// places are moved into a private folder (TestLockFileSystem); owners are set for real with chown.
/// </summary>
[TestClass]
public sealed class AppLockTests
{
    private static readonly TimeSpan NoWait = TimeSpan.FromSeconds(100);

    private static Task<AppLock> AcquireAsync(TestLockFileSystem fs, string app, TimeSpan? timeout = null) =>
        AppLock.AcquireAsync(app, timeout ?? NoWait, fs, CancellationToken.None);

    private static async Task<AppLockException> UnusableAsync(TestLockFileSystem fs, string app)
    {
        // The budget is 100 s: an error that is not contention must come back at once, not after waiting it out.
        return await Assert.ThrowsExactlyAsync<AppLockException>(() => AcquireAsync(fs, app));
    }

    [TestMethod]
    public void TheLinuxFolderIsUnderXdgRuntimeDirWhenItIsTheUsers()
    {
        using var fs = new TestLockFileSystem { Linux = true };
        var runtime = Path.Combine(fs.Root, "run-user");
        Directory.CreateDirectory(runtime);
        fs.Environment["XDG_RUNTIME_DIR"] = runtime;

        Assert.AreEqual(Path.Combine(runtime, "convex-authkit"), AppLock.FolderFor(fs));
    }

    [TestMethod]
    public void TheLinuxFolderFallsBackToTmpWithTheUserIdWhenXdgRuntimeDirIsNotTheUsers()
    {
        using var fs = new TestLockFileSystem { Linux = true };
        Assert.AreEqual(Path.Combine(fs.SharedTempFolder, "convex-authkit-" + fs.EffectiveUserId), AppLock.FolderFor(fs), "unset");

        fs.Environment["XDG_RUNTIME_DIR"] = "run/relative";
        Assert.AreEqual(fs.FallbackFolder, AppLock.FolderFor(fs), "relative");

        var foreign = Path.Combine(fs.Root, "run-nobody");
        Directory.CreateDirectory(foreign);
        TestLockFileSystem.GiveToNobody(foreign);
        fs.Environment["XDG_RUNTIME_DIR"] = foreign;
        Assert.AreEqual(fs.FallbackFolder, AppLock.FolderFor(fs), "another user's");

        fs.Environment["XDG_RUNTIME_DIR"] = Path.Combine(fs.Root, "missing");
        Assert.AreEqual(fs.FallbackFolder, AppLock.FolderFor(fs), "missing");
    }

    [TestMethod]
    public void WindowsAndMacOSFallBackToTheUsersTempFolder()
    {
        using var fs = new TestLockFileSystem { Linux = false };
        Assert.AreEqual(Path.Combine(fs.UserTempFolder, "convex-authkit"), AppLock.FolderFor(fs));
    }

    [TestMethod]
    public async Task TheFolderIsCreatedOwnerOnlyAndTheLockFileToo()
    {
        using var fs = new TestLockFileSystem { Linux = true };
        var app = fs.NewApp();

        using (var held = await AcquireAsync(fs, app))
        {
            Assert.AreEqual(AppLock.PathFor(app, fs), held.Path);
            Assert.AreEqual(fs.FallbackFolder, Path.GetDirectoryName(held.Path));
            var folder = Libc.LStat(fs.FallbackFolder)!;
            Assert.AreEqual(UnixFileKind.Directory, folder.Kind);
            Assert.AreEqual(fs.EffectiveUserId, folder.Owner);
            Assert.AreEqual("700", Convert.ToString(folder.Permissions, 8));
            var file = Libc.LStat(held.Path!)!;
            Assert.AreEqual(UnixFileKind.RegularFile, file.Kind);
            Assert.AreEqual("600", Convert.ToString(file.Permissions, 8));
        }

        using var again = await AcquireAsync(fs, app);
        Assert.AreEqual("600", Convert.ToString(Libc.LStat(again.Path!)!.Permissions, 8), "the file is kept, never deleted");
    }

    [TestMethod]
    public async Task ALockHeldByAnotherBuildIsWaitedOnUntilTheBudgetEnds()
    {
        using var fs = new TestLockFileSystem { Linux = true };
        var app = fs.NewApp();
        using (await AcquireAsync(fs, app))
        {
            var ex = await Assert.ThrowsExactlyAsync<TimeoutException>(() => AcquireAsync(fs, app, TimeSpan.FromMilliseconds(200)));
            StringAssert.Contains(ex.Message, "Another build held the Convex.AuthKit lock");
        }
        using var after = await AcquireAsync(fs, app, TimeSpan.FromMilliseconds(200));
    }

    [TestMethod]
    public async Task TwoPathsOfOneAppThroughASymlinkShareTheLock()
    {
        using var fs = new TestLockFileSystem();
        var app = fs.NewApp();
        var link = Path.Combine(fs.Root, "link-to-app");
        Directory.CreateSymbolicLink(link, app);

        Assert.AreEqual(AppLock.PathFor(app, fs), AppLock.PathFor(link + "/", fs));
        using (await AcquireAsync(fs, app))
        {
            await Assert.ThrowsExactlyAsync<TimeoutException>(() => AcquireAsync(fs, link, TimeSpan.FromMilliseconds(200)));
        }
    }

    [TestMethod]
    public void TheKeyIsCaseFoldedOnlyWhereTheFileSystemIgnoresCase()
    {
        using var fs = new TestLockFileSystem { CaseInsensitive = false };
        var app = fs.NewApp("App");
        var upper = Path.Combine(fs.Root, "apps", "APP");
        Assert.AreNotEqual(AppLock.KeyFor(app, fs), AppLock.KeyFor(upper, fs), "Linux: App and APP are two folders");

        fs.CaseInsensitive = true;
        Assert.AreEqual(AppLock.KeyFor(app, fs), AppLock.KeyFor(upper, fs));
    }

    [TestMethod]
    public async Task AFolderOfAnotherUserInTmpNeverBlocksTheBuildItRunsWithoutTheLock()
    {
        using var fs = new TestLockFileSystem { Linux = true };
        Directory.CreateDirectory(fs.FallbackFolder);
        Libc.ChangeMode(fs.FallbackFolder, 0x1C0);
        TestLockFileSystem.GiveToNobody(fs.FallbackFolder);

        using var held = await AcquireAsync(fs, fs.NewApp());

        Assert.IsNull(held.Path, "no lock, and no shared stamp, in another user's folder");
        Assert.IsNull(AppLock.FolderFor(fs));
        Assert.AreEqual(0, Directory.GetFileSystemEntries(fs.FallbackFolder).Length, "nothing written into it");
    }

    [TestMethod]
    public void TheLinuxFolderIsTheUsersCacheFolderBeforeTmp()
    {
        using var fs = new TestLockFileSystem { Linux = true };
        var home = Path.Combine(fs.Root, "home");
        Directory.CreateDirectory(home);
        fs.Environment["HOME"] = home;
        Assert.AreEqual(Path.Combine(home, ".cache", "convex-authkit"), AppLock.FolderFor(fs), "~/.cache, created when missing");
        Assert.AreEqual("700", Convert.ToString(Libc.LStat(Path.Combine(home, ".cache"))!.Permissions, 8));

        var cache = Path.Combine(fs.Root, "xdg-cache");
        Directory.CreateDirectory(cache);
        fs.Environment["XDG_CACHE_HOME"] = cache;
        Assert.AreEqual(Path.Combine(cache, "convex-authkit"), AppLock.FolderFor(fs), "XDG_CACHE_HOME first");

        TestLockFileSystem.GiveToNobody(cache);
        Assert.AreEqual(Path.Combine(home, ".cache", "convex-authkit"), AppLock.FolderFor(fs), "a cache folder of another user is not used");

        fs.Environment.Remove("XDG_CACHE_HOME");
        fs.Environment["HOME"] = Path.Combine(fs.Root, "read-only-home");
        fs.CreateDirectoryHook = path => throw new UnauthorizedAccessException(path + ": permission denied");
        Assert.AreEqual(fs.FallbackFolder, AppLock.FolderFor(fs), "HOME read-only: /tmp, in a folder of the user's id");
    }

    [TestMethod]
    public void WindowsUsesLocalAppDataAndMacOSTheUsersCaches()
    {
        using var fs = new TestLockFileSystem { Linux = false };
        var home = Path.Combine(fs.Root, "home");
        Directory.CreateDirectory(Path.Combine(home, "Library", "Caches"));
        fs.Environment["HOME"] = home;
        Assert.AreEqual(Path.Combine(home, "Library", "Caches", "convex-authkit"), AppLock.FolderFor(fs), "macOS");

        fs.Windows = true;
        fs.Environment["LOCALAPPDATA"] = Path.Combine(fs.Root, "local");
        Assert.AreEqual(Path.Combine(fs.Root, "local", "convex-authkit"), AppLock.FolderFor(fs), "Windows");
    }

    [TestMethod]
    public async Task ASymlinkPlantedAsTheLockFileNeverHasItsTargetCreated()
    {
        using var fs = new TestLockFileSystem { Linux = true };
        var app = fs.NewApp();
        using (await AcquireAsync(fs, app)) { }
        var lockFile = AppLock.PathFor(app, fs)!;
        File.Delete(lockFile);
        var target = Path.Combine(fs.Root, "victim-file");
        File.CreateSymbolicLink(lockFile, target);

        var ex = await UnusableAsync(fs, app);

        StringAssert.Contains(ex.Message, "the lock file is not a plain file");
        Assert.IsFalse(File.Exists(target), "the link's target was created");
    }

    [TestMethod]
    public async Task AFolderOthersCanReachFailsAtOnce()
    {
        using var fs = new TestLockFileSystem { Linux = true };
        Directory.CreateDirectory(fs.FallbackFolder);
        Libc.ChangeMode(fs.FallbackFolder, 0x1FF);

        var ex = await UnusableAsync(fs, fs.NewApp());

        Assert.AreEqual(fs.FallbackFolder, ex.Path);
        StringAssert.Contains(ex.Message, "mode 0777, not 0700");
        StringAssert.Contains(ex.Message, "chmod 700 " + fs.FallbackFolder);
    }

    [TestMethod]
    public async Task ALockFileOfAnotherUserFailsAtOnce()
    {
        using var fs = new TestLockFileSystem { Linux = true };
        var app = fs.NewApp();
        using (await AcquireAsync(fs, app)) { }
        TestLockFileSystem.GiveToNobody(AppLock.PathFor(app, fs)!);

        var ex = await UnusableAsync(fs, app);

        Assert.AreEqual(AppLock.PathFor(app, fs), ex.Path);
        StringAssert.Contains(ex.Message, "the lock file belongs to another user (uid 65534)");
    }

    [TestMethod]
    public async Task AReadOnlyTempFolderFailsAtOnce()
    {
        using var fs = new TestLockFileSystem { Linux = false };
        fs.CreateDirectoryHook = path => throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");

        var ex = await UnusableAsync(fs, fs.NewApp());

        Assert.AreEqual(Path.Combine(fs.UserTempFolder, "convex-authkit"), ex.Path);
        StringAssert.Contains(ex.Message, "cannot be created (access denied)");
        StringAssert.Contains(ex.Message, fs.UserTempFolder);
    }

    [TestMethod]
    public async Task AReadOnlyTmpOnLinuxFailsAtOnce()
    {
        using var fs = new TestLockFileSystem { Linux = true };
        fs.CreateDirectoryHook = path => throw new IOException(path + ": read-only file system", 30);

        var ex = await UnusableAsync(fs, fs.NewApp());

        Assert.AreEqual(fs.FallbackFolder, ex.Path);
        StringAssert.Contains(ex.Message, "cannot be created (read-only file system)");
    }

    [TestMethod]
    public async Task AMissingTempFolderFailsAtOnce()
    {
        using var fs = new TestLockFileSystem { Linux = false, UserTemp = "/nonexistent-temp-folder-p11b" };

        var ex = await UnusableAsync(fs, fs.NewApp());

        Assert.AreEqual("/nonexistent-temp-folder-p11b", ex.Path);
        StringAssert.Contains(ex.Message, "the temp folder does not exist");
    }

    [TestMethod]
    public async Task AMissingTmpOnLinuxFailsAtOnce()
    {
        using var fs = new TestLockFileSystem { Linux = true, SharedTemp = "/nonexistent-tmp-p11b" };

        var ex = await UnusableAsync(fs, fs.NewApp());

        StringAssert.Contains(ex.Message, "cannot be created (no such file or folder)");
        StringAssert.Contains(ex.Message, "/nonexistent-tmp-p11b exists");
    }

    [TestMethod]
    public async Task APathTooLongFailsAtOnce()
    {
        using var fs = new TestLockFileSystem { Linux = true };
        fs.SharedTemp = Path.Combine(fs.Root, new string('t', 300));

        var ex = await UnusableAsync(fs, fs.NewApp());

        StringAssert.Contains(ex.Message, "the path is too long");
    }

    [TestMethod]
    [DataRow(28, "no space left on the device")]
    [DataRow(unchecked((int)0x80070070), "the disk is full")]
    [DataRow(unchecked((int)0x80070027), "the disk is full")]
    public async Task AFullDiskFailsAtOnce(int hresult, string reason)
    {
        using var fs = new TestLockFileSystem { Linux = true };
        var app = fs.NewApp();
        fs.OpenHook = path => throw new IOException("No space left on device : '" + path + "'", hresult);

        var ex = await UnusableAsync(fs, app);

        Assert.AreEqual(AppLock.PathFor(app, fs), ex.Path);
        StringAssert.Contains(ex.Message, "cannot be opened (" + reason + ")");
    }

    [TestMethod]
    [DataRow(11)]
    [DataRow(35)]
    [DataRow(unchecked((int)0x80070020))]
    [DataRow(unchecked((int)0x80070021))]
    public async Task OnlySharingAndLockViolationsCountAsContention(int hresult)
    {
        using var fs = new TestLockFileSystem { Linux = true };
        var app = fs.NewApp();
        fs.OpenHook = path => throw new IOException("The process cannot access the file '" + path + "' because it is being used by another process.", hresult);

        await Assert.ThrowsExactlyAsync<TimeoutException>(() => AcquireAsync(fs, app, TimeSpan.FromMilliseconds(100)));
    }
}
