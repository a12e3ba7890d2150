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
}
