using Convex.AuthKit.Build.FileSystem;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Tests.Provisioning;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.FileSystem;

/// <summary>
/// docs/architecture.md#safety-rules through the whole flow, against the sandbox: an env file another process holds
/// is tried 5 times and then left as it was (CAK1015); a state file that cannot be written after a success is warning
/// CAK2110, never CAK1000, and the next build checks again. The waits are recorded, never slept.
/// </summary>
[TestClass]
public sealed class FileSafetyFlowTests
{
    private static readonly TimeSpan[] AllWaits = { TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800) };

    [TestMethod]
    public async Task AnEnvFileHeldByAnotherProcessFailsWithCAK1015AfterFiveAttemptsAndIsLeftAsItWas()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var original = File.ReadAllBytes(h.EnvFilePath);
        var waits = new List<TimeSpan>();
        var files = new FaultyFileOperations(WindowsFault.SharingViolation) { Applies = path => path == h.EnvFilePath };

        RecordingLogSink log;
        using (AtomicReplace.Use(new AtomicReplace(files, ReplaceMethod.MoveOverwrite, (delay, _) => waits.Add(delay))))
            log = await h.RunAsync();

        var error = log.Errors.Single();
        Assert.AreEqual("CAK1015", error.Code, log.All);
        StringAssert.Contains(error.Text, h.EnvFilePath);
        StringAssert.Contains(error.Text, "5 times");
        Assert.AreEqual(5, files.Attempts);
        CollectionAssert.AreEqual(AllWaits, waits);
        CollectionAssert.AreEqual(original, File.ReadAllBytes(h.EnvFilePath), "the env file is untouched");
        CollectionAssert.AreEqual(new[] { ".env.local" }, TempAndEnvFiles(h), "no temp file is left");
        Assert.IsFalse(File.Exists(h.Files.StampFile), "no stamp after a failure");

        var rerun = await h.RunAsync();
        Assert.AreEqual(0, rerun.Errors.Count + rerun.Warnings.Count, rerun.All);
        FaultMatrixTests.AssertConverged(h, original, rerun.All);
    }

    [TestMethod]
    public async Task AnEnvFileReleasedWithinTheAttemptsIsWritten()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var original = File.ReadAllBytes(h.EnvFilePath);
        var waits = new List<TimeSpan>();
        var files = new FaultyFileOperations(WindowsFault.AccessDenied) { Applies = path => path == h.EnvFilePath, FailingAttempts = 2 };

        RecordingLogSink log;
        using (AtomicReplace.Use(new AtomicReplace(files, ReplaceMethod.FileReplace, (delay, _) => waits.Add(delay))))
            log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        CollectionAssert.AreEqual(AllWaits.Take(2).ToArray(), waits);
        FaultMatrixTests.AssertConverged(h, original, log.All);
    }

    [TestMethod]
    public async Task AStateFileThatCannotBeWrittenAfterASuccessIsWarningCAK2110AndTheNextBuildChecksAgain()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var original = File.ReadAllBytes(h.EnvFilePath);
        // A folder where the stamp goes: no file can take its place, on any platform.
        Directory.CreateDirectory(h.Files.StampFile);

        RecordingLogSink log;
        using (AtomicReplace.Use(new AtomicReplace(PhysicalFileOperations.Instance, ReplaceMethod.MoveOverwrite, (_, _) => { })))
            log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count, log.All);
        var warning = log.Warnings.Single();
        Assert.AreEqual("CAK2110", warning.Code, log.All);
        StringAssert.Contains(warning.Text, "the next build checks again");
        Assert.IsNotNull(h.WorkOSEnvironment(), "the provisioning itself succeeded");
        StringAssert.Contains(h.ReadEnvFile(), "VITE_WORKOS_CLIENT_ID=" + h.WorkOSEnvironment()!.ClientId);

        // Without its stamp the target runs again: it checks every input under the lock and records the success.
        Directory.Delete(h.Files.StampFile);
        var rerun = await h.RunAsync();
        Assert.AreEqual(0, rerun.Errors.Count + rerun.Warnings.Count, rerun.All);
        StringAssert.Contains(rerun.All, "up to date", "checked, nothing to do");
        FaultMatrixTests.AssertConverged(h, original, rerun.All);
    }

    [TestMethod]
    public async Task AHeldStateFileIsRetriedLikeTheEnvFile()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var waits = new List<TimeSpan>();
        var files = new FaultyFileOperations(WindowsFault.SharingViolation) { Applies = path => path == h.Files.StampFile, FailingAttempts = 4 };

        RecordingLogSink log;
        using (AtomicReplace.Use(new AtomicReplace(files, ReplaceMethod.MoveOverwrite, (delay, _) => waits.Add(delay))))
            log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        CollectionAssert.AreEqual(AllWaits, waits);
        Assert.IsNotNull(Stamp.Read(h.Files.StampFile), "the stamp was written on the fifth attempt");
    }

    [TestMethod]
    public async Task AStateFileStillHeldAfterFiveAttemptsIsWarningCAK2110()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var files = new FaultyFileOperations(WindowsFault.SharingViolation) { Applies = path => path == h.Files.ItemsFile };

        RecordingLogSink log;
        using (AtomicReplace.Use(new AtomicReplace(files, ReplaceMethod.MoveOverwrite, (_, _) => { })))
            log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count, log.All);
        Assert.AreEqual("CAK2110", log.Warnings.Single().Code, log.All);
        StringAssert.Contains(log.Warnings.Single().Text, h.Files.ItemsFile);
        Assert.IsFalse(File.Exists(h.Files.StampFile), "without its state recorded, the next build checks again");
    }

    [TestMethod]
    public async Task ThroughTheTaskAStateFileFailureIsAWarningNotCAK1000()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", loggedIn: false);
        CancellationThroughTaskTests.WireDotEnv(h);
        Directory.CreateDirectory(h.Files.StampFile);
        var engine = new FakeBuildEngine();

        bool succeeded;
        using (AtomicReplace.Use(new AtomicReplace(PhysicalFileOperations.Instance, ReplaceMethod.MoveOverwrite, (_, _) => { })))
            succeeded = CancellationThroughTaskTests.NewTask(h, engine).Execute();

        Assert.IsTrue(succeeded, engine.All);
        Assert.AreEqual(0, engine.Errors.Count, engine.All);
        Assert.AreEqual("CAK2110", engine.Warnings.Single().Code, engine.All);
        StringAssert.Contains(h.ReadEnvFile(), "VITE_WORKOS_CLIENT_ID=" + h.WorkOSEnvironment()!.ClientId);
    }

    private static string[] TempAndEnvFiles(FlowHarness h) =>
        Directory.GetFiles(h.AppDirectory, ".*").Select(Path.GetFileName).Where(n => n!.Contains(".env.local", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal).ToArray()!;
}
