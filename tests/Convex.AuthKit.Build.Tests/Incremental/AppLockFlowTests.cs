using System.Diagnostics;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Tests.Provisioning;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Incremental;

/// <summary>
/// docs/architecture.md#parallel-builds, through a whole build on the real lock folder: another user can neither hold
/// the lock nor leave a lock file that blocks the build (CAK1020 at once, never a wait), and two builds of one app,
/// one through a symbolic link, take turns.
/// </summary>
[TestClass]
public sealed class AppLockFlowTests
{
    [TestMethod]
    public async Task ALockFileLeftByAnotherUserIsReportedAtOnceNamingIt()
    {
        await using var h = await FlowHarness.StartAsync();
        using (await AppLock.AcquireAsync(h.AppDirectory, TimeSpan.FromSeconds(5), CancellationToken.None)) { }
        var lockFile = AppLock.PathFor(h.AppDirectory);
        TestLockFileSystem.GiveToNobody(lockFile!);

        var log = await h.RunAsync();

        Assert.AreEqual(1, log.Errors.Count, log.All);
        Assert.AreEqual("CAK1020", log.Errors[0].Code, log.All);
        StringAssert.Contains(log.Errors[0].Text, lockFile);
        StringAssert.Contains(log.Errors[0].Text, "belongs to another user (uid 65534)");
        Assert.AreEqual(0, h.Sandbox.Requests.Count, "nothing is attempted without the lock");
    }

    [TestMethod]
    public async Task AnotherUserCannotHoldTheLockTheBuildTakes()
    {
        await using var h = await FlowHarness.StartAsync();
        using (await AppLock.AcquireAsync(h.AppDirectory, TimeSpan.FromSeconds(5), CancellationToken.None)) { }
        h.Configure = s => s.TimeoutSeconds = 5;

        // nobody tries to take the very lock file the build uses, and to keep it.
        var start = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "flock", "-n", AppLock.PathFor(h.AppDirectory)!, "-c", "echo held; exec sleep 60" })
            start.ArgumentList.Add(argument);
        using var other = Process.Start(start)!;
        try
        {
            var first = await other.StandardOutput.ReadLineAsync();
            Assert.AreNotEqual("held", first, "another user took the lock file the build uses");
            await other.WaitForExitAsync();
            StringAssert.Contains(await other.StandardError.ReadToEndAsync(), "Permission denied", "the lock folder is the user's alone");

            var log = await h.RunAsync();

            Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
            Assert.IsNotNull(h.WorkOSEnvironment(), "the build provisioned");
        }
        finally
        {
            if (!other.HasExited) other.Kill(entireProcessTree: true);
        }
    }

    [TestMethod]
    public async Task TwoBuildsOfOneAppOneThroughASymlinkTakeTurns()
    {
        await using var h = await FlowHarness.StartAsync();
        var link = Path.Combine(h.Root, "..", Path.GetFileName(h.Root) + "-link");
        Directory.CreateSymbolicLink(link, h.AppDirectory);
        try
        {
            h.Configure = s =>
            {
                s.ConvexProjectDirectory = link;
                s.TimeoutSeconds = 1;
            };
            using (await AppLock.AcquireAsync(h.AppDirectory, TimeSpan.FromSeconds(5), CancellationToken.None))
            {
                var log = await h.RunAsync();

                Assert.AreEqual("CAK1016", log.Errors.Single().Code, "the build through the link waited for the lock the other build holds\n" + log.All);
                Assert.AreEqual(0, h.Sandbox.Requests.Count, log.All);
            }

            var after = await h.RunAsync();
            Assert.AreEqual(0, after.Errors.Count, after.All);
        }
        finally
        {
            Directory.Delete(link);
        }
    }
}
