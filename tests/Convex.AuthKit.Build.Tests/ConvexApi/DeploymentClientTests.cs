using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Tests.Http;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.ConvexApi;

/// <summary>Deployment variables against the sandbox over loopback: v1 API, fallback to the CLI's paths, errors, retries.</summary>
[TestClass]
public class DeploymentClientTests
{
    private const string Name = SandboxHarness.DeploymentName;
    private const string ListV1 = "/api/v1/list_environment_variables";
    private const string UpdateV1 = "/api/v1/update_environment_variables";
    private const string UpdateCli = "/api/update_environment_variables";
    private const string Query = "/api/query";
    private const string ApiKeyValue = "sk_test_value_9b7c";

    private static SandboxScenario WithVariables(bool legacy = false)
    {
        var scenario = SandboxScenario.Fresh(Name);
        var deployment = scenario.Deployment(Name);
        deployment.Env["WORKOS_CLIENT_ID"] = "client_01ABC";
        deployment.Env["WORKOS_API_KEY"] = ApiKeyValue;
        deployment.LegacyApiOnly = legacy;
        return scenario;
    }

    private static readonly EnvironmentVariableChange[] Changes =
    {
        new("WORKOS_ENVIRONMENT_ID", "environment_01XYZ"),
        new("WORKOS_API_KEY", null),
    };

    [TestMethod]
    public async Task ListReadsEveryVariableInOneCall()
    {
        await using var h = await SandboxHarness.StartAsync(WithVariables());

        var variables = await h.Deployment().ListEnvironmentVariablesAsync(CancellationToken.None);

        Assert.AreEqual("client_01ABC", variables["WORKOS_CLIENT_ID"]);
        Assert.AreEqual(ApiKeyValue, variables["WORKOS_API_KEY"]);
        Assert.HasCount(2, variables);
        var request = h.Server.Requests.Single();
        Assert.AreEqual("GET " + ListV1, request.Method + " " + request.Path);
        Assert.AreEqual("Convex", request.AuthScheme);
        Assert.AreEqual(SandboxAuthKind.AdminKey, request.AuthKind);
        Assert.AreEqual(ConvexClientInfo.HeaderValue, request.ConvexClient);
        Assert.IsNull(request.ContentType);
    }

    [TestMethod]
    public async Task ADeployKeyWorksAsTheKey()
    {
        await using var h = await SandboxHarness.StartAsync(WithVariables());

        var variables = await h.Deployment(FreshSecrets.DeployKey(Name)).ListEnvironmentVariablesAsync(CancellationToken.None);

        Assert.HasCount(2, variables);
        Assert.AreEqual(SandboxAuthKind.DeployKey, h.Server.Requests.Single().AuthKind);
    }

    [TestMethod]
    public async Task UpdateSetsAndDeletesWithTheCliBody()
    {
        await using var h = await SandboxHarness.StartAsync(WithVariables());

        await h.Deployment().UpdateEnvironmentVariablesAsync(Changes, CancellationToken.None);

        var env = h.Server.Snapshot().Deployment(Name).Env;
        Assert.AreEqual("environment_01XYZ", env["WORKOS_ENVIRONMENT_ID"]);
        Assert.IsFalse(env.ContainsKey("WORKOS_API_KEY"));
        var request = h.Server.Requests.Single();
        Assert.AreEqual("POST " + UpdateV1, request.Method + " " + request.Path);
        Assert.AreEqual("{\"changes\":[{\"name\":\"WORKOS_ENVIRONMENT_ID\",\"value\":\"environment_01XYZ\"},{\"name\":\"WORKOS_API_KEY\",\"value\":null}]}", request.RequestBody);
        Assert.AreEqual("application/json", request.ContentType);
        Assert.AreEqual(ConvexClientInfo.HeaderValue, request.ConvexClient);
    }

    [TestMethod]
    public async Task AnOldDeploymentIsReadAndWrittenThroughTheCliPaths()
    {
        await using var h = await SandboxHarness.StartAsync(WithVariables(legacy: true));
        var client = h.Deployment();

        var variables = await client.ListEnvironmentVariablesAsync(CancellationToken.None);
        await client.UpdateEnvironmentVariablesAsync(Changes, CancellationToken.None);
        var after = await client.ListEnvironmentVariablesAsync(CancellationToken.None);

        Assert.AreEqual(ApiKeyValue, variables["WORKOS_API_KEY"]);
        Assert.AreEqual("environment_01XYZ", after["WORKOS_ENVIRONMENT_ID"]);
        Assert.IsFalse(after.ContainsKey("WORKOS_API_KEY"));
        var calls = h.Server.Requests.Select(r => $"{r.Method} {r.Path} {r.Status}").ToArray();
        CollectionAssert.AreEqual(new[] { $"GET {ListV1} 404", $"POST {Query} 200", $"POST {UpdateCli} 200", $"POST {Query} 200" }, calls, "v1 is tried once, then skipped");
        Assert.AreEqual(
            "{\"path\":\"_system/cli/queryEnvironmentVariables\",\"format\":\"convex_encoded_json\",\"args\":[{}]}",
            h.Server.Requests[1].RequestBody);
        Assert.AreEqual(SandboxAuthKind.AdminKey, h.Server.Requests[1].AuthKind);
    }

    [TestMethod]
    public async Task AnUpdateFallsBackOnItsOwnFirstCall()
    {
        await using var h = await SandboxHarness.StartAsync(WithVariables(legacy: true));

        await h.Deployment().UpdateEnvironmentVariablesAsync(Changes, CancellationToken.None);

        CollectionAssert.AreEqual(new[] { $"POST {UpdateV1} 404", $"POST {UpdateCli} 200" }, h.Server.Requests.Select(r => $"{r.Method} {r.Path} {r.Status}").ToArray());
        Assert.AreEqual("environment_01XYZ", h.Server.Snapshot().Deployment(Name).Env["WORKOS_ENVIRONMENT_ID"]);
    }

    [TestMethod]
    public async Task A404WithAJsonErrorIsAnErrorNotAFallback()
    {
        await using var h = await SandboxHarness.StartAsync(WithVariables());
        h.Fault(SandboxService.Deployment, "GET", ListV1, status: 404, body: "{\"code\":\"DeploymentNotFound\",\"message\":\"gone\"}");

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.Deployment().ListEnvironmentVariablesAsync(CancellationToken.None));

        Assert.AreEqual(ConvexErrorCodes.DeploymentNotFound, ex.Code);
        Assert.AreEqual(ServiceKind.Deployment, ex.Service);
        Assert.HasCount(1, h.Server.Requests);
    }

    [TestMethod]
    public async Task AFailingSystemQueryCarriesItsMessage()
    {
        await using var h = await SandboxHarness.StartAsync(WithVariables(legacy: true));
        h.Fault(SandboxService.Deployment, "POST", Query, status: 560, body: "{\"status\":\"error\",\"errorMessage\":\"You do not have permission to perform this operation\",\"logLines\":[]}");

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.Deployment().ListEnvironmentVariablesAsync(CancellationToken.None));

        Assert.AreEqual(560, ex.Status);
        Assert.AreEqual("You do not have permission to perform this operation", ex.ServiceMessage);
    }

    [TestMethod]
    public async Task ErrorCodesOfTheDeploymentAreReportedWithoutSecrets()
    {
        await using var h = await SandboxHarness.StartAsync(WithVariables());

        var badKey = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.Deployment("happy-animal-123|wrong").ListEnvironmentVariablesAsync(CancellationToken.None));
        Assert.AreEqual(401, badKey.Status);
        Assert.AreEqual("BadAdminKey", badKey.Code);
        Assert.DoesNotContain("wrong", badKey.Message);

        var badName = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.Deployment().UpdateEnvironmentVariablesAsync(
            new[] { new EnvironmentVariableChange("1BAD-NAME", "sk_test_secret_value") }, CancellationToken.None));
        Assert.AreEqual(400, badName.Status);
        Assert.AreEqual("InvalidEnvironmentVariableName", badName.Code);
        Assert.DoesNotContain("sk_test_secret_value", badName.ToString());

        var tooLarge = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.Deployment().UpdateEnvironmentVariablesAsync(
            new[] { new EnvironmentVariableChange("BIG", new string('x', 9000)) }, CancellationToken.None));
        Assert.AreEqual("EnvironmentVariableValueTooLarge", tooLarge.Code);

        foreach (var ex in new[] { badKey, badName, tooLarge })
        {
            SandboxHarness.AssertNoSecret(ex.ToString());
        }
    }

    [TestMethod]
    public async Task AnEchoedValueIsRedactedFromTheServiceMessage()
    {
        await using var h = await SandboxHarness.StartAsync(WithVariables());
        h.Fault(SandboxService.Deployment, "POST", UpdateV1, status: 400, body: "{\"code\":\"InvalidValue\",\"message\":\"bad value sk_test_echo_1234 for WORKOS_API_KEY\"}");

        var ex = await Assert.ThrowsExactlyAsync<ServiceException>(() => h.Deployment().UpdateEnvironmentVariablesAsync(
            new[] { new EnvironmentVariableChange("WORKOS_API_KEY", "sk_test_echo_1234") }, CancellationToken.None));

        Assert.AreEqual("bad value *** for WORKOS_API_KEY", ex.ServiceMessage);
        Assert.DoesNotContain("sk_test_echo_1234", ex.ToString());
    }

    [TestMethod]
    public async Task WritesAndReadsRetryTransientFailures()
    {
        await using var h = await SandboxHarness.StartAsync(WithVariables());
        h.Fault(SandboxService.Deployment, "POST", UpdateV1, status: 502);
        h.Fault(SandboxService.Deployment, "POST", UpdateV1, drop: true, handleFirst: true);
        h.Fault(SandboxService.Deployment, "GET", ListV1, status: 429, retryAfter: "3");

        await h.Deployment().UpdateEnvironmentVariablesAsync(Changes, CancellationToken.None);
        var variables = await h.Deployment().ListEnvironmentVariablesAsync(CancellationToken.None);

        Assert.AreEqual("environment_01XYZ", variables["WORKOS_ENVIRONMENT_ID"]);
        Assert.HasCount(3, h.RequestsTo(UpdateV1));
        Assert.HasCount(2, h.RequestsTo(ListV1));
        Assert.AreEqual(TimeSpan.FromSeconds(3), h.Delays.Last());
    }

    [TestMethod]
    [DataRow("not json")]
    [DataRow("{\"environmentVariables\":[]}")]
    [DataRow("{\"environmentVariables\":{\"A\":1}}")]
    [DataRow("{}")]
    public async Task AMalformedListIsReportedAndNotRetried(string body)
    {
        await using var h = await SandboxHarness.StartAsync(WithVariables());
        h.Fault(SandboxService.Deployment, "GET", ListV1, status: 200, body: body);

        var ex = await Assert.ThrowsExactlyAsync<MalformedResponseException>(() => h.Deployment().ListEnvironmentVariablesAsync(CancellationToken.None));

        Assert.AreEqual(ServiceKind.Deployment, ex.Service);
        Assert.HasCount(1, h.RequestsTo(ListV1));
    }

    [TestMethod]
    public async Task PlainHttpToANonLoopbackDeploymentIsRefused()
    {
        var handler = new FakeHandler();
        using var http = new ResilientHttpClient(handler, TestPolicies.Fast());
        var client = new DeploymentClient(http, new Uri("http://happy-animal-123.convex.example.test"), FreshSecrets.AdminKey(Name));

        var ex = await Assert.ThrowsExactlyAsync<InsecureTransportException>(() => client.ListEnvironmentVariablesAsync(CancellationToken.None));

        Assert.AreEqual(ServiceKind.Deployment, ex.Service);
        Assert.IsEmpty(handler.Requests, "refused before sending");
        SandboxHarness.AssertNoSecret(ex.ToString());
    }

    [TestMethod]
    public void ChangesDoNotPrintTheirValues()
    {
        Assert.AreEqual("set WORKOS_API_KEY", new EnvironmentVariableChange("WORKOS_API_KEY", ApiKeyValue).ToString());
        Assert.AreEqual("delete WORKOS_API_KEY", new EnvironmentVariableChange("WORKOS_API_KEY", null).ToString());
    }
}
