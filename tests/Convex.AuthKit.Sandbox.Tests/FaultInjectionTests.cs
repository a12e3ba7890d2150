using System.Diagnostics;
using System.Globalization;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Convex.AuthKit.Sandbox.Tests.SandboxFixture;
using static Convex.AuthKit.Sandbox.Tests.SandboxHttp;

namespace Convex.AuthKit.Sandbox.Tests;

[TestClass]
public sealed class FaultInjectionTests
{
    private const string GetOrProvision = "/api/workos/get_or_provision_workos_environment";

    [TestMethod]
    public async Task StatusFaultAnswersStatusBodyAndRetryAfterForTheNextNRequestsOnly()
    {
        await using var server = await Fresh();
        server.InjectFault(new SandboxFault
        {
            Service = SandboxService.BigBrain,
            Method = "POST",
            Path = GetOrProvision,
            Count = 2,
            Status = 503,
            Body = "{\"code\":\"ServiceUnavailable\",\"message\":\"try later\"}",
            RetryAfter = "2",
        });
        for (var i = 0; i < 2; i++)
        {
            var faulted = await Post(server.BigBrainUrl, GetOrProvision, Bearer(AccessToken), new { deploymentName = Deployment, environmentType = "nonproduction" });
            Assert.AreEqual(503, faulted.Status);
            Assert.AreEqual("2", faulted.RetryAfter);
            Assert.AreEqual("ServiceUnavailable", faulted.Code);
        }
        Assert.IsEmpty(server.Snapshot().WorkosEnvironments, "a status fault replaces the handling");
        var normal = await Provision(server);
        Assert.IsTrue((bool)normal["newlyProvisioned"]!);
        var log = server.Requests;
        Assert.AreEqual(3, log.Count);
        Assert.IsTrue(log[0].Faulted && log[1].Faulted && !log[2].Faulted);
        Assert.AreEqual(503, log[0].Status);
    }

    [TestMethod]
    public async Task FaultsMatchServiceMethodAndPathExactly()
    {
        await using var server = await Fresh();
        server.InjectFault(new SandboxFault { Service = SandboxService.WorkOS, Method = "POST", Path = GetOrProvision, Status = 500 });
        server.InjectFault(new SandboxFault { Method = "GET", Path = GetOrProvision, Status = 500 });
        Assert.AreEqual(200, (await Post(server.BigBrainUrl, GetOrProvision, Bearer(AccessToken), new { deploymentName = Deployment, environmentType = "nonproduction" })).Status);
        server.InjectFault(new SandboxFault { Method = "post", Path = GetOrProvision, Status = 502, Body = "Bad Gateway" });
        var faulted = await Post(server.BigBrainUrl, GetOrProvision, Bearer(AccessToken), new { deploymentName = Deployment, environmentType = "nonproduction" });
        Assert.AreEqual(502, faulted.Status);
        Assert.AreEqual("Bad Gateway", faulted.Body);
        Assert.IsFalse(faulted.IsJson);
    }

    [TestMethod]
    public async Task DropAbortsTheConnectionWithoutAnAnswer()
    {
        await using var server = await Fresh();
        server.InjectFault(new SandboxFault { Method = "GET", Path = "/api/v1/list_environment_variables", Drop = true });
        await Assert.ThrowsAsync<HttpRequestException>(() => Get(server.DeploymentUrl, "/api/v1/list_environment_variables", ConvexKey(AdminKey)));
        Assert.AreEqual(200, (await Get(server.DeploymentUrl, "/api/v1/list_environment_variables", ConvexKey(AdminKey))).Status);
        var dropped = server.Requests[0];
        Assert.IsTrue(dropped.Dropped);
        Assert.AreEqual(0, dropped.Status);
        Assert.AreEqual(SandboxService.Deployment, dropped.Service);
    }

    [TestMethod]
    public async Task HandleFirstDropLosesTheAnswerButKeepsTheChange()
    {
        await using var server = await Fresh();
        server.InjectFault(new SandboxFault { Method = "POST", Path = GetOrProvision, Drop = true, HandleFirst = true });
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            Post(server.BigBrainUrl, GetOrProvision, Bearer(AccessToken), new { deploymentName = Deployment, environmentType = "nonproduction" }));
        Assert.HasCount(1, server.Snapshot().WorkosEnvironments);
        var retry = await Provision(server);
        Assert.IsFalse((bool)retry["newlyProvisioned"]!);
    }

    [TestMethod]
    public async Task HoldPastTheClientTimeoutLooksLikeAHang()
    {
        await using var server = await Fresh();
        server.InjectFault(new SandboxFault { Method = "POST", Path = "/user_management/redirect_uris", HoldMilliseconds = 10_000 });
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TaskCanceledException>(() =>
            Send("POST", server.WorkOSUrl, "/user_management/redirect_uris", Bearer("sk_test_x"), "{\"uri\":\"http://a\"}", impatient));
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
        await WaitUntil(() => server.Requests.Count == 1 && server.Requests[0].Ended != default);
        Assert.IsTrue(server.Requests[0].Dropped, "the sandbox gives up the held request when the client goes away");
    }

    [TestMethod]
    public async Task HoldThenAnswerNormallyOrWithTheFaultStatus()
    {
        await using var server = await Fresh();
        server.InjectFault(new SandboxFault { Method = "HEAD", Path = "/api/authorize", HoldMilliseconds = 400 });
        server.InjectFault(new SandboxFault { Method = "HEAD", Path = "/api/authorize", HoldMilliseconds = 400, Status = 429, RetryAfter = "1" });
        var watch = Stopwatch.StartNew();
        Assert.AreEqual(200, (await Send("HEAD", server.BigBrainUrl, "/api/authorize", Bearer(AccessToken))).Status);
        Assert.IsTrue(watch.ElapsedMilliseconds >= 380, watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
        var limited = await Send("HEAD", server.BigBrainUrl, "/api/authorize", Bearer(AccessToken));
        Assert.AreEqual(429, limited.Status);
        Assert.AreEqual("1", limited.RetryAfter);
        Assert.IsTrue(watch.ElapsedMilliseconds >= 780, watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public async Task LatencyIsAddedToEveryRequestButNotToControlEndpoints()
    {
        await using var server = await Fresh();
        server.Latency = TimeSpan.FromMilliseconds(300);
        var watch = Stopwatch.StartNew();
        await Get(server.DeploymentUrl, "/api/v1/list_environment_variables", ConvexKey(AdminKey));
        Assert.IsTrue(watch.ElapsedMilliseconds >= 280, watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
        var request = server.Requests.Single();
        Assert.IsTrue(request.Ended - request.Started >= TimeSpan.FromMilliseconds(280));
        watch.Restart();
        await Get(server.BigBrainUrl, "/_sandbox/requests");
        Assert.IsTrue(watch.ElapsedMilliseconds < 280, watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public async Task InvalidFaultsAreRefused()
    {
        await using var server = await Fresh();
        Assert.ThrowsExactly<ArgumentException>(() => server.InjectFault(new SandboxFault { Method = "GET", Path = "/x" }));
        Assert.ThrowsExactly<ArgumentException>(() => server.InjectFault(new SandboxFault { Method = "GET", Path = "/x", Status = 500, Count = 0 }));
        Assert.ThrowsExactly<ArgumentException>(() => server.InjectFault(new SandboxFault { Path = "/x", Status = 500 }));
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("condition not reached within 10 s");
            await Task.Delay(20);
        }
    }
}
