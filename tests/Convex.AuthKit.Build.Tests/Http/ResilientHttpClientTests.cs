using System.Globalization;
using System.Net;
using Convex.AuthKit.Build.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Http;

[TestClass]
public class ResilientHttpClientTests
{
    private readonly List<TimeSpan> _delays = new();

    private ResilientHttpClient Client(FakeHandler handler, HttpPolicy? policy = null) =>
        new(handler, policy ?? TestPolicies.Recording(_delays));

    [TestMethod]
    public async Task SuccessIsReturnedAfterOneAttemptWithBodyAndHeaders()
    {
        var handler = new FakeHandler().ThenRespond(HttpStatusCode.OK, "{\"a\":1}", r => r.Headers.Add("X-Request-ID", "req_1"));
        using var client = Client(handler);

        var result = await client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(), RetryMode.Idempotent, CancellationToken.None);

        Assert.AreEqual(200, result.Status);
        Assert.AreEqual("{\"a\":1}", result.Body);
        Assert.AreEqual("req_1", result.Headers["x-request-id"]);
        Assert.StartsWith("application/json", result.Headers["Content-Type"]);
        Assert.AreEqual(1, result.Attempts);
        Assert.HasCount(1, handler.Requests);
        Assert.IsEmpty(_delays);
    }

    [TestMethod]
    [DataRow(429)]
    [DataRow(502)]
    [DataRow(503)]
    [DataRow(504)]
    public async Task IdempotentCallsRetryTransientStatuses(int status)
    {
        var handler = new FakeHandler().ThenRespond((HttpStatusCode)status).ThenRespond(HttpStatusCode.OK, "{}");
        using var client = Client(handler);
        var notices = new List<HttpRetryNotice>();
        client.Retrying = notices.Add;

        var result = await client.SendAsync(ServiceKind.Deployment, () => TestRequests.New(), RetryMode.Idempotent, CancellationToken.None);

        Assert.AreEqual(200, result.Status);
        Assert.AreEqual(2, result.Attempts);
        Assert.HasCount(2, handler.Requests);
        Assert.AreEqual("{}", handler.Requests[1].Body, "each attempt sends a fresh, complete request");
        CollectionAssert.AreEqual(new[] { TimeSpan.FromSeconds(0.5) }, _delays);
        Assert.HasCount(1, notices);
        Assert.AreEqual(1, notices[0].FailedAttempt);
        Assert.StartsWith(status.ToString(CultureInfo.InvariantCulture), notices[0].Reason);
        Assert.AreEqual(ServiceKind.Deployment, notices[0].Service);
    }

    [TestMethod]
    [DataRow(400)]
    [DataRow(401)]
    [DataRow(404)]
    [DataRow(409)]
    [DataRow(422)]
    [DataRow(500)]
    public async Task OtherStatusesAreNotRetried(int status)
    {
        var handler = new FakeHandler().ThenRespond((HttpStatusCode)status, "{\"code\":\"X\"}");
        using var client = Client(handler);

        var result = await client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(), RetryMode.Idempotent, CancellationToken.None);

        Assert.AreEqual(status, result.Status);
        Assert.HasCount(1, handler.Requests);
    }

    [TestMethod]
    public async Task ExhaustedRetriesReturnTheLastAnswerAfterThreeAttempts()
    {
        var handler = new FakeHandler()
            .ThenRespond(HttpStatusCode.ServiceUnavailable)
            .ThenRespond(HttpStatusCode.ServiceUnavailable)
            .ThenRespond(HttpStatusCode.ServiceUnavailable, "{\"code\":\"Overloaded\"}");
        using var client = Client(handler);

        var result = await client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(), RetryMode.Idempotent, CancellationToken.None);

        Assert.AreEqual(503, result.Status);
        Assert.AreEqual("{\"code\":\"Overloaded\"}", result.Body);
        Assert.AreEqual(3, result.Attempts);
        CollectionAssert.AreEqual(new[] { TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1) }, _delays);
    }

    [TestMethod]
    public async Task BackoffDoublesWithJitterAndIsCappedAtMaxDelay()
    {
        var handler = new FakeHandler();
        for (var i = 0; i < 7; i++)
        {
            handler.ThenRespond(HttpStatusCode.BadGateway);
        }

        var policy = TestPolicies.Recording(_delays, jitter: 1);
        policy.MaxAttempts = 7;
        using var client = Client(handler, policy);

        await client.SendAsync(ServiceKind.WorkOS, () => TestRequests.New(), RetryMode.Idempotent, CancellationToken.None);

        var seconds = _delays.Select(d => Math.Round(d.TotalSeconds, 3)).ToArray();
        CollectionAssert.AreEqual(new[] { 0.6, 1.2, 2.4, 4.8, 8.0, 8.0 }, seconds);
    }

    [TestMethod]
    [DataRow("5", 5.0, DisplayName = "delta seconds longer than the backoff")]
    [DataRow("120", 30.0, DisplayName = "capped at MaxRetryAfter")]
    [DataRow("0", 0.5, DisplayName = "shorter than the backoff: backoff wins")]
    [DataRow("Wed, 01 Jan 2031 00:00:12 GMT", 12.0, DisplayName = "HTTP date")]
    [DataRow("Tue, 31 Dec 2030 00:00:00 GMT", 0.5, DisplayName = "HTTP date in the past")]
    [DataRow("soon", 0.5, DisplayName = "unreadable")]
    public async Task RetryAfterIsHonoured(string retryAfter, double expectedSeconds)
    {
        var handler = new FakeHandler()
            .ThenRespond((HttpStatusCode)429, "", r => r.Headers.TryAddWithoutValidation("Retry-After", retryAfter))
            .ThenRespond(HttpStatusCode.OK, "{}");
        var policy = TestPolicies.Recording(_delays);
        policy.UtcNow = () => new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var client = Client(handler, policy);

        await client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(), RetryMode.Idempotent, CancellationToken.None);

        CollectionAssert.AreEqual(new[] { TimeSpan.FromSeconds(expectedSeconds) }, _delays);
    }

    [TestMethod]
    [DataRow(429, true)]
    [DataRow(503, true)]
    [DataRow(502, false)]
    [DataRow(504, false)]
    public async Task ThrottleOnlyRetriesJust429And503(int status, bool retried)
    {
        var handler = new FakeHandler().ThenRespond((HttpStatusCode)status).ThenRespond(HttpStatusCode.OK, "{}");
        using var client = Client(handler);

        var result = await client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(), RetryMode.ThrottleOnly, CancellationToken.None);

        Assert.AreEqual(retried ? 200 : status, result.Status);
        Assert.HasCount(retried ? 2 : 1, handler.Requests);
    }

    [TestMethod]
    public async Task NeverModeSendsOnce()
    {
        var handler = new FakeHandler().ThenRespond((HttpStatusCode)429);
        using var client = Client(handler);

        var result = await client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(), RetryMode.Never, CancellationToken.None);

        Assert.AreEqual(429, result.Status);
        Assert.HasCount(1, handler.Requests);
    }

    [TestMethod]
    public async Task ConnectionFailuresAreRetriedThenReportedAsUnreachable()
    {
        var handler = new FakeHandler()
            .ThenThrow(new HttpRequestException("Connection refused"))
            .ThenThrow(new HttpRequestException("Connection refused"))
            .ThenThrow(new HttpRequestException("Connection refused"));
        using var client = Client(handler);

        var ex = await Assert.ThrowsExactlyAsync<ServiceUnreachableException>(
            () => client.SendAsync(ServiceKind.Deployment, () => TestRequests.New(), RetryMode.Idempotent, CancellationToken.None));

        Assert.AreEqual(UnreachableReason.ConnectionFailed, ex.Reason);
        Assert.AreEqual(ServiceKind.Deployment, ex.Service);
        Assert.AreEqual(3, ex.Attempts);
        Assert.Contains("Connection refused", ex.Message);
        Assert.DoesNotContain("secret-token", ex.Message);
        Assert.HasCount(2, _delays);
    }

    [TestMethod]
    public async Task ConnectionFailureThenSuccess()
    {
        var handler = new FakeHandler().ThenThrow(new HttpRequestException("reset")).ThenRespond(HttpStatusCode.OK, "{}");
        using var client = Client(handler);

        var result = await client.SendAsync(ServiceKind.Deployment, () => TestRequests.New(), RetryMode.Idempotent, CancellationToken.None);

        Assert.AreEqual(200, result.Status);
        Assert.AreEqual(2, result.Attempts);
    }

    [TestMethod]
    [DataRow(RetryMode.ThrottleOnly)]
    [DataRow(RetryMode.Never)]
    public async Task NonIdempotentCallsDoNotRetryConnectionFailures(object retryMode)
    {
        var mode = (RetryMode)retryMode;
        var handler = new FakeHandler().ThenThrow(new HttpRequestException("Connection refused"));
        using var client = Client(handler);

        var ex = await Assert.ThrowsExactlyAsync<ServiceUnreachableException>(
            () => client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(), mode, CancellationToken.None));

        Assert.AreEqual(1, ex.Attempts);
        Assert.HasCount(1, handler.Requests);
    }

    [TestMethod]
    public async Task EachAttemptIsBoundedByTheRequestTimeout()
    {
        var handler = new FakeHandler().ThenHang().ThenHang().ThenHang();
        var policy = TestPolicies.Recording(_delays);
        policy.RequestTimeout = TimeSpan.FromMilliseconds(50);
        using var client = Client(handler, policy);

        var ex = await Assert.ThrowsExactlyAsync<ServiceUnreachableException>(
            () => client.SendAsync(ServiceKind.WorkOS, () => TestRequests.New(), RetryMode.Idempotent, CancellationToken.None));

        Assert.AreEqual(UnreachableReason.TimedOut, ex.Reason);
        Assert.AreEqual(3, ex.Attempts);
        Assert.HasCount(3, handler.Requests);
    }

    [TestMethod]
    public async Task TimeoutThenSuccess()
    {
        var handler = new FakeHandler().ThenHang().ThenRespond(HttpStatusCode.OK, "{}");
        var policy = TestPolicies.Recording(_delays);
        policy.RequestTimeout = TimeSpan.FromMilliseconds(50);
        using var client = Client(handler, policy);

        var result = await client.SendAsync(ServiceKind.WorkOS, () => TestRequests.New(), RetryMode.Idempotent, CancellationToken.None);

        Assert.AreEqual(200, result.Status);
        Assert.AreEqual(2, result.Attempts);
    }

    [TestMethod]
    public async Task TimeoutOfANonIdempotentCallIsNotRetried()
    {
        var handler = new FakeHandler().ThenHang();
        var policy = TestPolicies.Recording(_delays);
        policy.RequestTimeout = TimeSpan.FromMilliseconds(50);
        using var client = Client(handler, policy);

        var ex = await Assert.ThrowsExactlyAsync<ServiceUnreachableException>(
            () => client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(), RetryMode.ThrottleOnly, CancellationToken.None));

        Assert.AreEqual(UnreachableReason.TimedOut, ex.Reason);
        Assert.AreEqual(1, ex.Attempts);
    }

    [TestMethod]
    public async Task CancellationDuringARequestStopsAtOnceWithoutRetry()
    {
        using var cts = new CancellationTokenSource();
        var handler = new FakeHandler().Then(async (_, token) =>
        {
            cts.Cancel();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        using var client = Client(handler);

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(), RetryMode.Idempotent, cts.Token));

        Assert.HasCount(1, handler.Requests);
        Assert.IsEmpty(_delays);
    }

    [TestMethod]
    public async Task CancellationDuringTheBackoffStopsTheWait()
    {
        using var cts = new CancellationTokenSource();
        var handler = new FakeHandler().ThenRespond(HttpStatusCode.ServiceUnavailable);
        var policy = new HttpPolicy { BaseDelay = TimeSpan.FromMinutes(5) };
        using var client = new ResilientHttpClient(handler, policy);
        client.Retrying = _ => cts.CancelAfter(20);

        var started = DateTime.UtcNow;
        await Assert.ThrowsAsync<OperationCanceledException>(
            () => client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(), RetryMode.Idempotent, cts.Token));

        Assert.IsLessThan(TimeSpan.FromSeconds(30), DateTime.UtcNow - started);
        Assert.HasCount(1, handler.Requests);
    }

    [TestMethod]
    public async Task AnAlreadyCancelledTokenSendsNothing()
    {
        var handler = new FakeHandler();
        using var client = Client(handler);

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(), RetryMode.Idempotent, new CancellationToken(true)));

        Assert.IsEmpty(handler.Requests);
    }
}
