using Convex.AuthKit.Build.FileSystem;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Tests.Provisioning;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.FileSystem;

/// <summary>
/// docs/architecture.md#safety-rules: a build killed between writing a temp file and moving it leaves
/// <c>.&lt;name&gt;.&lt;12 hex digits&gt;.tmp</c> beside the env file or a state file. Under the lock, the next build
/// removes those written before it took the lock, and nothing else.
/// </summary>
[TestClass]
public sealed class LeftoverTempFilesTests
{
    private static readonly DateTime AnHourAgo = DateTime.UtcNow.AddHours(-1);

    [TestMethod]
    public void TheTempFilesAreNamedAsTheReadmeSays()
    {
        var temp = Path.GetFileName(TempFiles.NewPathBeside(Path.Combine(Path.GetTempPath(), ".env.local")));
        StringAssert.Matches(temp, new System.Text.RegularExpressions.Regex(@"^\.\.env\.local\.[0-9a-f]{12}\.tmp$"));
        Assert.IsTrue(TempFiles.IsTempFileOf(temp, ".env.local"));
    }

    [TestMethod]
    [DataRow("..env.local.0123456789ab.tmp", true)]
    [DataRow("..env.local.0123456789AB.tmp", false)]
    [DataRow("..env.local.0123456789a.tmp", false)]
    [DataRow("..env.local.0123456789abc.tmp", false)]
    [DataRow("..env.local.backup-copy1.tmp", false)]
    [DataRow(".env.local.0123456789ab.tmp", false)]
    [DataRow("..env.local.0123456789ab.bak", false)]
    [DataRow("..env.0123456789ab.tmp", false)]
    [DataRow("..env.local.local.0123456789ab.tmp", false)]
    public void OnlyItsOwnNamingPatternIsATempFile(string name, bool isTemp) =>
        Assert.AreEqual(isTemp, TempFiles.IsTempFileOf(name, ".env.local"));

    [TestMethod]
    public async Task TheNextBuildRemovesWhatAStoppedBuildLeftAndNothingElse()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        await h.RunAsync();
        Assert.IsTrue(File.Exists(h.Files.StampFile), h.Log.All);
        var obj = Path.GetDirectoryName(h.Files.StampFile)!;
        var sharedStamp = AppLock.StampPathFor(h.AppDirectory);
        var leftovers = new[]
        {
            Plant(h.AppDirectory, "..env.local.0123456789ab.tmp", AnHourAgo),
            Plant(obj, ".App.stamp.abcdef012345.tmp", AnHourAgo),
            Plant(obj, ".App.items.abcdef012346.tmp", AnHourAgo),
            Plant(obj, ".App.inputs.abcdef012347.tmp", AnHourAgo),
            Plant(Path.GetDirectoryName(sharedStamp)!, "." + Path.GetFileName(sharedStamp) + ".abcdef012349.tmp", AnHourAgo),
        };
        var others = new[]
        {
            // Written after this build took the lock: not a leftover of a stopped build.
            Plant(h.AppDirectory, "..env.local.fedcba987654.tmp", DateTime.UtcNow.AddHours(1)),
            // Not the package's naming pattern.
            Plant(h.AppDirectory, "..env.local.my-own-copy1.tmp", AnHourAgo),
            Plant(h.AppDirectory, ".env.local.0123456789ab.tmp", AnHourAgo),
            Plant(h.AppDirectory, "..env.0123456789ab.tmp", AnHourAgo),
            Plant(obj, ".Other.stamp.abcdef012345.tmp", AnHourAgo),
        };
        try
        {
            var log = await h.RunAsync();

            Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
            foreach (var leftover in leftovers) Assert.IsFalse(File.Exists(leftover), leftover + " is removed\n" + log.All);
            foreach (var other in others) Assert.IsTrue(File.Exists(other), other + " is kept\n" + log.All);
            StringAssert.Contains(log.All, "removed the temp files a stopped build left");
        }
        finally
        {
            File.Delete(leftovers[^1]);
        }
    }

    [TestMethod]
    public async Task ADryRunRemovesNothing()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var leftover = Plant(h.AppDirectory, "..env.local.0123456789ab.tmp", AnHourAgo);
        h.Configure = s => s.DryRun = true;

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.IsTrue(File.Exists(leftover), "a dry run changes nothing");
    }

    [TestMethod]
    public async Task TheLeftoversOfAMissingEnvFileAreKeptAndNamedInAWarning()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", withDeployment: false);
        var leftover = Plant(h.AppDirectory, "..env.local.0123456789ab.tmp", AnHourAgo);

        var log = await h.RunAsync();

        Assert.IsTrue(File.Exists(leftover), "it may hold the env file's only copy");
        // A warning, not a message: the default terminal logger shows only warnings and errors.
        var warning = log.Warnings.Single(w => w.Code == "CAK2115");
        StringAssert.Contains(warning.Text, leftover);
        StringAssert.Contains(warning.Text, "only copy");
    }

    private static string Plant(string directory, string name, DateTime writtenUtc)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, "WORKOS_COOKIE_PASSWORD=left-over\n");
        File.SetLastWriteTimeUtc(path, writtenUtc);
        return path;
    }
}
