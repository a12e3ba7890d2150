using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// Offline (docs/architecture.md#offline): A stopped sandbox stands for a refused connection. With a matching stamp nothing happens; without
/// one the build goes on with CAK2105 when the env file already holds every entry, else it fails with CAK1014.
/// </summary>
[TestClass]
public sealed class OfflineTests
{
    private const string ClientIdLine = "VITE_WORKOS_CLIENT_ID=";

    [TestMethod]
    public async Task MatchingStampWhileOfflineDoesNothingAndSaysNothing()
    {
        await using var h = await ProvisionedAsync();
        var envFile = File.ReadAllBytes(h.EnvFilePath);
        var stamp = File.ReadAllBytes(h.Files.StampFile);
        await h.Sandbox.DisposeAsync();

        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.AreEqual(0, AboveLow(log).Length, "nothing above low importance\n" + log.All);
        Assert.IsFalse(log.All.Contains("retrying") || log.All.Contains("Could not reach"), "not one request was tried\n" + log.All);
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(h.EnvFilePath));
        CollectionAssert.AreEqual(stamp, File.ReadAllBytes(h.Files.StampFile));
    }

    [TestMethod]
    [DataRow("no stamp")]
    [DataRow("the env file changed since the stamp")]
    [DataRow("forced")]
    public async Task OfflineWithoutMatchingStampWarnsAndGoesOnWhenTheEnvFileIsComplete(string why)
    {
        await using var h = await ProvisionedAsync();
        switch (why)
        {
            case "no stamp":
                // Neither the project's stamp nor the Convex app's shared one (docs/architecture.md#parallel-builds) that another project could adopt.
                File.Delete(h.Files.StampFile);
                File.Delete(AppLock.StampPathFor(h.AppDirectory)!);
                break;
            case "forced": h.Configure += s => s.Force = true; break;
            default: File.AppendAllText(h.EnvFilePath, "MY_OWN_SETTING=1\n"); break;
        }
        var envFile = File.ReadAllBytes(h.EnvFilePath);
        var clientId = h.WorkOSEnvironment()!.ClientId;
        await h.Sandbox.DisposeAsync();

        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count, log.All);
        Assert.AreEqual(1, log.Warnings.Count, log.All);
        Assert.AreEqual("CAK2105", log.Warnings[0].Code, log.All);
        StringAssert.Contains(log.Warnings[0].Text, "Could not reach the Convex management API");
        StringAssert.Contains(log.Warnings[0].Text, "after 3 attempts");
        StringAssert.Contains(log.Warnings[0].Text, ".env.local already holds every AuthKit entry");
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(h.EnvFilePath));
        Assert.IsFalse(File.Exists(h.Files.StampFile), "offline is not success: the next build checks again");
        CollectionAssert.AreEquivalent(
            new[] { ClientIdLine + clientId, "VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback" },
            File.ReadAllLines(h.Files.ItemsFile), "the items are still produced from the env file");
    }

    [TestMethod]
    public async Task OfflineOnAFreshAppFailsWithCak1014AndWritesNothing()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        new FaultPolicy().Use(h);
        var envFile = File.ReadAllBytes(h.EnvFilePath);
        await h.Sandbox.DisposeAsync();

        var log = await h.RunAsync();
        Assert.AreEqual(1, log.Errors.Count, log.All);
        Assert.AreEqual("CAK1014", log.Errors[0].Code, log.All);
        StringAssert.Contains(log.Errors[0].Text, ".env.local still lacks VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI");
        Assert.AreEqual(0, log.Warnings.Count, log.All);
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(h.EnvFilePath));
        Assert.IsFalse(File.Exists(h.Files.StampFile));
        Assert.AreEqual(2, log.Messages.Count(m => m.Contains("retrying: POST") && m.Contains("authorize_within_current_project")),
            "a refused connection is retried like any connection failure\n" + log.All);
    }

    [TestMethod]
    public async Task OfflineWithAPartialEnvFileNamesWhatIsMissing()
    {
        await using var h = await ProvisionedAsync();
        var partial = string.Join("\n", h.ReadEnvFile().Split('\n').Where(l => !l.StartsWith("VITE_WORKOS_REDIRECT_URI=", StringComparison.Ordinal)));
        h.WriteEnvFile(partial);
        await h.Sandbox.DisposeAsync();

        var log = await h.RunAsync();
        Assert.AreEqual(1, log.Errors.Count, log.All);
        Assert.AreEqual("CAK1014", log.Errors[0].Code);
        StringAssert.Contains(log.Errors[0].Text, "still lacks VITE_WORKOS_REDIRECT_URI, so");
        Assert.IsFalse(log.Errors[0].Text.Contains("VITE_WORKOS_CLIENT_ID"), log.Errors[0].Text);
        Assert.AreEqual(partial, h.ReadEnvFile());
        Assert.IsFalse(File.Exists(h.Files.StampFile));
    }

    [TestMethod]
    public async Task UnresolvableHostCountsAsOffline()
    {
        await using var h = await ProvisionedAsync();
        File.Delete(h.Files.StampFile);
        var envFile = File.ReadAllBytes(h.EnvFilePath);
        h.Environment["CONVEX_PROVISION_HOST"] = "https://convex-authkit-test.invalid";
        h.Environment["CONVEX_OVERRIDE_ACCESS_TOKEN"] = FreshSecrets.AccessToken;
        h.Sandbox.ClearRequests();

        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count, log.All);
        Assert.AreEqual(1, log.Warnings.Count, log.All);
        Assert.AreEqual("CAK2105", log.Warnings[0].Code, log.All);
        StringAssert.Contains(log.Warnings[0].Text, "convex-authkit-test.invalid");
        Assert.AreEqual(0, h.Sandbox.Requests.Count);
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(h.EnvFilePath));
        Assert.IsFalse(File.Exists(h.Files.StampFile));
    }

    /// <summary>A vite app provisioned once (env file complete, stamp written), with the fast test policy.</summary>
    private static async Task<FlowHarness> ProvisionedAsync()
    {
        var h = await FlowHarness.StartAsync("vite-app");
        new FaultPolicy().Use(h);
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        Assert.IsTrue(File.Exists(h.Files.StampFile), log.All);
        StringAssert.Contains(h.ReadEnvFile(), ClientIdLine);
        return h;
    }

    private static string[] AboveLow(RecordingLogSink log) =>
        log.All.Split('\n').Where(l => l.StartsWith("High ", StringComparison.Ordinal) || l.StartsWith("Normal ", StringComparison.Ordinal)).ToArray();
}
