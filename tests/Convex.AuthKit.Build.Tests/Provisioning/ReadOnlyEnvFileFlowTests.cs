using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Convex.AuthKit.Build.FileSystem;
using Convex.AuthKit.Build.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// docs/architecture.md#safety-rules: a <c>.env.local</c> whose own mode is read-only (0444) is never rewritten, although
/// the temp-and-rename path needs only the folder's write permission, which its user has. The rule is the file's mode
/// bits, so it holds for root and for any other user; run as root, the test runs itself again as nobody (setpriv), so
/// that the real file system refuses nothing the package does not refuse itself.
/// </summary>
[TestClass]
[UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyEnvFileFlowTests
{
    private const int Nobody = 65534;
    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [TestMethod]
    public async Task AReadOnlyEnvFileInAFolderItsUserCanWriteIsLeftUntouched_Cak1015()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        File.SetUnixFileMode(h.EnvFilePath, ReadOnly);
        var before = File.ReadAllBytes(h.EnvFilePath);

        var log = await h.RunAsync();

        var error = log.Errors.Single();
        Assert.AreEqual("CAK1015", error.Code, log.All);
        StringAssert.Contains(error.Text, h.EnvFilePath);
        StringAssert.Contains(error.Text, "read-only");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(h.EnvFilePath), "untouched");
        Assert.AreEqual(ReadOnly, File.GetUnixFileMode(h.EnvFilePath), "still read-only");
        Assert.IsTrue(h.DeploymentVariables().ContainsKey("WORKOS_CLIENT_ID"), "the remote steps ran first");
    }

    [TestMethod]
    public void AsAUserOtherThanRoot_AReadOnlyEnvFileIsLeftUntouched()
    {
        if (Libc.EffectiveUserId() != 0)
        {
            // Already unprivileged (a developer's machine, or the run below): the flow test above is the check.
            AReadOnlyEnvFileInAFolderItsUserCanWriteIsLeftUntouched_Cak1015().GetAwaiter().GetResult();
            return;
        }
        if (!File.Exists("/usr/bin/setpriv") && !File.Exists("/bin/setpriv"))
            Prerequisite.Missing("setpriv (util-linux) is not installed, so this root run cannot run the test as another user.");

        var home = Path.Combine(Path.GetTempPath(), "convex-authkit-nobody-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(home);
        try
        {
            File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            // The clone may sit in a folder only root can enter (mktemp -d makes 0700 folders): nobody runs a copy of
            // the tests and the fixture, laid out as in the repository so that the harness finds them.
            var repository = Path.Combine(home, "repository");
            var tests = Path.Combine(repository, "bin");
            Directory.CreateDirectory(Path.Combine(repository, "tests", "fixtures"));
            File.WriteAllText(Path.Combine(repository, "Convex.AuthKit.Build.sln"), "");
            Incremental.TestLockFileSystem.Run("cp", "-R", AppContext.BaseDirectory, tests);
            Incremental.TestLockFileSystem.Run("cp", "-R", Harness.Repository.Fixture("vite-app"), Path.Combine(repository, "tests", "fixtures", "vite-app"));
            Incremental.TestLockFileSystem.Run("chown", "-R", $"{Nobody}:{Nobody}", home);
            var output = RunAsNobody(home, "dotnet", "test", Path.Combine(tests, Path.GetFileName(typeof(ReadOnlyEnvFileFlowTests).Assembly.Location)),
                "--filter", "FullyQualifiedName=" + typeof(ReadOnlyEnvFileFlowTests).FullName + "." + nameof(AsAUserOtherThanRoot_AReadOnlyEnvFileIsLeftUntouched),
                "--results-directory", Path.Combine(home, "results"));
            StringAssert.Matches(output, new Regex(@"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+1,"), output);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>Runs a command as nobody (no supplementary groups) with <paramref name="home"/> as its home and working folder; returns its output.</summary>
    private static string RunAsNobody(string home, params string[] command)
    {
        var start = new ProcessStartInfo("setpriv") { WorkingDirectory = home, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups" }.Concat(command)) start.ArgumentList.Add(argument);
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_CLI_HOME"] = home;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Its lock folder follows its own HOME, never root's.
        start.Environment.Remove("XDG_RUNTIME_DIR");
        start.Environment.Remove("XDG_CACHE_HOME");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the run as nobody did not finish within 2 minutes\n" + output);
        }
        return $"exit code {process.ExitCode}\n{output}\n{error.Result}";
    }
}
