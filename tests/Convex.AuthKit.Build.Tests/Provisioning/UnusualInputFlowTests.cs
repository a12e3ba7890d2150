using System.Text;
using Convex.AuthKit.Build.FileSystem;
using Convex.AuthKit.Build.Tests.Incremental;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// Whole builds against the sandbox with inputs that are not what they seem (docs/architecture.md#safety-rules): an env
/// file served as a named pipe, one in UTF-16, a plain-http WorkOS API URL.
/// </summary>
[TestClass]
public sealed class UnusualInputFlowTests
{
    [TestMethod]
    public async Task AnEnvFileThatIsANamedPipeIsNeverBlockedOnNorReplaced_Cak1015ListsTheEntriesForItsSource()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var deployment = File.ReadAllText(h.EnvFilePath);
        File.Delete(h.EnvFilePath);
        TestLockFileSystem.Run("mkfifo", h.EnvFilePath);
        h.Environment["CONVEX_DEPLOYMENT"] = deployment.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("CONVEX_DEPLOYMENT=", StringComparison.Ordinal)).Substring("CONVEX_DEPLOYMENT=".Length).Split('#')[0].Trim();

        var run = h.RunAsync();
        Assert.AreSame(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))), "the build blocked on the pipe");
        var log = await run;

        var error = log.Errors.Single();
        Assert.AreEqual("CAK1015", error.Code, log.All);
        StringAssert.Contains(error.Text, ".env.local (" + h.EnvFilePath + ") is a named pipe, not a regular file");
        StringAssert.Contains(error.Text, "Add these entries to it, or to its source: VITE_WORKOS_CLIENT_ID=client_");
        StringAssert.Contains(error.Text, "VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback");
        Assert.AreEqual(UnixFileKind.NamedPipe, Libc.LStat(h.EnvFilePath)!.Kind, "still the pipe");
        Assert.IsTrue(h.DeploymentVariables().ContainsKey("WORKOS_CLIENT_ID"), "the remote steps ran first");
    }

    [TestMethod]
    public async Task AnExampleEnvFileThatIsANamedPipeIsSkippedWithCak2114NamingIt()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var example = Path.Combine(h.AppDirectory, ".env.local.example");
        TestLockFileSystem.Run("mkfifo", example);

        var run = h.RunAsync();
        Assert.AreSame(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))), "the build blocked on the pipe");
        var log = await run;

        Assert.AreEqual(0, log.Errors.Count, log.All);
        var warning = log.Warnings.Single();
        Assert.AreEqual("CAK2114", warning.Code, log.All);
        StringAssert.StartsWith(warning.Text, example + " is a named pipe, not a regular file, so none of its values counts as a placeholder.");
        Assert.AreEqual(UnixFileKind.NamedPipe, Libc.LStat(example)!.Kind, "never replaced");
        StringAssert.Contains(h.ReadEnvFile(), "VITE_WORKOS_CLIENT_ID=client_", "the build went on");
    }

    [TestMethod]
    public async Task AUtf16EnvFileIsCak1015NotUtf8_NotANoDeploymentWarning()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var text = h.ReadEnvFile();
        File.WriteAllBytes(h.EnvFilePath, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray());
        var before = File.ReadAllBytes(h.EnvFilePath);

        var log = await h.RunAsync();

        var error = log.Errors.Single();
        Assert.AreEqual("CAK1015", error.Code, log.All);
        StringAssert.Contains(error.Text, "is not UTF-8 text");
        Assert.AreEqual(0, log.Warnings.Count, log.All);
        Assert.AreEqual(0, h.Sandbox.Requests.Count, "fails before any request");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(h.EnvFilePath));
    }

    [TestMethod]
    public async Task APlainHttpWorkOSUrlElsewhereIsRefusedBeforeAnyRequest()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        h.Environment["WORKOS_API_URL"] = "http://workos.example.test";
        var before = h.ReadEnvFile();

        var log = await h.RunAsync();

        Assert.AreEqual("CAK1017", log.Errors.Single().Code, log.All);
        Assert.AreEqual(0, h.Sandbox.Requests.Count, "refused before any request");
        Assert.AreEqual(before, h.ReadEnvFile());
    }
}
