using Convex.AuthKit.Build.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Config;

[TestClass]
public class TemplateResolverTests
{
    [TestMethod]
    public void EmptyBracesStayLiteral() =>
        Assert.AreEqual("a${}b-v", TemplateResolver.Resolve("a${}b-${buildEnv.X}", null, n => n == "X" ? "v" : null));

    [TestMethod]
    public void UnclosedPlaceholderStaysLiteral() =>
        Assert.AreEqual("${buildEnv.X", TemplateResolver.Resolve("${buildEnv.X", null, _ => "v"));

    [TestMethod]
    public void FirstFailingExpressionIsReported()
    {
        var e = Assert.ThrowsExactly<TemplateException>(() => TemplateResolver.Resolve("${buildEnv.A}${foo}", null, _ => null));
        Assert.AreEqual("Cannot resolve template ${buildEnv.A}: Environment variable A is not set.", e.Message);
    }

    [TestMethod]
    public void ErrorsNeverContainTheApiKey()
    {
        var provisioned = new WorkOSCredentials("client_1", "sk_test_secret", null);
        var e = Assert.ThrowsExactly<TemplateException>(() => TemplateResolver.Resolve("${authEnv.WORKOS_API_KEY}${authEnv.WORKOS_ENVIRONMENT_ID}", provisioned, _ => null));
        Assert.IsFalse(e.Message.Contains("sk_test_secret"));
        Assert.IsFalse(provisioned.ToString().Contains("sk_test_secret"));
    }

    [TestMethod]
    public void BuildEnvNamesAreDistinctInOrder() =>
        CollectionAssert.AreEqual(
            new[] { "B", "A", "" },
            TemplateResolver.BuildEnvNames("https://${buildEnv.B}/${buildEnv.A}?${buildEnv.B}${authEnv.WORKOS_CLIENT_ID}${buildEnv.}").ToArray());
}
