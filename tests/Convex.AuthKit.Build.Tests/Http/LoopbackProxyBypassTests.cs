using System.Net;
using Convex.AuthKit.Build.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Http;

/// <summary>
/// docs/architecture.md#safety-rules: with a proxy configured (HTTP_PROXY, HTTPS_PROXY or the system's), requests to
/// loopback go direct, so plain-http credentials for a local control plane never reach the proxy. The default proxy
/// is process-wide, so these tests replace it only while nothing else runs.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class LoopbackProxyBypassTests
{
    [TestMethod]
    [DataRow("127.0.0.1")]
    [DataRow("localhost")]
    public async Task LoopbackRequestsBypassTheDefaultProxy(string host)
    {
        using var proxy = LoopbackTcpServer.Answering(502, "Bad Gateway", "text/plain", "proxied"u8.ToArray());
        using var target = LoopbackTcpServer.AnsweringJson("{\"direct\":true}");
        var url = new Uri($"http://{host}:{target.Port}/api/thing");

        await WithDefaultProxyAsync(proxy.Url, async () =>
        {
            // The setup is real: a client with the default settings does go through the proxy.
            using (var plain = new HttpClient(new HttpClientHandler()))
            {
                using var viaProxy = await plain.GetAsync(url);
                Assert.AreEqual(HttpStatusCode.BadGateway, viaProxy.StatusCode, "the stand-in proxy answered");
            }
            Assert.AreEqual(1, proxy.Connections);

            using var client = new ResilientHttpClient(TestPolicies.Fast());
            var result = await client.SendAsync(ServiceKind.Deployment, () => TestRequests.New(url), RetryMode.Idempotent, CancellationToken.None);

            Assert.AreEqual(200, result.Status);
            Assert.AreEqual("{\"direct\":true}", result.Body);
            Assert.AreEqual(1, proxy.Connections, "no request, and so no credential, reached the proxy");
            Assert.AreEqual(1, target.Connections);
        });
    }

    [TestMethod]
    public async Task OtherHostsStillUseTheProxy()
    {
        using var proxy = LoopbackTcpServer.AnsweringJson("{\"proxied\":true}");

        await WithDefaultProxyAsync(proxy.Url, async () =>
        {
            using var client = new ResilientHttpClient(TestPolicies.Fast());
            var result = await client.SendAsync(ServiceKind.WorkOS, () => TestRequests.New(new Uri("http://api.example.test/x"), withCredential: false),
                RetryMode.Idempotent, CancellationToken.None);

            Assert.AreEqual("{\"proxied\":true}", result.Body);
            Assert.AreEqual(1, proxy.Connections);
        });
    }

    private static async Task WithDefaultProxyAsync(Uri proxy, Func<Task> body)
    {
        var original = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = new FixedProxy(proxy);
        try
        {
            await body();
        }
        finally
        {
            HttpClient.DefaultProxy = original;
        }
    }

    /// <summary>Like the proxy HTTP_PROXY sets up: every destination goes through it, loopback included.</summary>
    private sealed class FixedProxy(Uri proxy) : IWebProxy
    {
        public ICredentials? Credentials { get; set; }

        public Uri GetProxy(Uri destination) => proxy;

        public bool IsBypassed(Uri host) => false;
    }
}
