using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Tests.ConvexApi;
using Convex.AuthKit.Build.Tests.Http;
using Convex.AuthKit.Build.WorkOS;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.WorkOS;

/// <summary>The three WorkOS calls against the sandbox over loopback.</summary>
[TestClass]
public class WorkOSClientTests
{
    private const string RedirectPath = "/user_management/redirect_uris";
    private const string CorsPath = "/user_management/cors_origins";
    private const string HomepagePath = "/user_management/app_homepage_url";

    private static SandboxWorkOSEnvironment Environment(SandboxHarness h) => h.Server.Snapshot().WorkosEnvironments.Single();

    private static WorkOSSetting RedirectUri(string uri) => new(WorkOSSettingKind.RedirectUri, uri);

    private static WorkOSSetting CorsOrigin(string origin) => new(WorkOSSettingKind.CorsOrigin, origin);

    private static WorkOSSetting Homepage(string url) => new(WorkOSSettingKind.AppHomepageUrl, url);

    [TestMethod]
    public async Task ARedirectUriIsAddedOnceThenReportedAsPresent()
    {
        await using var h = await SandboxHarness.StartAsync(SandboxHarness.WithWorkOSEnvironment());
        var client = h.WorkOS();

        Assert.AreEqual(WorkOSChangeResult.Changed, await client.ApplyAsync(RedirectUri("http://localhost:5173/callback"), CancellationToken.None));
        Assert.AreEqual(WorkOSChangeResult.AlreadyPresent, await client.ApplyAsync(RedirectUri("http://localhost:5173/callback"), CancellationToken.None));

        CollectionAssert.AreEqual(new[] { "http://localhost:5173/callback" }, Environment(h).RedirectUris);
        var requests = h.RequestsTo(RedirectPath);
        CollectionAssert.AreEqual(new[] { 201, 422 }, requests.Select(r => r.Status).ToArray());
        Assert.AreEqual("{\"uri\":\"http://localhost:5173/callback\"}", requests[0].RequestBody);
        Assert.AreEqual("Bearer", requests[0].AuthScheme);
        Assert.AreEqual(SandboxAuthKind.WorkOSApiKey, requests[0].AuthKind);
        Assert.AreEqual("application/json", requests[0].ContentType);
        Assert.IsNull(requests[0].ConvexClient, "WorkOS calls carry no Convex-Client header");
    }

    [TestMethod]
    [DataRow(409)]
    [DataRow(422)]
    public async Task ACorsOriginDuplicateIsRecognisedWithEitherStatus(int duplicateStatus)
    {
        var scenario = SandboxHarness.WithWorkOSEnvironment();
        scenario.Workos.CorsDuplicateStatus = duplicateStatus;
        await using var h = await SandboxHarness.StartAsync(scenario);
        var client = h.WorkOS();

        Assert.AreEqual(WorkOSChangeResult.Changed, await client.ApplyAsync(CorsOrigin("http://localhost:5173"), CancellationToken.None));
        Assert.AreEqual(WorkOSChangeResult.AlreadyPresent, await client.ApplyAsync(CorsOrigin("http://localhost:5173"), CancellationToken.None));

        CollectionAssert.AreEqual(new[] { "http://localhost:5173" }, Environment(h).CorsOrigins);
        var requests = h.RequestsTo(CorsPath);
        Assert.AreEqual(duplicateStatus, requests[1].Status);
        Assert.AreEqual("{\"origin\":\"http://localhost:5173\"}", requests[0].RequestBody);
    }

    [TestMethod]
    [DataRow(409, "{\"code\":\"duplicate_redirect_uri\"}")]
    [DataRow(422, "{\"message\":\"Redirect URI already exists\"}")]
    public async Task ARedirectUriDuplicateIsRecognisedWithEitherStatus(int status, string body)
    {
        await using var h = await SandboxHarness.StartAsync(SandboxHarness.WithWorkOSEnvironment());
        h.Fault(SandboxService.WorkOS, "POST", RedirectPath, status: status, body: body);

        Assert.AreEqual(WorkOSChangeResult.AlreadyPresent, await h.WorkOS().ApplyAsync(RedirectUri("http://localhost:3000/callback"), CancellationToken.None));
    }

    [TestMethod]
    public async Task TheHomepageIsSetOrNotAccepted()
    {
        await using (var h = await SandboxHarness.StartAsync(SandboxHarness.WithWorkOSEnvironment()))
        {
            Assert.AreEqual(WorkOSChangeResult.Changed, await h.WorkOS().ApplyAsync(Homepage("http://localhost:5173"), CancellationToken.None));
            Assert.AreEqual("http://localhost:5173", Environment(h).HomepageUrl);
            var request = h.RequestsTo(HomepagePath).Single();
            Assert.AreEqual("PUT", request.Method);
            Assert.AreEqual("{\"url\":\"http://localhost:5173\"}", request.RequestBody);
        }

        var scenario = SandboxHarness.WithWorkOSEnvironment();
        scenario.Workos.HomepageRejectsLocalhost = true;
        await using (var h = await SandboxHarness.StartAsync(scenario))
        {
            Assert.AreEqual(WorkOSChangeResult.NotAccepted, await h.WorkOS().ApplyAsync(Homepage("http://localhost:5173"), CancellationToken.None));
            Assert.IsNull(Environment(h).HomepageUrl);
        }
    }

    [TestMethod]
    public async Task AValidationErrorIsNotADuplicate()
    {
        await using var h = await SandboxHarness.StartAsync(SandboxHarness.WithWorkOSEnvironment());

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.WorkOS().ApplyAsync(CorsOrigin("http://localhost:5173/path/"), CancellationToken.None));

        Assert.AreEqual(422, ex.Status);
        Assert.AreEqual("unprocessable_entity", ex.Code);
        Assert.AreEqual("Validation failed", ex.ServiceMessage);
        Assert.AreEqual(ServiceKind.WorkOS, ex.Service);
    }

    [TestMethod]
    public async Task AnUnknownApiKeyIsUnauthorizedAndNotLeaked()
    {
        await using var h = await SandboxHarness.StartAsync(SandboxHarness.WithWorkOSEnvironment());

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.WorkOS("sk_test_unknown_key_77").ApplyAsync(RedirectUri("http://localhost:5173/callback"), CancellationToken.None));

        Assert.AreEqual(401, ex.Status);
        Assert.AreEqual("unauthorized", ex.Code);
        Assert.DoesNotContain("sk_test_unknown_key_77", ex.ToString());
    }

    [TestMethod]
    public async Task TransientFailuresAreRetriedAndALostAnswerEndsAsPresent()
    {
        await using var h = await SandboxHarness.StartAsync(SandboxHarness.WithWorkOSEnvironment());
        h.Fault(SandboxService.WorkOS, "POST", RedirectPath, status: 503, retryAfter: "2");
        h.Fault(SandboxService.WorkOS, "POST", RedirectPath, drop: true, handleFirst: true);

        var result = await h.WorkOS().ApplyAsync(RedirectUri("http://localhost:5173/callback"), CancellationToken.None);

        Assert.AreEqual(WorkOSChangeResult.AlreadyPresent, result, "the dropped attempt had added it");
        CollectionAssert.AreEqual(new[] { 503, 0, 422 }, h.RequestsTo(RedirectPath).Select(r => r.Status).ToArray());
        Assert.AreEqual(TimeSpan.FromSeconds(2), h.Delays[0]);
        CollectionAssert.AreEqual(new[] { "http://localhost:5173/callback" }, Environment(h).RedirectUris);
    }

    [TestMethod]
    public async Task ServerErrorsAfterAllAttemptsAreReported()
    {
        await using var h = await SandboxHarness.StartAsync(SandboxHarness.WithWorkOSEnvironment());
        h.Fault(SandboxService.WorkOS, "PUT", HomepagePath, status: 502, count: 3, body: "<html>Bad Gateway</html>");

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.WorkOS().ApplyAsync(Homepage("http://localhost:5173"), CancellationToken.None));

        Assert.AreEqual(502, ex.Status);
        Assert.IsNull(ex.Code);
        Assert.HasCount(3, h.RequestsTo(HomepagePath));
    }

    [TestMethod]
    public async Task ATimeoutIsReportedAsUnreachable()
    {
        await using var h = await SandboxHarness.StartAsync(SandboxHarness.WithWorkOSEnvironment(), p => p.RequestTimeout = TimeSpan.FromMilliseconds(300));
        h.Fault(SandboxService.WorkOS, "POST", CorsPath, holdMilliseconds: 10_000, count: 3);

        var ex = await Assert.ThrowsExactlyAsync<ServiceUnreachableException>(() => h.WorkOS().ApplyAsync(CorsOrigin("http://localhost:5173"), CancellationToken.None));

        Assert.AreEqual(UnreachableReason.TimedOut, ex.Reason);
        Assert.AreEqual(ServiceKind.WorkOS, ex.Service);
        Assert.AreEqual(3, ex.Attempts);
    }

    [TestMethod]
    public async Task CancellationStopsTheCall()
    {
        await using var h = await SandboxHarness.StartAsync(SandboxHarness.WithWorkOSEnvironment());
        h.Server.Latency = TimeSpan.FromSeconds(30);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<OperationCanceledException>(() => h.WorkOS().ApplyAsync(CorsOrigin("http://localhost:5173"), cts.Token));

        await BigBrainResilienceTests.WaitForLogAsync(h, CorsPath, 1);
        Assert.HasCount(1, h.RequestsTo(CorsPath), "no retry after cancellation");
    }

    [TestMethod]
    public async Task PlainHttpToANonLoopbackWorkOSIsRefused()
    {
        var handler = new FakeHandler();
        using var http = new ResilientHttpClient(handler, TestPolicies.Fast());
        var client = new WorkOSClient(http, new Uri("http://api.workos.example.test"), SandboxHarness.WorkOSApiKey);

        var ex = await Assert.ThrowsExactlyAsync<InsecureTransportException>(() => client.ApplyAsync(RedirectUri("http://localhost:5173/callback"), CancellationToken.None));

        Assert.AreEqual(ServiceKind.WorkOS, ex.Service);
        Assert.IsEmpty(handler.Requests, "refused before sending");
        SandboxHarness.AssertNoSecret(ex.ToString());
    }
}
