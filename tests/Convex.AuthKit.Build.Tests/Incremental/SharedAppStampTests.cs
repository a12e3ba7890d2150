using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Tests.Provisioning;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Incremental;

/// <summary>
/// docs/architecture.md#parallel-builds: projects that share one Convex app take turns; once one succeeded with the same inputs, the next one in
/// line records that success as its own, items included, without a request. Anything else still checks.
/// </summary>
[TestClass]
public sealed class SharedAppStampTests
{
    private static async Task<FlowHarness> StartAsync()
    {
        var harness = await FlowHarness.StartAsync("shared-app");
        harness.ProjectDirectory = Path.Combine(harness.Root, "Api");
        await harness.RunAsync();
        Assert.IsNotNull(harness.WorkOSEnvironment(), harness.Log.All);
        return harness;
    }

    [TestMethod]
    public async Task TheNextProjectOfTheAppAdoptsTheSuccessWithoutARequest()
    {
        await using var harness = await StartAsync();
        var apiItems = File.ReadAllText(harness.Files.ItemsFile);
        StringAssert.Contains(apiItems, "VITE_WORKOS_CLIENT_ID=" + harness.WorkOSEnvironment()!.ClientId);

        harness.ProjectDirectory = Path.Combine(harness.Root, "Web");
        harness.Sandbox.ClearRequests();
        await harness.RunAsync();
        Assert.AreEqual(0, harness.Sandbox.Requests.Count, harness.Log.All);
        Assert.AreEqual(apiItems, File.ReadAllText(harness.Files.ItemsFile), "the items are the first project's");
        var stamp = Stamp.Read(harness.Files.StampFile)!;
        Assert.AreEqual(InputsFingerprint.Collect(harness.Settings(), stamp).FingerprintWithContents(), stamp.Fingerprint, "Web's own stamp is current");
    }

    [TestMethod]
    public async Task DifferentSettingsOrForceStillCheck()
    {
        await using var harness = await StartAsync();
        harness.ProjectDirectory = Path.Combine(harness.Root, "Web");
        harness.Configure = s => s.DevOrigin = "http://localhost:5173";
        harness.Sandbox.ClearRequests();
        await harness.RunAsync();
        Assert.IsTrue(harness.Sandbox.Requests.Count > 0, "another setting: the deployment is checked");

        harness.ProjectDirectory = Path.Combine(harness.Root, "Worker");
        harness.Configure = s => s.Force = true;
        harness.Sandbox.ClearRequests();
        await harness.RunAsync();
        Assert.IsTrue(harness.Sandbox.Requests.Count > 0, "Force always checks");
    }

    [TestMethod]
    public async Task AChangedInputIsNotCoveredByTheSharedStamp()
    {
        await using var harness = await StartAsync();
        harness.WriteEnvFile(harness.ReadEnvFile() + "MY_OWN_SETTING=1\n");
        harness.ProjectDirectory = Path.Combine(harness.Root, "Web");
        harness.Sandbox.ClearRequests();
        await harness.RunAsync();
        Assert.IsTrue(harness.Sandbox.Requests.Any(r => r.Path.EndsWith("/authorize_within_current_project", StringComparison.Ordinal)));
    }
}
