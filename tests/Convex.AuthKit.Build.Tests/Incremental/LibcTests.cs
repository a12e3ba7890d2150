using Convex.AuthKit.Build.FileSystem;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Incremental;

/// <summary>The libc calls behind the lock's checks, on this machine's real file system.</summary>
[TestClass]
public sealed class LibcTests
{
    [TestMethod]
    public void LStatReportsKindOwnerAndModeWithoutFollowingLinks()
    {
        using var fs = new TestLockFileSystem();
        var folder = Path.Combine(fs.Root, "folder");
        Assert.IsTrue(Libc.MakeDirectory(folder, 0x1E8));
        Libc.ChangeMode(folder, 0x1E8);
        var file = Path.Combine(folder, "file");
        File.WriteAllText(file, "x");
        Libc.ChangeMode(file, 0x180);
        var link = Path.Combine(fs.Root, "link");
        File.CreateSymbolicLink(link, file);
        TestLockFileSystem.GiveToNobody(file);

        Assert.AreEqual(new UnixFileStatus(0, 0x1E8, UnixFileKind.Directory), Libc.LStat(folder));
        Assert.AreEqual(new UnixFileStatus(65534, 0x180, UnixFileKind.RegularFile), Libc.LStat(file));
        Assert.AreEqual(UnixFileKind.SymbolicLink, Libc.LStat(link)!.Kind);
        Assert.IsNull(Libc.LStat(Path.Combine(fs.Root, "missing")));
        Assert.IsNull(Libc.LStat(Path.Combine(file, "below-a-file")));
    }

    [TestMethod]
    public void StatFollowsLinksAndTellsPipesAndDevicesApart()
    {
        using var fs = new TestLockFileSystem();
        var pipe = Path.Combine(fs.Root, "pipe");
        TestLockFileSystem.Run("mkfifo", pipe);
        var zero = Path.Combine(fs.Root, "zero");
        File.CreateSymbolicLink(zero, "/dev/zero");

        Assert.AreEqual(UnixFileKind.NamedPipe, Libc.Stat(pipe)!.Kind);
        Assert.AreEqual(UnixFileKind.Device, Libc.Stat(zero)!.Kind);
        Assert.AreEqual(UnixFileKind.SymbolicLink, Libc.LStat(zero)!.Kind);
        Assert.IsNull(Libc.Stat(Path.Combine(fs.Root, "missing")));
    }

    [TestMethod]
    public void MakeDirectoryTellsWhetherItCreated()
    {
        using var fs = new TestLockFileSystem();
        var folder = Path.Combine(fs.Root, "made");
        Assert.IsTrue(Libc.MakeDirectory(folder, 0x1C0));
        Assert.IsFalse(Libc.MakeDirectory(folder, 0x1C0));
        var ex = Assert.ThrowsExactly<IOException>(() => Libc.MakeDirectory(Path.Combine(fs.Root, "no", "parent"), 0x1C0));
        StringAssert.Contains(ex.Message, "no such file or folder");
        Assert.AreEqual(2, ex.HResult);
    }

    [TestMethod]
    public void RealPathResolvesEveryLink()
    {
        using var fs = new TestLockFileSystem();
        var app = fs.NewApp();
        Directory.CreateDirectory(Path.Combine(app, "inner"));
        var link = Path.Combine(fs.Root, "link");
        Directory.CreateSymbolicLink(link, Path.Combine(fs.Root, "apps"));

        Assert.AreEqual(Path.Combine(Libc.RealPath(fs.Root)!, "apps", "app", "inner"), Libc.RealPath(Path.Combine(link, "app", "..", "app", "inner")));
        Assert.IsNull(Libc.RealPath(Path.Combine(fs.Root, "missing")));
    }

    [TestMethod]
    public void TheEffectiveUserIdIsTheOneIdReports()
    {
        var start = new System.Diagnostics.ProcessStartInfo("id", "-u") { RedirectStandardOutput = true };
        using var id = System.Diagnostics.Process.Start(start)!;
        var output = id.StandardOutput.ReadToEnd().Trim();
        id.WaitForExit();
        Assert.AreEqual(output, Libc.EffectiveUserId().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
