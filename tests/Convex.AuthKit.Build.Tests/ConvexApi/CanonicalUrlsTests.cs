using System.Net;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Tests.Http;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.ConvexApi;

/// <summary>The deployment's canonical URLs (against the sandbox, and answers only a fake handler gives) and the site URL of an older deployment.</summary>
[TestClass]
public class CanonicalUrlsTests
{
    private const string Path = "/api/v1/get_canonical_urls";

    [TestMethod]
    public async Task TheDeploymentsOwnSiteUrlIsRead()
    {
        await using var h = await SandboxHarness.StartAsync(SandboxScenario.Fresh(SandboxHarness.DeploymentName).WithRegionalSiteUrl("eu-west-1"));

        var urls = await h.Deployment().GetCanonicalUrlsAsync(CancellationToken.None);

        Assert.IsNotNull(urls);
        Assert.AreEqual(new Uri("https://happy-animal-123.eu-west-1.convex.site"), urls.SiteUrl);
        Assert.AreEqual(h.Server.DeploymentUrl, urls.CloudUrl);
        var request = h.Server.Requests.Single();
        Assert.AreEqual("GET " + Path, request.Method + " " + request.Path);
        Assert.AreEqual(SandboxAuthKind.AdminKey, request.AuthKind);
        Assert.AreEqual(ConvexClientInfo.HeaderValue, request.ConvexClient);
    }

    [TestMethod]
    public async Task ADeployKeyReadsThemToo()
    {
        await using var h = await SandboxHarness.StartAsync();

        var urls = await h.Deployment(FreshSecrets.DeployKey(SandboxHarness.DeploymentName)).GetCanonicalUrlsAsync(CancellationToken.None);

        Assert.AreEqual(new Uri("https://happy-animal-123.convex.site"), urls!.SiteUrl);
    }

    [TestMethod]
    public async Task AnOlderDeploymentWithoutTheRouteIsNotAvailableRatherThanAFailure()
    {
        var scenario = SandboxScenario.Fresh(SandboxHarness.DeploymentName);
        scenario.Deployments[0].LegacyApiOnly = true;
        await using var h = await SandboxHarness.StartAsync(scenario);

        Assert.IsNull(await h.Deployment().GetCanonicalUrlsAsync(CancellationToken.None));
    }

    [TestMethod]
    public async Task A404WithAConvexErrorBodyIsAFailure()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Fault(SandboxService.Deployment, "GET", Path, status: 404, body: "{\"code\":\"DeploymentNotFound\",\"message\":\"gone\"}");

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.Deployment().GetCanonicalUrlsAsync(CancellationToken.None));

        Assert.AreEqual("DeploymentNotFound", ex.Code);
    }

    [TestMethod]
    public async Task ABadKeyIs401WithoutTheKey()
    {
        await using var h = await SandboxHarness.StartAsync();

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.Deployment("happy-animal-123|not-the-key").GetCanonicalUrlsAsync(CancellationToken.None));

        Assert.AreEqual(401, ex.Status);
        Assert.DoesNotContain("not-the-key", ex.ToString());
    }

    [TestMethod]
    [DataRow("{\"convexCloudUrl\":\"https://a-b-1.convex.cloud\"}")]
    [DataRow("{\"convexCloudUrl\":\"https://a-b-1.convex.cloud\",\"convexSiteUrl\":5}")]
    [DataRow("{\"convexCloudUrl\":\"https://a-b-1.convex.cloud\",\"convexSiteUrl\":\"a-b-1.convex.site\"}")]
    [DataRow("{\"convexCloudUrl\":\"https://a-b-1.convex.cloud\",\"convexSiteUrl\":\"ftp://a-b-1.convex.site\"}")]
    [DataRow("{\"convexCloudUrl\":\"https://a-b-1.convex.cloud\",\"convexSiteUrl\":\"https://a-b-1.convex.site/x\"}")]
    [DataRow("{\"convexCloudUrl\":\"https://a-b-1.convex.cloud\",\"convexSiteUrl\":\"https://user:pw@a-b-1.convex.site\"}")]
    public async Task ASiteUrlThatIsNotAnOriginIsAMalformedAnswer(string body)
    {
        var handler = new FakeHandler().ThenRespond(HttpStatusCode.OK, body);
        using var http = new ResilientHttpClient(handler, TestPolicies.Recording(new List<TimeSpan>()));
        var client = new DeploymentClient(http, new Uri("https://a-b-1.convex.cloud"), "a-b-1|key");

        var ex = await Assert.ThrowsExactlyAsync<MalformedResponseException>(() => client.GetCanonicalUrlsAsync(CancellationToken.None));

        Assert.Contains("'convexSiteUrl'", ex.Message);
        Assert.DoesNotContain("pw@", ex.Message);
    }

    [TestMethod]
    [DataRow("https://happy-animal-123.convex.cloud", "https://happy-animal-123.convex.site/")]
    [DataRow("https://happy-animal-123.convex.cloud/", "https://happy-animal-123.convex.site/")]
    [DataRow("https://basic-whale-224.eu-west-1.convex.cloud", "https://basic-whale-224.eu-west-1.convex.site/")]
    [DataRow("https://HAPPY-animal-123.Convex.Cloud", "https://happy-animal-123.convex.site/")]
    public void ACloudUrlGivesTheSiteOnTheSameHost(string deploymentUrl, string expected)
    {
        Assert.AreEqual(expected, DeploymentSiteUrl.FromCloudUrl(new Uri(deploymentUrl))?.AbsoluteUri);
    }

    [TestMethod]
    [DataRow("http://happy-animal-123.convex.cloud")]
    [DataRow("https://happy-animal-123.convex.cloud:8443")]
    [DataRow("https://api.example.com")]
    [DataRow("https://convex.cloud")]
    [DataRow("https://happy-animal-123.convex.cloud.example.com")]
    [DataRow("http://127.0.0.1:3210")]
    public void AnyOtherUrlHasNoSiteRule(string deploymentUrl)
    {
        Assert.IsNull(DeploymentSiteUrl.FromCloudUrl(new Uri(deploymentUrl)));
    }
}
