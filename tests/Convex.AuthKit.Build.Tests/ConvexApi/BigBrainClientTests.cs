using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Tests.Http;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.ConvexApi;

/// <summary>Big Brain calls against the sandbox over real loopback HTTP.</summary>
[TestClass]
public class BigBrainClientTests
{
    private const string Name = SandboxHarness.DeploymentName;

    [TestMethod]
    public async Task AuthorizeWithinCurrentProjectReturnsTheDeploymentCredentials()
    {
        await using var h = await SandboxHarness.StartAsync();

        var credentials = await h.BigBrain().AuthorizeWithinCurrentProjectAsync(Name, "dev", CancellationToken.None);

        Assert.AreEqual(Name, credentials.DeploymentName);
        Assert.AreEqual(FreshSecrets.AdminKey(Name), credentials.AdminKey);
        Assert.AreEqual(h.Server.DeploymentUrl, credentials.Url);
        Assert.AreEqual("dev", credentials.DeploymentType);
        SandboxHarness.AssertNoSecret(credentials.ToString());

        var request = h.RequestsTo("/api/deployment/authorize_within_current_project").Single();
        Assert.AreEqual("POST", request.Method);
        Assert.AreEqual(
            "{\"selectedDeploymentName\":\"happy-animal-123\",\"projectSelection\":{\"kind\":\"deploymentName\",\"deploymentName\":\"happy-animal-123\",\"deploymentType\":\"dev\"}}",
            request.RequestBody);
        Assert.AreEqual("Bearer", request.AuthScheme);
        Assert.AreEqual(SandboxAuthKind.AccessToken, request.AuthKind);
        Assert.AreEqual(ConvexClientInfo.HeaderValue, request.ConvexClient);
        Assert.StartsWith("convex-authkit-build-", request.ConvexClient!);
        Assert.AreEqual("application/json", request.ContentType);
    }

    [TestMethod]
    public async Task AuthorizeSendsANullTypeForALegacyDeploymentValue()
    {
        await using var h = await SandboxHarness.StartAsync();

        await h.BigBrain().AuthorizeWithinCurrentProjectAsync(Name, null, CancellationToken.None);

        StringAssert.Contains(h.RequestsTo("/api/deployment/authorize_within_current_project").Single().RequestBody, "\"deploymentType\":null}");
    }

    [TestMethod]
    public async Task AuthorizeErrorsCarryTheServiceCode()
    {
        var scenario = SandboxScenario.Fresh(Name);
        scenario.Teams.Add(new SandboxTeam { Id = 2, Slug = "other-team" });
        scenario.Projects.Add(new SandboxProject { Id = 20, TeamId = 2, Slug = "other-project" });
        scenario.WithDeployment("other-animal-456", projectId: 20);
        await using var h = await SandboxHarness.StartAsync(scenario);

        var notFound = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.BigBrain().AuthorizeWithinCurrentProjectAsync("missing-animal-1", "dev", CancellationToken.None));
        Assert.AreEqual(ConvexErrorCodes.DeploymentNotFound, notFound.Code);
        Assert.AreEqual(404, notFound.Status);
        Assert.AreEqual(ServiceKind.BigBrain, notFound.Service);
        StringAssert.StartsWith(notFound.Message, $"Error fetching POST {h.Server.BigBrainUrl.AbsoluteUri}api/deployment/authorize_within_current_project 404 Not Found: DeploymentNotFound: ");

        var noAccess = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.BigBrain().AuthorizeWithinCurrentProjectAsync("other-animal-456", "dev", CancellationToken.None));
        Assert.AreEqual(ConvexErrorCodes.ProjectNotFound, noAccess.Code);

        var badToken = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.BigBrain("not-a-token").AuthorizeWithinCurrentProjectAsync(Name, "dev", CancellationToken.None));
        Assert.AreEqual(401, badToken.Status);
        Assert.AreEqual("BadAuthToken", badToken.Code);

        var deployKey = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.BigBrain(FreshSecrets.DeployKey(Name)).AuthorizeWithinCurrentProjectAsync(Name, "dev", CancellationToken.None));
        Assert.AreEqual(403, deployKey.Status);
        Assert.AreEqual("NotAllowed", deployKey.Code);
        StringAssert.Contains(deployKey.ServiceMessage, "You do not have permission to perform this operation");

        foreach (var ex in new[] { notFound, noAccess, badToken, deployKey })
        {
            SandboxHarness.AssertNoSecret(ex.ToString());
        }
    }

    [TestMethod]
    public async Task UrlForKeyReadsABareJsonString()
    {
        await using var h = await SandboxHarness.StartAsync();
        var key = FreshSecrets.DeployKey(Name);

        var url = await h.BigBrain(key).UrlForKeyAsync(key, CancellationToken.None);

        Assert.AreEqual(h.Server.DeploymentUrl, url);
        var request = h.RequestsTo("/api/deployment/url_for_key").Single();
        Assert.AreEqual(SandboxAuthKind.DeployKey, request.AuthKind);
        Assert.AreEqual("{\"deployKey\":\"***\"}", request.RequestBody, "the body is {deployKey} (masked in the sandbox log)");
    }

    [TestMethod]
    [DataRow("{\"url\":\"https://happy-animal-123.convex.cloud\"}")]
    [DataRow("{\"deploymentUrl\":\"https://happy-animal-123.convex.cloud\"}")]
    public async Task UrlForKeyAlsoReadsAnObject(string body)
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Fault(SandboxService.BigBrain, "POST", "/api/deployment/url_for_key", status: 200, body: body);
        var key = FreshSecrets.DeployKey(Name);

        var url = await h.BigBrain(key).UrlForKeyAsync(key, CancellationToken.None);

        Assert.AreEqual(new Uri("https://happy-animal-123.convex.cloud"), url);
    }

    [TestMethod]
    [DataRow("{\"address\":\"https://x.convex.cloud\"}")]
    [DataRow("\"not a url\"")]
    [DataRow("42")]
    [DataRow("<html>oops</html>")]
    public async Task UrlForKeyRejectsOtherShapesWithoutRetrying(string body)
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Fault(SandboxService.BigBrain, "POST", "/api/deployment/url_for_key", status: 200, body: body);
        var key = FreshSecrets.DeployKey(Name);

        var ex = await Assert.ThrowsExactlyAsync<MalformedResponseException>(() => h.BigBrain(key).UrlForKeyAsync(key, CancellationToken.None));

        Assert.AreEqual(ServiceKind.BigBrain, ex.Service);
        Assert.HasCount(1, h.RequestsTo("/api/deployment/url_for_key"));
    }

    [TestMethod]
    public async Task UrlForKeyWithAnUnknownKeyIsDeploymentNotFound()
    {
        await using var h = await SandboxHarness.StartAsync();

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.BigBrain().UrlForKeyAsync("dev:happy-animal-123|wrong", CancellationToken.None));

        Assert.AreEqual(ConvexErrorCodes.DeploymentNotFound, ex.Code);
        Assert.DoesNotContain("wrong", ex.Message);
    }

    [TestMethod]
    public async Task HasAssociatedWorkOSTeamReadsTheAssociation()
    {
        await using var h = await SandboxHarness.StartAsync();

        var association = await h.BigBrain().HasAssociatedWorkOSTeamAsync(Name, CancellationToken.None);

        Assert.IsTrue(association.HasAssociatedWorkOSTeam);
        Assert.AreEqual(1L, association.TeamId);
        Assert.IsFalse(association.Disabled);
        Assert.AreEqual("dev@example.com", association.AdminEmail);
        Assert.AreEqual("{\"deploymentName\":\"happy-animal-123\"}", h.RequestsTo("/api/workos/has_associated_workos_team").Single().RequestBody);
    }

    [TestMethod]
    public async Task HasAssociatedWorkOSTeamReportsNoTeamAndDisabled()
    {
        var scenario = SandboxScenario.Fresh(Name, teamHasWorkOS: false);
        await using (var h = await SandboxHarness.StartAsync(scenario))
        {
            var association = await h.BigBrain().HasAssociatedWorkOSTeamAsync(Name, CancellationToken.None);
            Assert.IsFalse(association.HasAssociatedWorkOSTeam);
            Assert.IsNull(association.AdminEmail);
        }

        scenario.Teams[0].Disabled = true;
        await using (var h = await SandboxHarness.StartAsync(scenario))
        {
            Assert.IsTrue((await h.BigBrain().HasAssociatedWorkOSTeamAsync(Name, CancellationToken.None)).Disabled);
        }
    }

    [TestMethod]
    public async Task WorkOSEndpointsRefuseDeployKeys()
    {
        await using var h = await SandboxHarness.StartAsync();

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.BigBrain(FreshSecrets.DeployKey(Name)).HasAssociatedWorkOSTeamAsync(Name, CancellationToken.None));

        Assert.AreEqual(403, ex.Status);
        Assert.AreEqual("NotAllowed", ex.Code);
        SandboxHarness.AssertNoSecret(ex.ToString());
    }

    [TestMethod]
    public async Task GetOrProvisionCreatesOnceThenReturnsTheSameEnvironment()
    {
        await using var h = await SandboxHarness.StartAsync();

        var first = await h.BigBrain().GetOrProvisionWorkOSEnvironmentAsync(Name, "nonproduction", CancellationToken.None);
        var second = await h.BigBrain().GetOrProvisionWorkOSEnvironmentAsync(Name, "nonproduction", CancellationToken.None);

        Assert.IsTrue(first.NewlyProvisioned);
        Assert.IsFalse(second.NewlyProvisioned);
        Assert.AreEqual(first.Credentials.ClientId, second.Credentials.ClientId);
        Assert.AreEqual(first.Credentials.EnvironmentId, second.Credentials.EnvironmentId);
        var stored = h.Server.Snapshot().WorkosEnvironments.Single();
        Assert.AreEqual(stored.ApiKey, first.Credentials.ApiKey);
        Assert.AreEqual(stored.Id, first.Credentials.EnvironmentId);
        Assert.AreEqual(stored.Name, first.EnvironmentName);
        Assert.IsFalse(stored.IsProduction);
        Assert.DoesNotContain(first.Credentials.ApiKey!, first.ToString());
        Assert.AreEqual(
            "{\"deploymentName\":\"happy-animal-123\",\"environmentType\":\"nonproduction\"}",
            h.RequestsTo("/api/workos/get_or_provision_workos_environment")[0].RequestBody);
    }

    [TestMethod]
    public async Task GetOrProvisionWithoutATeamIsWorkOSTeamNotProvisioned()
    {
        await using var h = await SandboxHarness.StartAsync(SandboxScenario.Fresh(Name, teamHasWorkOS: false));

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.BigBrain().GetOrProvisionWorkOSEnvironmentAsync(Name, "nonproduction", CancellationToken.None));

        Assert.AreEqual(ConvexErrorCodes.WorkOSTeamNotProvisioned, ex.Code);
        StringAssert.Contains(ex.Message, ConvexErrorCodes.WorkOSTeamNotProvisioned);
    }

    [TestMethod]
    public async Task AvailableEmailsAndTeamProvisioning()
    {
        var scenario = SandboxScenario.Fresh(Name, teamHasWorkOS: false);
        scenario.Teams[0].AvailableEmails.Add("second@example.com");
        scenario.Teams[0].UsedEmails.Add("taken@example.com");
        await using var h = await SandboxHarness.StartAsync(scenario);
        var client = h.BigBrain();

        var emails = await client.AvailableWorkOSTeamEmailsAsync(CancellationToken.None);
        CollectionAssert.AreEqual(new[] { "dev@example.com", "second@example.com" }, emails.AvailableEmails.ToArray());
        CollectionAssert.AreEqual(new[] { "taken@example.com" }, emails.UsedEmails.ToArray());
        var emailsRequest = h.RequestsTo("/api/workos/available_workos_team_emails").Single();
        Assert.AreEqual("GET", emailsRequest.Method);
        Assert.AreEqual("", emailsRequest.RequestBody);
        Assert.IsNull(emailsRequest.ContentType);

        var taken = await Assert.ThrowsExactlyAsync<ServiceException>(() => client.ProvisionAssociatedWorkOSTeamAsync(1, "taken@example.com", CancellationToken.None));
        Assert.AreEqual(ConvexErrorCodes.WorkosAccountAlreadyExistsWithThisEmail, taken.Code);

        var team = await client.ProvisionAssociatedWorkOSTeamAsync(1, "dev@example.com", CancellationToken.None);
        Assert.AreEqual("dev@example.com", team.AdminEmail);
        Assert.AreEqual("my-team", team.WorkOSTeamName);
        Assert.AreEqual(h.Server.Snapshot().Teams[0].WorkosTeam!.Id, team.WorkOSTeamId);
        Assert.AreEqual("{\"teamId\":1,\"email\":\"dev@example.com\"}", h.RequestsTo("/api/workos/provision_associated_workos_team")[^1].RequestBody);
    }
}
