using Convex.AuthKit.Build.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Http;

[TestClass]
public class HttpResultTests
{
    [TestMethod]
    public void ToStringLeavesOutTheBodyAndHeaders()
    {
        var result = new HttpResult("POST", new Uri("https://user:hunter2@api.example.test/api/x"), 200, "OK",
            "{\"adminKey\":\"dev:happy-animal-123|secret_admin_key\"}",
            new Dictionary<string, string> { ["Set-Cookie"] = "session=secret_cookie" }, 1);

        var text = result.ToString();

        Assert.AreEqual("POST https://api.example.test/api/x 200 OK", text);
        Assert.DoesNotContain("secret_admin_key", text);
        Assert.DoesNotContain("secret_cookie", text);
        Assert.DoesNotContain("hunter2", text);
    }
}
