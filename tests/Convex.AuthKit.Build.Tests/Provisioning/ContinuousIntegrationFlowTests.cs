using Convex.AuthKit.Build.Tests.Status;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// A CI build of a dev app without Convex credentials (README.md#ci-without-credentials): a message naming the two
/// ways out instead of warning CAK2104, so `-warnaserror` pipelines pass. A developer's machine keeps the warning.
/// </summary>
[TestClass]
public sealed class ContinuousIntegrationFlowTests
{
    [TestMethod]
    [DataRow("CI", "true")]
    [DataRow("CI", "TRUE")]
    [DataRow("CI", "1")]
    [DataRow("TF_BUILD", "True")]
    [DataRow("GITHUB_ACTIONS", "true")]
    [DataRow("property", "ContinuousIntegrationBuild")]
    public async Task InCi_NoCredentialsIsAMessageNamingTheWaysOut(string variable, string value)
    {
        await using var h = await FlowHarness.StartAsync("vite-app", loggedIn: false);
        if (variable == "property") h.Configure = s => s.ContinuousIntegrationBuild = true;
        else h.Environment[variable] = value;

        var log = await h.RunAsync();

        Assert.AreEqual(0, log.Warnings.Count + log.Errors.Count, log.All);
        var message = log.Messages.Single(m => m.Contains("CONVEX_DEPLOY_KEY", StringComparison.Ordinal));
        StringAssert.Contains(message, "ConvexAuthKitEnabled=false");
        Assert.AreEqual(0, h.Sandbox.Requests.Count);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("false")]
    [DataRow("0")]
    public async Task OnADevelopersMachine_NoCredentialsStaysWarningCak2104(string ci)
    {
        await using var h = await FlowHarness.StartAsync("vite-app", loggedIn: false);
        if (ci != "") h.Environment["CI"] = ci;

        var log = await h.RunAsync();

        Assert.AreEqual("CAK2104", log.Warnings.Single().Code, log.All);
    }

    [TestMethod]
    public async Task TheStatusForecastsTheMessageInCi()
    {
        await using var h = await FlowHarness.StartAsync("vite-app", loggedIn: false);
        h.Environment["CI"] = "true";
        var (block, _) = await StatusRun.RunAsync(h);
        StringAssert.StartsWith(block.NextBuild, "nothing: nothing provisioned, no Convex credentials in CI");
    }
}
