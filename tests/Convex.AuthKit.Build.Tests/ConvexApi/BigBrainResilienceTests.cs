using System.Net;
using System.Net.Sockets;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Tests.Http;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.ConvexApi;

/// <summary>The retry policy of docs/architecture.md#faults-retries-and-partial-failure seen from the sandbox's request log.</summary>
[TestClass]
public class BigBrainResilienceTests
{
    private const string Name = SandboxHarness.DeploymentName;
    private const string HasTeamPath = "/api/workos/has_associated_workos_team";
    private const string ProvisionTeamPath = "/api/workos/provision_associated_workos_team";

    [TestMethod]
    [DataRow(429)]
    [DataRow(502)]
    [DataRow(503)]
    [DataRow(504)]
    public async Task ReadsRetryTransientStatuses(int status)
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Fault(SandboxService.BigBrain, "POST", HasTeamPath, status: status, count: 2);

        var association = await h.BigBrain().HasAssociatedWorkOSTeamAsync(Name, CancellationToken.None);

        Assert.IsTrue(association.HasAssociatedWorkOSTeam);
        var attempts = h.RequestsTo(HasTeamPath);
        CollectionAssert.AreEqual(new[] { status, status, 200 }, attempts.Select(r => r.Status).ToArray());
        CollectionAssert.AreEqual(new[] { TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1) }, h.Delays);
    }

    [TestMethod]
    public async Task ThreeFailuresEndTheCallWithTheServiceError()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Fault(SandboxService.BigBrain, "POST", HasTeamPath, status: 503, count: 3, body: "{\"code\":\"ServiceUnavailable\",\"message\":\"try later\"}");

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.BigBrain().HasAssociatedWorkOSTeamAsync(Name, CancellationToken.None));

        Assert.AreEqual(503, ex.Status);
        Assert.AreEqual("ServiceUnavailable", ex.Code);
        Assert.AreEqual("try later", ex.ServiceMessage);
        Assert.HasCount(3, h.RequestsTo(HasTeamPath));
    }

    [TestMethod]
    public async Task RetryAfterFromTheServerSetsTheWait()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Fault(SandboxService.BigBrain, "POST", HasTeamPath, status: 429, retryAfter: "7");
        h.Fault(SandboxService.BigBrain, "POST", HasTeamPath, status: 503, retryAfter: "90");

        await h.BigBrain().HasAssociatedWorkOSTeamAsync(Name, CancellationToken.None);

        Assert.HasCount(3, h.RequestsTo(HasTeamPath));
        CollectionAssert.AreEqual(new[] { TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(30) }, h.Delays, "7 s as asked, then 90 s capped at 30 s");
    }

    [TestMethod]
    public async Task RetryAfterAsAnHttpDateIsHonoured()
    {
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var h = await SandboxHarness.StartAsync(configure: p => p.UtcNow = () => now);
        h.Fault(SandboxService.BigBrain, "POST", HasTeamPath, status: 503, retryAfter: now.AddSeconds(12).ToString("r"));

        await h.BigBrain().HasAssociatedWorkOSTeamAsync(Name, CancellationToken.None);

        CollectionAssert.AreEqual(new[] { TimeSpan.FromSeconds(12) }, h.Delays);
    }

    [TestMethod]
    public async Task ADroppedConnectionIsRetriedForReads()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Fault(SandboxService.BigBrain, "GET", "/api/workos/available_workos_team_emails", drop: true);

        var found = await h.BigBrain().AvailableWorkOSTeamEmailsAsync(CancellationToken.None);

        Assert.IsNotNull(found);
        var attempts = h.RequestsTo("/api/workos/available_workos_team_emails");
        Assert.HasCount(2, attempts);
        Assert.IsTrue(attempts[0].Dropped);
    }

    [TestMethod]
    public async Task GetOrProvisionRetriesAndStaysIdempotentWhenAnAnswerIsLost()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Fault(SandboxService.BigBrain, "POST", "/api/workos/get_or_provision_workos_environment", drop: true, handleFirst: true);

        var environment = await h.BigBrain().GetOrProvisionWorkOSEnvironmentAsync(Name, "nonproduction", CancellationToken.None);

        Assert.IsFalse(environment.NewlyProvisioned, "the lost first answer created it");
        var state = h.Server.Snapshot();
        Assert.AreEqual(1, state.Counters.EnvironmentsProvisioned);
        Assert.AreEqual(2, state.Counters.GetOrProvisionCalls);
    }

    [TestMethod]
    [DataRow(429)]
    [DataRow(503)]
    public async Task TeamProvisioningRetriesOnlyWhenThrottled(int status)
    {
        await using var h = await SandboxHarness.StartAsync(SandboxScenario.Fresh(Name, teamHasWorkOS: false));
        h.Fault(SandboxService.BigBrain, "POST", ProvisionTeamPath, status: status);

        var team = await h.BigBrain().ProvisionAssociatedWorkOSTeamAsync(1, "dev@example.com", CancellationToken.None);

        Assert.AreEqual("dev@example.com", team.AdminEmail);
        Assert.HasCount(2, h.RequestsTo(ProvisionTeamPath));
    }

    [TestMethod]
    [DataRow(502)]
    [DataRow(504)]
    public async Task TeamProvisioningIsNotRetriedOnGatewayErrors(int status)
    {
        await using var h = await SandboxHarness.StartAsync(SandboxScenario.Fresh(Name, teamHasWorkOS: false));
        h.Fault(SandboxService.BigBrain, "POST", ProvisionTeamPath, status: status);

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.BigBrain().ProvisionAssociatedWorkOSTeamAsync(1, "dev@example.com", CancellationToken.None));

        Assert.AreEqual(status, ex.Status);
        Assert.IsNull(ex.Code);
        Assert.HasCount(1, h.RequestsTo(ProvisionTeamPath));
    }

    [TestMethod]
    public async Task TeamProvisioningIsNotRetriedWhenTheConnectionDrops()
    {
        await using var h = await SandboxHarness.StartAsync(SandboxScenario.Fresh(Name, teamHasWorkOS: false));
        h.Fault(SandboxService.BigBrain, "POST", ProvisionTeamPath, drop: true, handleFirst: true);

        var ex = await Assert.ThrowsExactlyAsync<ServiceUnreachableException>(() => h.BigBrain().ProvisionAssociatedWorkOSTeamAsync(1, "dev@example.com", CancellationToken.None));

        Assert.AreEqual(UnreachableReason.ConnectionFailed, ex.Reason);
        Assert.HasCount(1, h.RequestsTo(ProvisionTeamPath));
        Assert.AreEqual(1, h.Server.Snapshot().Counters.WorkOSTeamsProvisioned);
    }

    [TestMethod]
    public async Task ASlowServerTimesOutOnEveryAttempt()
    {
        await using var h = await SandboxHarness.StartAsync(configure: p => p.RequestTimeout = TimeSpan.FromMilliseconds(300));
        h.Fault(SandboxService.BigBrain, "POST", HasTeamPath, holdMilliseconds: 10_000, count: 3);

        var ex = await Assert.ThrowsExactlyAsync<ServiceUnreachableException>(() => h.BigBrain().HasAssociatedWorkOSTeamAsync(Name, CancellationToken.None));

        Assert.AreEqual(UnreachableReason.TimedOut, ex.Reason);
        Assert.AreEqual(3, ex.Attempts);
        await WaitForLogAsync(h, HasTeamPath, 3);
        Assert.IsTrue(h.RequestsTo(HasTeamPath).All(r => r.Dropped), "the client gave up on each attempt");
        SandboxHarness.AssertNoSecret(ex.ToString());
    }

    [TestMethod]
    public async Task ATimeoutFollowedByAnAnswerSucceeds()
    {
        // The answer to the retry must come within the timeout too, even on a machine busy with other tests.
        await using var h = await SandboxHarness.StartAsync(configure: p => p.RequestTimeout = TimeSpan.FromSeconds(2));
        h.Fault(SandboxService.BigBrain, "POST", HasTeamPath, holdMilliseconds: 10_000);

        var association = await h.BigBrain().HasAssociatedWorkOSTeamAsync(Name, CancellationToken.None);

        Assert.IsTrue(association.HasAssociatedWorkOSTeam);
        Assert.HasCount(2, h.RequestsTo(HasTeamPath));
    }

    [TestMethod]
    public async Task CancellationAbandonsTheRequestAtOnce()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Server.Latency = TimeSpan.FromSeconds(30);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var started = DateTime.UtcNow;
        await Assert.ThrowsAsync<OperationCanceledException>(() => h.BigBrain().HasAssociatedWorkOSTeamAsync(Name, cts.Token));

        Assert.IsLessThan(TimeSpan.FromSeconds(10), DateTime.UtcNow - started);
        await WaitForLogAsync(h, HasTeamPath, 1);
        Assert.HasCount(1, h.RequestsTo(HasTeamPath), "no retry after cancellation");
    }

    [TestMethod]
    public async Task PlainHttpToANonLoopbackHostIsRefusedBeforeSending()
    {
        var handler = new FakeHandler();
        using var http = new ResilientHttpClient(handler, TestPolicies.Fast());
        var client = new BigBrainClient(http, new Uri("http://convex-provision.example.test:8050"), FreshSecrets.AccessToken);

        var ex = await Assert.ThrowsExactlyAsync<InsecureTransportException>(() => client.HasAssociatedWorkOSTeamAsync(Name, CancellationToken.None));

        Assert.AreEqual(ServiceKind.BigBrain, ex.Service);
        Assert.IsEmpty(handler.Requests, "refused before sending");
        SandboxHarness.AssertNoSecret(ex.ToString());
    }

    [TestMethod]
    public async Task ARefusedConnectionIsReportedAsUnreachableAfterRetries()
    {
        await using var h = await SandboxHarness.StartAsync();
        var client = new BigBrainClient(h.Http, new Uri("http://127.0.0.1:" + UnusedPort()), FreshSecrets.AccessToken);

        var ex = await Assert.ThrowsExactlyAsync<ServiceUnreachableException>(() => client.HasAssociatedWorkOSTeamAsync(Name, CancellationToken.None));

        Assert.AreEqual(UnreachableReason.ConnectionFailed, ex.Reason);
        Assert.AreEqual(3, ex.Attempts);
        Assert.AreEqual(ServiceKind.BigBrain, ex.Service);
        SandboxHarness.AssertNoSecret(ex.ToString());
    }

    /// <summary>The sandbox logs an abandoned request when its hold ends; wait for that, briefly.</summary>
    internal static async Task WaitForLogAsync(SandboxHarness h, string path, int count)
    {
        for (var i = 0; i < 100 && h.RequestsTo(path).Count(r => r.Ended != default) < count; i++)
        {
            await Task.Delay(50);
        }
    }

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
