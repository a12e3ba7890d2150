using Convex.AuthKit.Build.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Http;

[TestClass]
public class ServiceErrorBodyTests
{
    private static HttpResult Result(int status, string reason, string body, string url = "https://api.example.test/api/x") =>
        new("POST", new Uri(url), status, reason, body, new Dictionary<string, string>(), 1);

    [TestMethod]
    public void CodeAndMessageFollowTheCliWording()
    {
        var ex = ServiceErrorBody.ToException(ServiceKind.BigBrain, Result(403, "Forbidden", "{\"code\":\"NotAllowed\",\"message\":\"No.\"}"), Array.Empty<string>());

        Assert.AreEqual("Error fetching POST https://api.example.test/api/x 403 Forbidden: NotAllowed: No.", ex.Message);
        Assert.AreEqual("NotAllowed", ex.Code);
        Assert.AreEqual("No.", ex.ServiceMessage);
    }

    [TestMethod]
    public void OAuthStyleBodiesAreRead()
    {
        var ex = ServiceErrorBody.ToException(ServiceKind.WorkOS, Result(400, "Bad Request", "{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}"), Array.Empty<string>());

        Assert.AreEqual("invalid_grant", ex.Code);
        Assert.AreEqual("expired", ex.ServiceMessage);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("<html>502</html>")]
    [DataRow("[1,2]")]
    [DataRow("{\"code\":5}")]
    public void BodiesWithoutCodeOrMessageGiveTheBareLine(string body)
    {
        var ex = ServiceErrorBody.ToException(ServiceKind.Deployment, Result(502, "Bad Gateway", body), Array.Empty<string>());

        Assert.AreEqual("Error fetching POST https://api.example.test/api/x 502 Bad Gateway", ex.Message);
        Assert.IsNull(ex.Code);
        Assert.IsNull(ex.ServiceMessage);
    }

    [TestMethod]
    public void KnownSecretsAndUserInfoNeverReachTheMessage()
    {
        var ex = ServiceErrorBody.ToException(
            ServiceKind.BigBrain,
            Result(401, "Unauthorized", "{\"code\":\"BadAuthToken\",\"message\":\"token tok_123 is invalid\"}", "https://user:hunter2@api.example.test/api/x"),
            new[] { "tok_123", null, "" });

        Assert.AreEqual("token *** is invalid", ex.ServiceMessage);
        Assert.DoesNotContain("tok_123", ex.ToString());
        Assert.DoesNotContain("hunter2", ex.Message);
    }

    [TestMethod]
    [DataRow("Admin key 01f3a9c2e4b5d6f708192a3b4c5d6e7f8091a2b3c4d5 is invalid", "Admin key *** is invalid")]
    [DataRow("bad key dev%3Ahappy-animal-123%7C01f3a9c2e4b5d6f708192a3b4c5d6e7f8091a2b3c4d5", "bad key ***")]
    [DataRow("bad key dev%3ahappy-animal-123%7c01f3a9c2e4b5d6f708192a3b4c5d6e7f8091a2b3c4d5", "bad key ***")]
    [DataRow("bad key dev:happy-animal-123|01f3a9c2e4b5d6f708192a3b4c5d6e7f8091a2b3c4d5!", "bad key ***!")]
    public void TheAdminKeyIsRedactedInEveryFormAServiceEchoes(string message, string redacted)
    {
        const string AdminKey = "dev:happy-animal-123|01f3a9c2e4b5d6f708192a3b4c5d6e7f8091a2b3c4d5";
        var body = Newtonsoft.Json.JsonConvert.SerializeObject(new { code = "BadAdminKey", message });

        var ex = ServiceErrorBody.ToException(ServiceKind.Deployment, Result(401, "Unauthorized", body), new[] { AdminKey });

        Assert.AreEqual(redacted, ex.ServiceMessage);
    }

    [TestMethod]
    public void ADeployKeysKeyPartAndAJsonEscapedTokenAreRedacted()
    {
        const string DeployKey = "prod:happy-animal-123|eyJ2MiI6IjAxZjNhOWMyZTRiNWQ2ZjcwODE5MmEzYjRjNWQ2ZTdmIn0=";
        const string Token = "tok/en+with\\slash\"quote0123456789";

        var text = ServiceErrorBody.Redact(
            "key eyJ2MiI6IjAxZjNhOWMyZTRiNWQ2ZjcwODE5MmEzYjRjNWQ2ZTdmIn0= and token tok/en+with\\\\slash\\\"quote0123456789",
            new[] { DeployKey, Token });

        Assert.AreEqual("key *** and token ***", text);
    }

    [TestMethod]
    public void AShortPartAfterABarIsNoKeyAndStays()
    {
        Assert.AreEqual("a|b is fine, *** is not", ServiceErrorBody.Redact("a|b is fine, x|b is not", new[] { "x|b" }));
    }
}
