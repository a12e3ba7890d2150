using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Convex.AuthKit.Sandbox.Tests.SandboxFixture;
using static Convex.AuthKit.Sandbox.Tests.SandboxHttp;

namespace Convex.AuthKit.Sandbox.Tests;

[TestClass]
public sealed class BigBrainTests
{
    private static readonly object AuthorizeBody = new
    {
        selectedDeploymentName = Deployment,
        projectSelection = new { kind = "deploymentName", deploymentName = Deployment, deploymentType = "dev" },
    };

    [TestMethod]
    public async Task AuthorizeHeadAcceptsAccessTokensAndDeployKeysOnly()
    {
        await using var server = await Fresh();
        Assert.AreEqual(200, (await Send("HEAD", server.BigBrainUrl, "/api/authorize", Bearer(AccessToken))).Status);
        Assert.AreEqual(200, (await Send("HEAD", server.BigBrainUrl, "/api/authorize", Bearer(DeployKey))).Status);
        Assert.AreEqual(401, (await Send("HEAD", server.BigBrainUrl, "/api/authorize", Bearer("not-a-token"))).Status);
        Assert.AreEqual(401, (await Send("HEAD", server.BigBrainUrl, "/api/authorize")).Status);
        Assert.AreEqual(401, (await Send("HEAD", server.BigBrainUrl, "/api/authorize", ConvexKey(AccessToken))).Status);
    }

    [TestMethod]
    public async Task MissingMalformedOrUnknownBearerGets401WithCodeAndMessage()
    {
        await using var server = await Fresh();
        var missing = await Post(server.BigBrainUrl, "/api/deployment/authorize_within_current_project", null, AuthorizeBody);
        var malformed = await Post(server.BigBrainUrl, "/api/deployment/authorize_within_current_project", "Token " + AccessToken, AuthorizeBody);
        var unknown = await Post(server.BigBrainUrl, "/api/deployment/authorize_within_current_project", Bearer("nope"), AuthorizeBody);
        Assert.AreEqual(401, missing.Status);
        Assert.AreEqual("MissingAccessToken", missing.Code);
        Assert.AreEqual(401, malformed.Status);
        Assert.AreEqual("UnexpectedAuthHeaderFormat", malformed.Code);
        Assert.AreEqual(401, unknown.Status);
        Assert.AreEqual("BadAuthToken", unknown.Code);
        Assert.IsFalse(string.IsNullOrEmpty(unknown.Message));
    }

    [TestMethod]
    public async Task AuthorizeWithinCurrentProjectAnswersAdminKeyAndDeploymentOrigin()
    {
        await using var server = await Fresh();
        var answer = await Post(server.BigBrainUrl, "/api/deployment/authorize_within_current_project", Bearer(AccessToken), AuthorizeBody);
        Assert.AreEqual(200, answer.Status, answer.ToString());
        var json = answer.Json;
        Assert.AreEqual(Deployment, (string?)json["deploymentName"]);
        Assert.AreEqual(AdminKey, (string?)json["adminKey"]);
        Assert.AreEqual(server.DeploymentUrl.GetLeftPart(System.UriPartial.Authority), (string?)json["url"]);
        Assert.AreEqual("dev", (string?)json["deploymentType"]);
        Assert.AreEqual(Newtonsoft.Json.Linq.JTokenType.Null, json["reference"]!.Type);
        Assert.IsTrue((bool)json["isDefault"]!);
    }

    [TestMethod]
    public async Task UnknownAndInaccessibleDeploymentsGetNotFoundCodes()
    {
        var scenario = SandboxScenario.Fresh(Deployment);
        scenario.Teams.Add(new SandboxTeam { Id = 2, Slug = "other-team" });
        scenario.Projects.Add(new SandboxProject { Id = 20, TeamId = 2, Slug = "other-project" });
        scenario.WithDeployment("quiet-otter-456", projectId: 20);
        await using var server = await SandboxServer.StartAsync(scenario);

        var unknown = await Get(server.BigBrainUrl, "/api/deployment/no-such-999/team_and_project", Bearer(AccessToken));
        var otherTeam = await Get(server.BigBrainUrl, "/api/deployment/quiet-otter-456/team_and_project", Bearer(AccessToken));
        var authorizeOther = await Post(server.BigBrainUrl, "/api/deployment/authorize_within_current_project", Bearer(AccessToken),
            new { selectedDeploymentName = "quiet-otter-456", projectSelection = new { kind = "deploymentName", deploymentName = "quiet-otter-456" } });
        Assert.AreEqual(404, unknown.Status);
        Assert.AreEqual("DeploymentNotFound", unknown.Code);
        Assert.AreEqual(404, otherTeam.Status);
        Assert.AreEqual("ProjectNotFound", otherTeam.Code);
        Assert.AreEqual("ProjectNotFound", authorizeOther.Code);
    }

    [TestMethod]
    public async Task TeamAndProjectAnswersSlugsAndIds()
    {
        await using var server = await Fresh();
        var answer = await Get(server.BigBrainUrl, $"/api/deployment/{Deployment}/team_and_project", Bearer(AccessToken));
        Assert.AreEqual(200, answer.Status, answer.ToString());
        Assert.AreEqual("{\"team\":\"my-team\",\"project\":\"my-project\",\"teamId\":1,\"projectId\":10}", answer.Body);
    }

    [TestMethod]
    public async Task UrlForKeyAnswersABareJsonString()
    {
        await using var server = await Fresh();
        var answer = await Post(server.BigBrainUrl, "/api/deployment/url_for_key", Bearer(DeployKey), new { deployKey = DeployKey });
        Assert.AreEqual(200, answer.Status, answer.ToString());
        Assert.AreEqual("\"" + server.DeploymentUrl.GetLeftPart(System.UriPartial.Authority) + "\"", answer.Body);
        var wrongKey = await Post(server.BigBrainUrl, "/api/deployment/url_for_key", Bearer(AccessToken), new { deployKey = "dev:x|y" });
        Assert.AreEqual("DeploymentNotFound", wrongKey.Code);
    }

    [TestMethod]
    public async Task TeamAndProjectForKeyAnswersReferenceAndIsDefault()
    {
        await using var server = await Fresh();
        var answer = await Post(server.BigBrainUrl, "/api/deployment/team_and_project_for_key", Bearer(DeployKey), new { deployKey = DeployKey });
        Assert.AreEqual(200, answer.Status, answer.ToString());
        Assert.AreEqual("{\"team\":\"my-team\",\"project\":\"my-project\",\"teamId\":1,\"projectId\":10,\"reference\":null,\"isDefault\":true}",
            answer.Body);
    }

    [TestMethod]
    [DataRow("POST", "/api/workos/has_associated_workos_team")]
    [DataRow("POST", "/api/workos/get_or_provision_workos_environment")]
    [DataRow("GET", "/api/workos/available_workos_team_emails")]
    [DataRow("POST", "/api/workos/provision_associated_workos_team")]
    [DataRow("POST", "/api/deployment/authorize_within_current_project")]
    public async Task DeployKeysAreRefusedWhereAUserIsNeeded(string method, string path)
    {
        await using var server = await Fresh();
        var answer = await Send(method, server.BigBrainUrl, path, Bearer(DeployKey),
            method == "GET" ? null : "{\"deploymentName\":\"" + Deployment + "\",\"environmentType\":\"nonproduction\",\"teamId\":1,\"email\":\"dev@example.com\"}");
        Assert.AreEqual(403, answer.Status, answer.ToString());
        Assert.AreEqual("NotAllowed", answer.Code);
        Assert.Contains("permission", answer.Message!);
        Assert.Contains("deploy key", answer.Message!);
        Assert.IsEmpty(server.Snapshot().WorkosEnvironments);
    }

    [TestMethod]
    public async Task UnknownPathsAndWrongMethodsAnswerJsonErrors()
    {
        await using var server = await Fresh();
        var unknown = await Get(server.BigBrainUrl, "/api/nothing_here", Bearer(AccessToken));
        var wrongMethod = await Get(server.BigBrainUrl, "/api/workos/has_associated_workos_team", Bearer(AccessToken));
        Assert.AreEqual(404, unknown.Status);
        Assert.AreEqual("NotFound", unknown.Code);
        Assert.AreEqual(405, wrongMethod.Status);
    }
}
