using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Convex.AuthKit.Sandbox.Tests.SandboxFixture;
using static Convex.AuthKit.Sandbox.Tests.SandboxHttp;

namespace Convex.AuthKit.Sandbox.Tests;

[TestClass]
public sealed class DeploymentApiTests
{
    private const string List = "/api/v1/list_environment_variables";
    private const string Update = "/api/v1/update_environment_variables";
    private const string CanonicalUrls = "/api/v1/get_canonical_urls";

    [TestMethod]
    public async Task V1UpdateThenListRoundTripsAndNullDeletes()
    {
        await using var server = await Fresh();
        var set = await Post(server.DeploymentUrl, Update, ConvexKey(AdminKey),
            "{\"changes\":[{\"name\":\"WORKOS_CLIENT_ID\",\"value\":\"client_1\"},{\"name\":\"OTHER\",\"value\":\"x\"}]}");
        Assert.AreEqual(200, set.Status, set.ToString());
        Assert.AreEqual("", set.Body);
        Assert.AreEqual("{\"environmentVariables\":{\"OTHER\":\"x\",\"WORKOS_CLIENT_ID\":\"client_1\"}}",
            (await Get(server.DeploymentUrl, List, ConvexKey(AdminKey))).Body);

        await Post(server.DeploymentUrl, Update, ConvexKey(AdminKey), "{\"changes\":[{\"name\":\"OTHER\",\"value\":null}]}");
        Assert.AreEqual("{\"environmentVariables\":{\"WORKOS_CLIENT_ID\":\"client_1\"}}", (await Get(server.DeploymentUrl, List, ConvexKey(AdminKey))).Body);
        Assert.AreEqual(2, server.Snapshot().Counters.EnvironmentVariableUpdates);
    }

    [TestMethod]
    public async Task CliUpdatePathAndSystemQueriesWork()
    {
        await using var server = await Fresh();
        var set = await Post(server.DeploymentUrl, "/api/update_environment_variables", ConvexKey(AdminKey),
            "{\"changes\":[{\"name\":\"WORKOS_API_KEY\",\"value\":\"sk_test_abc\"}]}");
        Assert.AreEqual(200, set.Status, set.ToString());

        var list = await Post(server.DeploymentUrl, "/api/query", ConvexKey(AdminKey),
            "{\"path\":\"_system/cli/queryEnvironmentVariables\",\"format\":\"convex_encoded_json\",\"args\":[{}]}");
        Assert.AreEqual("{\"status\":\"success\",\"value\":[{\"name\":\"WORKOS_API_KEY\",\"value\":\"sk_test_abc\"}],\"logLines\":[]}", list.Body);

        var get = await Post(server.DeploymentUrl, "/api/query", ConvexKey(AdminKey),
            "{\"path\":\"_system/cli/queryEnvironmentVariables:get\",\"format\":\"convex_encoded_json\",\"args\":[{\"name\":\"WORKOS_API_KEY\"}]}");
        Assert.AreEqual("{\"status\":\"success\",\"value\":{\"name\":\"WORKOS_API_KEY\",\"value\":\"sk_test_abc\"},\"logLines\":[]}", get.Body);

        var missing = await Post(server.DeploymentUrl, "/api/query", ConvexKey(AdminKey),
            "{\"path\":\"_system/cli/queryEnvironmentVariables:get\",\"format\":\"convex_encoded_json\",\"args\":[{\"name\":\"WORKOS_CLIENT_ID\"}]}");
        Assert.AreEqual("{\"status\":\"success\",\"value\":null,\"logLines\":[]}", missing.Body);

        var unknownFunction = await Post(server.DeploymentUrl, "/api/query", ConvexKey(AdminKey), "{\"path\":\"messages:list\",\"args\":[{}]}");
        Assert.AreEqual(560, unknownFunction.Status);
        Assert.AreEqual("error", (string?)unknownFunction.Json["status"]);
    }

    [TestMethod]
    public async Task TheDevDeployKeyIsAcceptedAsAdminKey()
    {
        await using var server = await Fresh();
        Assert.AreEqual(200, (await Get(server.DeploymentUrl, List, ConvexKey(DeployKey))).Status);
        Assert.AreEqual(SandboxAuthKind.DeployKey, server.Requests[0].AuthKind);
        Assert.AreEqual(Deployment, server.Requests[0].AuthDeployment);
    }

    [TestMethod]
    public async Task BadCredentialsGet401WithCodeAndMessage()
    {
        await using var server = await Fresh();
        var missing = await Get(server.DeploymentUrl, List);
        var bearer = await Get(server.DeploymentUrl, List, Bearer(AdminKey));
        var unknown = await Post(server.DeploymentUrl, Update, ConvexKey("happy-animal-123|wrong"), "{\"changes\":[]}");
        var accessToken = await Get(server.DeploymentUrl, List, ConvexKey(AccessToken));
        Assert.AreEqual(401, missing.Status);
        Assert.AreEqual("MissingAdminKey", missing.Code);
        Assert.AreEqual(401, bearer.Status);
        Assert.AreEqual("UnexpectedAuthHeaderFormat", bearer.Code);
        Assert.AreEqual(401, unknown.Status);
        Assert.AreEqual("BadAdminKey", unknown.Code);
        Assert.AreEqual("BadAdminKey", accessToken.Code);
    }

    [TestMethod]
    public async Task TheAdminKeySelectsTheDeployment()
    {
        var scenario = SandboxScenario.Fresh(Deployment).WithDeployment("quiet-otter-456");
        scenario.Deployment("quiet-otter-456").Env["ONLY_HERE"] = "1";
        await using var server = await SandboxServer.StartAsync(scenario);
        Assert.AreEqual("{\"environmentVariables\":{}}", (await Get(server.DeploymentUrl, List, ConvexKey(AdminKey))).Body);
        Assert.AreEqual("{\"environmentVariables\":{\"ONLY_HERE\":\"1\"}}",
            (await Get(server.DeploymentUrl, List, ConvexKey(FreshSecrets.AdminKey("quiet-otter-456")))).Body);
    }

    [TestMethod]
    public async Task LegacyBackendAnswersV1PathsWith404PlainTextButServesTheCliPaths()
    {
        var scenario = SandboxScenario.Fresh(Deployment);
        scenario.Deployments[0].LegacyApiOnly = true;
        await using var server = await SandboxServer.StartAsync(scenario);
        var list = await Get(server.DeploymentUrl, List, ConvexKey(AdminKey));
        var update = await Post(server.DeploymentUrl, Update, ConvexKey(AdminKey), "{\"changes\":[{\"name\":\"A\",\"value\":\"1\"}]}");
        Assert.AreEqual(404, list.Status);
        Assert.AreEqual(404, update.Status);
        Assert.IsFalse(list.IsJson);
        Assert.ThrowsExactly<Newtonsoft.Json.JsonReaderException>(() => list.Json);
        Assert.AreEqual(200, (await Post(server.DeploymentUrl, "/api/update_environment_variables", ConvexKey(AdminKey),
            "{\"changes\":[{\"name\":\"A\",\"value\":\"1\"}]}")).Status);
        Assert.AreEqual("1", server.Snapshot().Deployments[0].Env["A"]);
    }

    [TestMethod]
    [DataRow("{\"changes\":[{\"name\":\"1BAD\",\"value\":\"x\"}]}", "InvalidEnvironmentVariableName")]
    [DataRow("{\"changes\":[{\"name\":\"OK\",\"value\":5}]}", "InvalidEnvironmentVariableValue")]
    [DataRow("{\"changes\":[{\"name\":\"OK\"}]}", "InvalidEnvironmentVariableValue")]
    [DataRow("{\"changes\":[{\"name\":\"OK\",\"value\":\"a\"},{\"name\":\"OK\",\"value\":\"b\"}]}", "DuplicateEnvironmentVariable")]
    [DataRow("{\"change\":[]}", "InvalidRequest")]
    public async Task InvalidUpdatesAreRejectedWholesale(string body, string code)
    {
        await using var server = await Fresh();
        var answer = await Post(server.DeploymentUrl, Update, ConvexKey(AdminKey), body);
        Assert.AreEqual(400, answer.Status, answer.ToString());
        Assert.AreEqual(code, answer.Code);
        Assert.IsEmpty(server.Snapshot().Deployments[0].Env);
    }

    [TestMethod]
    public async Task CanonicalUrlsAnswerTheServedOriginAndTheDefaultSiteUrlForAdminAndDeployKeys()
    {
        await using var server = await Fresh();
        foreach (var key in new[] { AdminKey, DeployKey })
        {
            var answer = await Get(server.DeploymentUrl, CanonicalUrls, ConvexKey(key));
            Assert.AreEqual(200, answer.Status, answer.ToString());
            Assert.AreEqual(server.DeploymentUrl.GetLeftPart(UriPartial.Authority), (string?)answer.Json["convexCloudUrl"]);
            Assert.AreEqual("https://happy-animal-123.convex.site", (string?)answer.Json["convexSiteUrl"]);
        }
        Assert.AreEqual("MissingAdminKey", (await Get(server.DeploymentUrl, CanonicalUrls)).Code);
    }

    [TestMethod]
    public async Task CanonicalUrlsAnswerTheRegionalSiteUrlOfTheShippedScenario()
    {
        var scenario = SandboxServer.LoadScenario(System.IO.Path.Combine(AppContext.BaseDirectory, "scenarios", "regional-site-url.json"));
        await using var server = await SandboxServer.StartAsync(scenario);

        var answer = await Get(server.DeploymentUrl, CanonicalUrls, ConvexKey(AdminKey));

        Assert.AreEqual("https://happy-animal-123.eu-west-1.convex.site", (string?)answer.Json["convexSiteUrl"]);
    }

    [TestMethod]
    public async Task AnOldBackendAnswersCanonicalUrlsWith404PlainText()
    {
        var scenario = SandboxScenario.Fresh(Deployment);
        scenario.Deployments[0].LegacyApiOnly = true;
        await using var server = await SandboxServer.StartAsync(scenario);

        var answer = await Get(server.DeploymentUrl, CanonicalUrls, ConvexKey(AdminKey));

        Assert.AreEqual(404, answer.Status);
        Assert.IsFalse(answer.IsJson);
    }

    [TestMethod]
    [DataRow("http://happy-animal-123.convex.site")]
    [DataRow("happy-animal-123.convex.site")]
    public async Task ASiteUrlThatIsNotHttpsIsRejected(string siteUrl)
    {
        var scenario = SandboxScenario.Fresh(Deployment);
        scenario.Deployments[0].SiteUrl = siteUrl;

        await Assert.ThrowsExactlyAsync<ArgumentException>(() => SandboxServer.StartAsync(scenario));
    }

    [TestMethod]
    public async Task UnknownDeploymentRoutesAnswer404PlainText()
    {
        await using var server = await Fresh();
        var answer = await Get(server.DeploymentUrl, "/api/v1/nothing", ConvexKey(AdminKey));
        Assert.AreEqual(404, answer.Status);
        Assert.IsFalse(answer.IsJson);
    }
}
