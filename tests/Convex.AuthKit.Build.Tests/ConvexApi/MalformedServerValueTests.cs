using System.Net;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Tests.Http;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.ConvexApi;

/// <summary>
/// Every value of an answer that goes into a file, a header or a URL is checked for its form at the client
/// (docs/architecture.md#safety-rules): a malformed one is a malformed answer (CAK1012) naming the field, never its value.
/// </summary>
[TestClass]
public sealed class MalformedServerValueTests
{
    [TestMethod]
    [DataRow("99999999999999999999")]
    [DataRow("1e19")]
    public async Task ATeamIdOutOfRangeIsAMalformedAnswerNamingTheField(string teamId)
    {
        var client = Client(new FakeHandler().ThenRespond(HttpStatusCode.OK, "{\"hasAssociatedWorkosTeam\":true,\"teamId\":" + teamId + "}"));

        var ex = await Assert.ThrowsExactlyAsync<MalformedResponseException>(() => client.HasAssociatedWorkOSTeamAsync("happy-animal-123", CancellationToken.None));

        StringAssert.Contains(ex.Message, "field 'teamId' is not an integer");
    }

    [TestMethod]
    [DataRow("environmentId", "environment_01\\n# injected")]
    [DataRow("clientId", "client 01")]
    [DataRow("apiKey", "")]
    [DataRow("environmentName", "dev\\r\\nX-Injected: 1")]
    public async Task AnIdThatIsNotOnePrintableLineIsAMalformedAnswerNamingTheField(string field, string value)
    {
        var answer = new Dictionary<string, string>
        {
            ["environmentName"] = "happy-animal-123",
            ["clientId"] = "client_01",
            ["apiKey"] = "sk_test_01",
            ["environmentId"] = "environment_01",
        };
        var body = "{\"newlyProvisioned\":true," + string.Join(",", answer.Select(p => $"\"{p.Key}\":\"{(p.Key == field ? value : p.Value)}\"")) + "}";
        var client = Client(new FakeHandler().ThenRespond(HttpStatusCode.OK, body));

        var ex = await Assert.ThrowsExactlyAsync<MalformedResponseException>(() => client.GetOrProvisionWorkOSEnvironmentAsync("happy-animal-123", "nonproduction", CancellationToken.None));

        StringAssert.Contains(ex.Message, $"field '{field}' is not a printable single");
        Assert.IsFalse(ex.Message.Contains("injected", StringComparison.OrdinalIgnoreCase), "never the value");
    }

    private static BigBrainClient Client(FakeHandler handler) =>
        new(new ResilientHttpClient(handler, TestPolicies.Fast()), new Uri("http://127.0.0.1:8050"), FreshSecrets.AccessToken);
}
