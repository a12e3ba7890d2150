using System.Net;
using Convex.AuthKit.Build.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Http;

[TestClass]
public class ResilientHttpClientTransportRuleTests
{
    private readonly List<TimeSpan> _delays = new();

    private ResilientHttpClient Client(FakeHandler handler) => new(handler, TestPolicies.Recording(_delays));

    [TestMethod]
    [DataRow("http://api.example.test/x")]
    [DataRow("http://10.0.0.1/x")]
    [DataRow("http://127.0.0.1.example.test/x")]
    [DataRow("http://[2001:db8::1]/x")]
    [DataRow("http://localhost./x")]
    [DataRow("http://localhost.:3210/x")]
    [DataRow("http://127.0.0.1.:3210/x")]
    [DataRow("ftp://127.0.0.1/x")]
    public async Task CredentialsAreRefusedOverPlainHttpToOtherHosts(string url)
    {
        var handler = new FakeHandler();
        using var client = Client(handler);

        var ex = await Assert.ThrowsExactlyAsync<InsecureTransportException>(
            () => client.SendAsync(ServiceKind.WorkOS, () => TestRequests.New(new Uri(url)), RetryMode.Idempotent, CancellationToken.None));

        Assert.IsEmpty(handler.Requests, "nothing may be sent");
        Assert.DoesNotContain("secret-token", ex.Message);
        Assert.AreEqual(ServiceKind.WorkOS, ex.Service);
    }

    [TestMethod]
    [DataRow("https://api.example.test/x")]
    [DataRow("http://127.0.0.1:8080/x")]
    [DataRow("http://127.45.6.7/x")]
    [DataRow("http://localhost:3000/x")]
    [DataRow("http://LOCALHOST/x")]
    [DataRow("http://[::1]:9000/x")]
    [DataRow("http://[::ffff:127.0.0.1]/x")]
    public async Task CredentialsMayGoOverHttpsOrToLoopback(string url)
    {
        var handler = new FakeHandler().ThenRespond(HttpStatusCode.OK, "{}");
        using var client = Client(handler);

        var result = await client.SendAsync(ServiceKind.WorkOS, () => TestRequests.New(new Uri(url)), RetryMode.Idempotent, CancellationToken.None);

        Assert.AreEqual(200, result.Status);
    }

    [TestMethod]
    public async Task ARequestWithoutCredentialMayUsePlainHttp()
    {
        var handler = new FakeHandler().ThenRespond(HttpStatusCode.OK, "{}");
        using var client = Client(handler);

        var result = await client.SendAsync(ServiceKind.WorkOS, () => TestRequests.New(new Uri("http://api.example.test/x"), withCredential: false), RetryMode.Idempotent, CancellationToken.None);

        Assert.AreEqual(200, result.Status);
    }
}
