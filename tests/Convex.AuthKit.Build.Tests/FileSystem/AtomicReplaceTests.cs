using System.Runtime.Versioning;
using System.Text;
using Convex.AuthKit.Build.FileSystem;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.FileSystem;

/// <summary>
/// docs/architecture.md#safety-rules: the env file, or its full content, survives every way Windows fails a replace,
/// with both replace methods (.NET's rename over the file, .NET Framework's File.Replace); a file held by another
/// process is tried 5 times, waiting 100, 200, 400 and 800 ms (recorded, never slept); a file is never deleted while
/// it is the only copy.
/// </summary>
[TestClass]
public sealed class AtomicReplaceTests
{
    private const string OldText = "# Deployment used by `npx convex dev`\nCONVEX_DEPLOYMENT=dev:happy-animal-123\nMY_OWN=1\n";
    private const string NewText = OldText + "\nVITE_WORKOS_CLIENT_ID=client_01\nWORKOS_COOKIE_PASSWORD=secret-password\n";
    private static readonly TimeSpan[] AllWaits = { TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800) };

    private readonly List<TimeSpan> _waits = new();
    private string _dir = null!;
    private string _target = null!;

    [TestInitialize]
    public void CreateDirectory()
    {
        _dir = Path.Combine(Path.GetTempPath(), "atomic-replace-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _target = Path.Combine(_dir, ".env.local");
        File.WriteAllText(_target, OldText);
    }

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    public static IEnumerable<object[]> EveryFaultWithEveryMethod =>
        from method in Enum.GetValues<ReplaceMethod>()
        from fault in Enum.GetValues<WindowsFault>()
        select new object[] { method.ToString(), fault };

    [TestMethod]
    [DynamicData(nameof(EveryFaultWithEveryMethod))]
    public void TheFileOrItsFullContentSurvivesAFaultOnEveryAttempt(string method, WindowsFault fault)
    {
        var files = new FaultyFileOperations(fault);

        var failure = Record(() => Replacer(files, method).Write(_target, Bytes(NewText)));

        Assert.IsTrue(File.Exists(_target), $"{fault}: the env file is gone ({failure?.Message})");
        // Either the write failed and the file is as it was, or the new content (every old line kept) took its place.
        Assert.AreEqual(failure == null ? NewText : OldText, File.ReadAllText(_target), failure?.Message);
        CollectionAssert.AreEqual(new[] { ".env.local" }, Entries(), "no temp or backup file is left beside it");
    }

    [TestMethod]
    [DataRow("MoveOverwrite", WindowsFault.SharingViolation)]
    [DataRow("FileReplace", WindowsFault.SharingViolation)]
    [DataRow("MoveOverwrite", WindowsFault.AccessDenied)]
    [DataRow("FileReplace", WindowsFault.AccessDenied)]
    [DataRow("FileReplace", WindowsFault.UnableToMoveReplacementTargetRenamed)]
    public void AFileHeldByAnotherProcessIsTriedFiveTimesThenLeftAsItWas(string method, WindowsFault fault)
    {
        var files = new FaultyFileOperations(fault);

        var failure = Record(() => Replacer(files, method).Write(_target, Bytes(NewText)));

        Assert.IsInstanceOfType<IOException>(failure);
        StringAssert.Contains(failure.Message, _target);
        StringAssert.Contains(failure.Message, "5 times");
        Assert.AreEqual(5, files.Attempts);
        CollectionAssert.AreEqual(AllWaits, _waits);
        Assert.AreEqual(OldText, File.ReadAllText(_target));
        CollectionAssert.AreEqual(new[] { ".env.local" }, Entries());
    }

    [TestMethod]
    [DataRow("MoveOverwrite", WindowsFault.SharingViolation)]
    [DataRow("FileReplace", WindowsFault.SharingViolation)]
    [DataRow("MoveOverwrite", WindowsFault.AccessDenied)]
    [DataRow("FileReplace", WindowsFault.UnableToMoveReplacementTargetRenamed)]
    public void AFileReleasedBeforeTheFifthAttemptIsReplaced(string method, WindowsFault fault)
    {
        var files = new FaultyFileOperations(fault) { FailingAttempts = 4 };

        Replacer(files, method).Write(_target, Bytes(NewText));

        Assert.AreEqual(5, files.Attempts);
        CollectionAssert.AreEqual(AllWaits, _waits);
        Assert.AreEqual(NewText, File.ReadAllText(_target));
        CollectionAssert.AreEqual(new[] { ".env.local" }, Entries());
    }

    [TestMethod]
    [DataRow("MoveOverwrite")]
    [DataRow("FileReplace")]
    public void AFullDiskIsNotRetried(string method)
    {
        var files = new FaultyFileOperations(WindowsFault.DiskFull);

        var failure = Record(() => Replacer(files, method).Write(_target, Bytes(NewText)));

        Assert.AreEqual(FaultyFileOperations.DiskFullHResult, failure?.HResult);
        Assert.AreEqual(1, files.Attempts);
        Assert.AreEqual(0, _waits.Count);
        Assert.AreEqual(OldText, File.ReadAllText(_target));
        CollectionAssert.AreEqual(new[] { ".env.local" }, Entries());
    }

    [TestMethod]
    [DataRow("MoveOverwrite")]
    [DataRow("FileReplace")]
    public void ADiskFullWhileWritingTheTempFileLeavesTheTargetUntouched(string method)
    {
        var files = new FaultyFileOperations(fault: null) { DiskFullWhileWritingTheTemp = true };

        var failure = Record(() => Replacer(files, method).Write(_target, Bytes(NewText)));

        Assert.AreEqual(FaultyFileOperations.DiskFullHResult, failure?.HResult);
        Assert.AreEqual(OldText, File.ReadAllText(_target));
        CollectionAssert.AreEqual(new[] { ".env.local" }, Entries(), "the partial temp file is removed");
    }

    [TestMethod]
    [DataRow("MoveOverwrite")]
    [DataRow("FileReplace")]
    public void TheTempFileTakesTheTargetsPlaceWhenTheTargetIsGone(string method)
    {
        // 1176 as Windows documents it without a backup path: the target no longer exists, the temp file is the only copy.
        var files = new FaultyFileOperations(WindowsFault.UnableToMoveReplacement);

        Replacer(files, method).Write(_target, Bytes(NewText));

        Assert.AreEqual(NewText, File.ReadAllText(_target));
        CollectionAssert.AreEqual(new[] { ".env.local" }, Entries());
    }

    [TestMethod]
    public void WhenNothingCanBePutBackEveryCopyIsKeptAndNamed()
    {
        // 1177: the target now has the backup's name, and renaming it back fails too.
        var files = new FaultyFileOperations(WindowsFault.UnableToMoveReplacementTargetRenamed) { MovesFail = true };

        var failure = Record(() => Replacer(files, nameof(ReplaceMethod.FileReplace)).Write(_target, Bytes(NewText)));

        Assert.IsInstanceOfType<IOException>(failure);
        Assert.IsFalse(File.Exists(_target));
        var kept = Entries();
        Assert.AreEqual(2, kept.Length, "the backup (old content) and the temp file (new content) are both kept");
        var contents = kept.Select(name => File.ReadAllText(Path.Combine(_dir, name))).OrderBy(t => t.Length).ToArray();
        CollectionAssert.AreEqual(new[] { OldText, NewText }, contents);
        foreach (var name in kept) StringAssert.Contains(failure.Message, name, "the message says where the content is");
        Assert.AreEqual(1, files.Attempts, "no further attempt once the target cannot be put back");
    }

    [TestMethod]
    [DataRow("MoveOverwrite")]
    [DataRow("FileReplace")]
    public void CancellationDuringAWaitLeavesTheFileAsItWas(string method)
    {
        using var cancellation = new CancellationTokenSource();
        var files = new FaultyFileOperations(WindowsFault.SharingViolation);
        var replace = new AtomicReplace(files, Enum.Parse<ReplaceMethod>(method), (delay, token) =>
        {
            cancellation.Cancel();
            token.ThrowIfCancellationRequested();
        });

        var failure = Record(() => replace.Write(_target, Bytes(NewText), cancellation.Token));

        Assert.IsInstanceOfType<OperationCanceledException>(failure);
        Assert.AreEqual(1, files.Attempts);
        Assert.AreEqual(OldText, File.ReadAllText(_target));
        CollectionAssert.AreEqual(new[] { ".env.local" }, Entries());
    }

    [TestMethod]
    [DataRow("MoveOverwrite")]
    [DataRow("FileReplace")]
    public void ANewFileIsCreatedWithEitherMethod(string method)
    {
        File.Delete(_target);

        Replacer(PhysicalFileOperations.Instance, method).Write(_target, Bytes(NewText));

        Assert.AreEqual(NewText, File.ReadAllText(_target));
        CollectionAssert.AreEqual(new[] { ".env.local" }, Entries());
    }

    [TestMethod, OSCondition(OperatingSystems.Linux | OperatingSystems.OSX)]
    [UnsupportedOSPlatform("windows")]
    public void TheDotNetFrameworkMethodKeepsTheModeAndLeavesNoBackup()
    {
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(_target, mode);

        Replacer(PhysicalFileOperations.Instance, nameof(ReplaceMethod.FileReplace)).Write(_target, Bytes(NewText));

        Assert.AreEqual(NewText, File.ReadAllText(_target));
        Assert.AreEqual(mode, File.GetUnixFileMode(_target));
        CollectionAssert.AreEqual(new[] { ".env.local" }, Entries());
    }

    [TestMethod]
    public void DotNetRenamesOverTheFile() => Assert.AreEqual(ReplaceMethod.MoveOverwrite, ReplaceMethods.ForThisRuntime());

    private AtomicReplace Replacer(IFileOperations files, string method) =>
        new(files, Enum.Parse<ReplaceMethod>(method), (delay, _) => _waits.Add(delay));

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private string[] Entries() => Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

    private static Exception? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
