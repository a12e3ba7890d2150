using System.IO.Compression;
using System.Net;
using System.Text;
using Convex.AuthKit.Build.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Http;

/// <summary>
/// docs/architecture.md#faults-retries-and-partial-failure: a response body is read up to 1 MiB after decompression;
/// a larger one is a malformed answer, reported at once and not retried.
/// </summary>
[TestClass]
public sealed class ResponseBodyLimitTests
{
    private static string JsonOfLength(int bytes) => "{\"a\":\"" + new string('x', bytes - 8) + "\"}";

    [TestMethod]
    public async Task ABodyOfOneMebibyteIsRead()
    {
        var json = JsonOfLength(ResilientHttpClient.MaxBodyBytes);
        Assert.AreEqual(1024 * 1024, Encoding.UTF8.GetByteCount(json));
        var handler = new FakeHandler().ThenRespond(HttpStatusCode.OK, json);
        using var client = new ResilientHttpClient(handler, TestPolicies.Recording(new List<TimeSpan>()));

        var result = await client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(), RetryMode.Idempotent, CancellationToken.None);

        Assert.AreEqual(json, result.Body);
    }

    [TestMethod]
    [DataRow(200)]
    [DataRow(503)]
    public async Task ALargerBodyIsMalformedAndNotRetried(int status)
    {
        var handler = new FakeHandler()
            .ThenRespond((HttpStatusCode)status, JsonOfLength(ResilientHttpClient.MaxBodyBytes + 1))
            .ThenRespond(HttpStatusCode.OK, "{}");
        var delays = new List<TimeSpan>();
        using var client = new ResilientHttpClient(handler, TestPolicies.Recording(delays));

        var ex = await Assert.ThrowsExactlyAsync<MalformedResponseException>(
            () => client.SendAsync(ServiceKind.Deployment, () => TestRequests.New(), RetryMode.Idempotent, CancellationToken.None));

        Assert.HasCount(1, handler.Requests, "a deterministic answer is not asked again");
        Assert.IsEmpty(delays);
        Assert.Contains("larger than 1 MiB", ex.Message);
        Assert.AreEqual(ServiceKind.Deployment, ex.Service);
    }

    [TestMethod]
    public async Task TheLimitAppliesAfterDecompression()
    {
        var inflated = Encoding.UTF8.GetBytes(JsonOfLength(2 * ResilientHttpClient.MaxBodyBytes));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(inflated);
        Assert.IsLessThan(64 * 1024, (int)compressed.Length, "small on the wire");
        using var server = LoopbackTcpServer.Answering(200, "OK", "application/json", compressed.ToArray(), "Content-Encoding: gzip");
        using var client = new ResilientHttpClient(TestPolicies.Fast());

        await Assert.ThrowsExactlyAsync<MalformedResponseException>(
            () => client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(new Uri(server.Url, "api/x")), RetryMode.Idempotent, CancellationToken.None));

        Assert.AreEqual(1, server.Connections, "not retried");
    }

    [TestMethod]
    public async Task ACompressedBodyUnderTheLimitIsReadWhole()
    {
        const string json = "{\"compressed\":\"yes\"}";
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(json));
        using var server = LoopbackTcpServer.Answering(200, "OK", "application/json; charset=utf-8", compressed.ToArray(), "Content-Encoding: gzip");
        using var client = new ResilientHttpClient(TestPolicies.Fast());

        var result = await client.SendAsync(ServiceKind.BigBrain, () => TestRequests.New(new Uri(server.Url, "api/x")), RetryMode.Idempotent, CancellationToken.None);

        Assert.AreEqual(json, result.Body);
    }
}
