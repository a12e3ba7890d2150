using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>Every request says who sends it (docs/protocol.md#request-conventions), to Convex and to WorkOS alike.</summary>
[TestClass]
public sealed class UserAgentFlowTests
{
    [TestMethod]
    public async Task EveryRequestOfAFirstRunCarriesThePackagesUserAgent()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        var log = await h.RunAsync();
        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);

        var requests = h.Sandbox.Requests;
        foreach (var service in new[] { SandboxService.BigBrain, SandboxService.Deployment, SandboxService.WorkOS })
            Assert.IsTrue(requests.Any(r => r.Service == service), "the first run talks to " + service);
        var expected = "Convex.AuthKit.Build/" + ConvexClientInfo.Version + " (.NET " + Environment.Version.Major + "; MSBuild)";
        foreach (var request in requests) Assert.AreEqual(expected, request.UserAgent, request.ToString());
        foreach (var request in requests.Where(r => r.Service != SandboxService.WorkOS))
            Assert.AreEqual(ConvexClientInfo.HeaderValue, request.ConvexClient, "Convex-Client stays as it is: " + request);
    }
}
