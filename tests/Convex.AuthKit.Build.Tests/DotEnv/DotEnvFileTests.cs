using System.Runtime.Versioning;
using System.Text;
using Convex.AuthKit.Build.DotEnv;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.DotEnv;

[TestClass]
public sealed class DotEnvFileTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };
    private string _dir = null!;
    private string _path = null!;

    [TestInitialize]
    public void CreateDirectory()
    {
        _dir = Path.Combine(Path.GetTempPath(), "dotenv-file-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _path = Path.Combine(_dir, ".env.local");
    }

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    private string[] DirectoryEntries() => Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

    [TestMethod]
    public void MissingFileReadsAsNull()
    {
        Assert.IsNull(DotEnvFile.Read(_path));
        Assert.IsNull(DotEnvFile.Read(Path.Combine(_dir, "no-such-dir", ".env")));
    }

    [TestMethod]
    public void ReadRemovesTheBomAndRemembersIt()
    {
        File.WriteAllBytes(_path, Bom.Concat(Encoding.UTF8.GetBytes("A=\u00e9\n")).ToArray());
        var document = DotEnvFile.Read(_path)!;
        Assert.AreEqual("A=\u00e9\n", document.Text);
        Assert.IsTrue(document.HasBom);
        Assert.IsFalse(DotEnvFile.Read(WriteText("B=1\n"))!.HasBom);
    }

    [TestMethod]
    public void NonUtf8FileIsRefused()
    {
        File.WriteAllBytes(_path, new byte[] { (byte)'A', (byte)'=', 0xE9, (byte)'\n' });
        Assert.ThrowsExactly<InvalidDataException>(() => DotEnvFile.Read(_path));
    }

    [TestMethod]
    public void NewFileIsWrittenWithoutBomAndNoTempFileIsLeft()
    {
        Assert.IsTrue(DotEnvFile.WriteIfChanged(_path, "KEY=v\n", original: null));
        CollectionAssert.AreEqual(Encoding.UTF8.GetBytes("KEY=v\n"), File.ReadAllBytes(_path));
        CollectionAssert.AreEqual(new[] { ".env.local" }, DirectoryEntries());
    }

    [TestMethod, OSCondition(OperatingSystems.Linux | OperatingSystems.OSX)]
    [UnsupportedOSPlatform("windows")]
    public void NewFileIsOwnerOnly()
    {
        DotEnvFile.WriteIfChanged(_path, "WORKOS_API_KEY=sk_test\n", original: null);
        Assert.AreEqual(OwnerOnly, File.GetUnixFileMode(_path));
    }

    [TestMethod, OSCondition(OperatingSystems.Linux | OperatingSystems.OSX)]
    [UnsupportedOSPlatform("windows")]
    public void ExistingFileKeepsItsMode()
    {
        const UnixFileMode groupWritable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead;
        File.SetUnixFileMode(WriteText("A=1\n"), groupWritable);

        Assert.IsTrue(DotEnvFile.WriteIfChanged(_path, "A=2\n", DotEnvFile.Read(_path)));

        Assert.AreEqual("A=2\n", File.ReadAllText(_path));
        Assert.AreEqual(groupWritable, File.GetUnixFileMode(_path));
    }

    [TestMethod]
    public void BomIsKept()
    {
        File.WriteAllBytes(_path, Bom.Concat(Encoding.UTF8.GetBytes("A=1\n")).ToArray());
        var original = DotEnvFile.Read(_path)!;

        DotEnvFile.WriteIfChanged(_path, DotEnvEditor.Change(original.Text, "KEY", "v")!, original);

        CollectionAssert.AreEqual(Bom.Concat(Encoding.UTF8.GetBytes("A=1\n\nKEY=v\n")).ToArray(), File.ReadAllBytes(_path));
    }

    [TestMethod]
    public void CrLfIsKept()
    {
        WriteText("A=1\r\nKEY=old\r\n");
        var original = DotEnvFile.Read(_path)!;
        var text = DotEnvEditor.Change(original.Text, "KEY", "new")!;
        text = DotEnvEditor.Change(text, "B", "2", "# b")!;

        DotEnvFile.WriteIfChanged(_path, text, original);

        CollectionAssert.AreEqual(Encoding.UTF8.GetBytes("A=1\r\nKEY=new\r\n\r\n# b\r\nB=2\r\n"), File.ReadAllBytes(_path));
    }

    [TestMethod]
    public void UnchangedContentIsNotWritten()
    {
        WriteText("A=1\n");
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_path, stamp);

        Assert.IsFalse(DotEnvFile.WriteIfChanged(_path, "A=1\n", DotEnvFile.Read(_path)));
        Assert.IsFalse(DotEnvFile.WriteIfChanged(_path, "A=1\n", original: null), "the file on disk already holds the text");

        Assert.AreEqual(stamp, File.GetLastWriteTimeUtc(_path));
    }

    [TestMethod]
    public void ChangedContentIsWritten()
    {
        WriteText("A=1\n");
        File.SetLastWriteTimeUtc(_path, new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc));

        Assert.IsTrue(DotEnvFile.WriteIfChanged(_path, "A=2\n", DotEnvFile.Read(_path)));

        Assert.AreEqual("A=2\n", File.ReadAllText(_path));
        Assert.IsTrue(File.GetLastWriteTimeUtc(_path) > new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [TestMethod, OSCondition(OperatingSystems.Linux | OperatingSystems.OSX)]
    public void FileIsReplacedNotRewrittenInPlace()
    {
        WriteText("A=old-content\n");
        using var reader = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        DotEnvFile.WriteIfChanged(_path, "A=new\n", DotEnvFile.Read(_path));

        // A reader that had the file open still sees the complete old file: the new content went to another file.
        using (var old = new StreamReader(reader, Encoding.UTF8)) Assert.AreEqual("A=old-content\n", old.ReadToEnd());
        Assert.AreEqual("A=new\n", File.ReadAllText(_path));
        CollectionAssert.AreEqual(new[] { ".env.local" }, DirectoryEntries());
    }

    [TestMethod]
    public void FailedReplaceLeavesNoTempFile()
    {
        Directory.CreateDirectory(_path);

        Assert.Throws<Exception>(() => DotEnvFile.WriteIfChanged(_path, "A=1\n", original: null));

        CollectionAssert.AreEqual(new[] { ".env.local" }, DirectoryEntries());
        Assert.IsTrue(Directory.Exists(_path));
    }

    [TestMethod, OSCondition(OperatingSystems.Linux | OperatingSystems.OSX)]
    [UnsupportedOSPlatform("windows")]
    public void SymlinkIsWrittenThrough()
    {
        var real = Path.Combine(_dir, "real.env");
        File.WriteAllText(real, "A=1\n");
        File.SetUnixFileMode(real, OwnerOnly | UnixFileMode.GroupRead);
        File.CreateSymbolicLink(_path, "real.env");

        Assert.IsTrue(DotEnvFile.WriteIfChanged(_path, "A=2\n", DotEnvFile.Read(_path)));

        Assert.AreEqual("real.env", new FileInfo(_path).LinkTarget);
        Assert.AreEqual("A=2\n", File.ReadAllText(real));
        Assert.AreEqual(OwnerOnly | UnixFileMode.GroupRead, File.GetUnixFileMode(real));
        CollectionAssert.AreEqual(new[] { ".env.local", "real.env" }, DirectoryEntries());
    }

    [TestMethod, OSCondition(OperatingSystems.Linux | OperatingSystems.OSX)]
    public void DanglingSymlinkCreatesItsTarget()
    {
        var real = Path.Combine(_dir, "real.env");
        File.CreateSymbolicLink(_path, real);
        Assert.IsNull(DotEnvFile.Read(_path));

        Assert.IsTrue(DotEnvFile.WriteIfChanged(_path, "A=1\n", original: null));

        Assert.AreEqual(real, new FileInfo(_path).LinkTarget);
        Assert.AreEqual("A=1\n", File.ReadAllText(real));
    }

    [TestMethod]
    public void DocumentToStringDoesNotShowTheText() =>
        Assert.IsFalse(new DotEnvDocument("WORKOS_API_KEY=sk_live_secret", HasBom: false).ToString().Contains("sk_live"));

    private string WriteText(string text)
    {
        File.WriteAllBytes(_path, Encoding.UTF8.GetBytes(text));
        return _path;
    }
}
