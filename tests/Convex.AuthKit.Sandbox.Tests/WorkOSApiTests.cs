using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Convex.AuthKit.Sandbox.Tests.SandboxFixture;
using static Convex.AuthKit.Sandbox.Tests.SandboxHttp;

namespace Convex.AuthKit.Sandbox.Tests;

[TestClass]
public sealed class WorkOSApiTests
{
    private const string Redirects = "/user_management/redirect_uris";
    private const string Cors = "/user_management/cors_origins";
    private const string Homepage = "/user_management/app_homepage_url";

    private static async Task<(SandboxServer Server, string ApiKey)> Provisioned(SandboxScenario? scenario = null)
    {
        var server = await SandboxServer.StartAsync(scenario ?? SandboxScenario.Fresh(Deployment));
        return (server, (string)(await Provision(server))["apiKey"]!);
    }

    [TestMethod]
    public async Task RedirectUriIsCreatedOnceThenDuplicateIs422AlreadyExists()
    {
        var (server, key) = await Provisioned();
        await using var _ = server;
        var created = await Post(server.WorkOSUrl, Redirects, Bearer(key), new { uri = "http://localhost:5173/callback" });
        Assert.AreEqual(201, created.Status, created.ToString());
        var json = created.Json;
        Assert.AreEqual("redirect_uri", (string?)json["object"]);
        StringAssertions.StartsWith((string)json["id"]!, "redir_");
        Assert.AreEqual("http://localhost:5173/callback", (string?)json["uri"]);
        Assert.IsTrue((bool)json["default"]!);
        Assert.IsNotNull(json["created_at"]);
        Assert.IsNotNull(json["updated_at"]);

        var duplicate = await Post(server.WorkOSUrl, Redirects, Bearer(key), new { uri = "http://localhost:5173/callback" });
        Assert.AreEqual(422, duplicate.Status);
        Assert.AreEqual("{\"code\":\"redirect_uri_already_exists\",\"message\":\"Redirect URI already exists\"}", duplicate.Body);
        CollectionAssert.AreEqual(new[] { "http://localhost:5173/callback" }, server.Snapshot().WorkosEnvironments[0].RedirectUris);
    }

    [TestMethod]
    [DataRow(409, "duplicate_cors_origin")]
    [DataRow(422, "cors_origin_already_exists")]
    public async Task CorsOriginDuplicateStatusFollowsTheScenario(int status, string code)
    {
        var scenario = SandboxScenario.Fresh(Deployment);
        scenario.Workos.CorsDuplicateStatus = status;
        var (server, key) = await Provisioned(scenario);
        await using var _ = server;
        var created = await Post(server.WorkOSUrl, Cors, Bearer(key), new { origin = "http://localhost:5173" });
        Assert.AreEqual(201, created.Status, created.ToString());
        Assert.AreEqual("cors_origin", (string?)created.Json["object"]);
        StringAssertions.StartsWith((string)created.Json["id"]!, "cors_origin_");
        var duplicate = await Post(server.WorkOSUrl, Cors, Bearer(key), new { origin = "http://localhost:5173" });
        Assert.AreEqual(status, duplicate.Status);
        Assert.AreEqual(code, duplicate.Code);
        Assert.Contains("already exists", duplicate.Body);
        Assert.HasCount(1, server.Snapshot().WorkosEnvironments[0].CorsOrigins);
    }

    [TestMethod]
    public async Task HomepageIsStoredAndCanRejectLocalhost()
    {
        var (server, key) = await Provisioned();
        await using (server)
        {
            var set = await Send("PUT", server.WorkOSUrl, Homepage, Bearer(key), "{\"url\":\"http://localhost:5173\"}");
            Assert.AreEqual(200, set.Status, set.ToString());
            Assert.AreEqual("http://localhost:5173", server.Snapshot().WorkosEnvironments[0].HomepageUrl);
        }
        var scenario = SandboxScenario.Fresh(Deployment);
        scenario.Workos.HomepageRejectsLocalhost = true;
        var (strict, strictKey) = await Provisioned(scenario);
        await using (strict)
        {
            var refused = await Send("PUT", strict.WorkOSUrl, Homepage, Bearer(strictKey), "{\"url\":\"http://localhost:5173\"}");
            Assert.AreEqual(422, refused.Status);
            Assert.AreEqual("unprocessable_entity", refused.Code);
            Assert.IsNull(strict.Snapshot().WorkosEnvironments[0].HomepageUrl);
            Assert.AreEqual(200, (await Send("PUT", strict.WorkOSUrl, Homepage, Bearer(strictKey), "{\"url\":\"https://app.example.com\"}")).Status);
        }
    }

    [TestMethod]
    [DataRow("POST", Redirects, "{}", "uri", "required")]
    [DataRow("POST", Redirects, "{\"uri\":42}", "uri", "invalid")]
    [DataRow("POST", Redirects, "{\"uri\":\"not a uri\"}", "uri", "invalid")]
    [DataRow("POST", Cors, "{\"origin\":\"\"}", "origin", "required")]
    [DataRow("POST", Cors, "{\"origin\":\"http://localhost:5173/path\"}", "origin", "invalid")]
    [DataRow("PUT", Homepage, "{\"uri\":\"http://localhost:5173\"}", "url", "required")]
    public async Task MissingOrInvalidFieldsAre422WithErrors(string method, string path, string body, string field, string code)
    {
        var (server, key) = await Provisioned();
        await using var _ = server;
        var answer = await Send(method, server.WorkOSUrl, path, Bearer(key), body);
        Assert.AreEqual(422, answer.Status, answer.ToString());
        Assert.AreEqual("unprocessable_entity", answer.Code);
        var error = answer.Json["errors"]!.Single();
        Assert.AreEqual(field, (string?)error["field"]);
        Assert.AreEqual(code, (string?)error["code"]);
    }

    [TestMethod]
    public async Task UnknownOrMissingApiKeyIs401()
    {
        var (server, _) = await Provisioned();
        await using var __ = server;
        var unknown = await Post(server.WorkOSUrl, Redirects, Bearer("sk_test_unknown"), new { uri = "http://localhost:5173/callback" });
        var missing = await Post(server.WorkOSUrl, Redirects, null, new { uri = "http://localhost:5173/callback" });
        Assert.AreEqual(401, unknown.Status);
        Assert.AreEqual("unauthorized", unknown.Code);
        Assert.AreEqual(401, missing.Status);
        Assert.IsEmpty(server.Snapshot().WorkosEnvironments[0].RedirectUris);
    }

    [TestMethod]
    public async Task TheApiKeySelectsTheEnvironment()
    {
        var scenario = SandboxScenario.Fresh(Deployment);
        scenario.WorkosEnvironments.Add(new SandboxWorkOSEnvironment { Id = "environment_01OTHER", ApiKey = "sk_test_other_environment_key" });
        var (server, key) = await Provisioned(scenario);
        await using var _ = server;
        await Post(server.WorkOSUrl, Redirects, Bearer("sk_test_other_environment_key"), new { uri = "http://localhost:3000/callback" });
        await Post(server.WorkOSUrl, Redirects, Bearer(key), new { uri = "http://localhost:5173/callback" });
        var state = server.Snapshot();
        CollectionAssert.AreEqual(new[] { "http://localhost:3000/callback" }, state.WorkosEnvironments.Single(e => e.Id == "environment_01OTHER").RedirectUris);
        CollectionAssert.AreEqual(new[] { "http://localhost:5173/callback" }, state.EnvironmentFor(Deployment)!.RedirectUris);
    }
}
