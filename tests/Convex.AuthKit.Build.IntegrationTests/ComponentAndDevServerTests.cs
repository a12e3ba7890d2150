using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Harness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// Real starting points through `dotnet build`: the WorkOS AuthKit component app, Visual
/// Studio's "React and ASP.NET Core" layout, and a Vite app on https whose port comes from a variable with a fallback.
/// Each reaches the working end state in one build, and the second build makes no request.
/// </summary>
[TestClass]
public sealed class ComponentAndDevServerTests
{
    private static void AssertBuilt(ProcessResult result) => Assert.AreEqual(0, result.ExitCode, result.ToString());

    /// <summary>One environment; the deployment holds its three variables; WorkOS has the origin's settings; the env file its entries.</summary>
    private static void AssertWorkingEndState(ScenarioApp s, string origin, ProcessResult first)
    {
        var state = s.Sandbox.Snapshot();
        Assert.AreEqual(1, state.WorkosEnvironments.Count, first.ToString());
        var environment = s.WorkOSEnvironment()!;
        var variables = state.Deployment(ScenarioApp.Deployment).Env;
        Assert.AreEqual(environment.ClientId, variables["WORKOS_CLIENT_ID"]);
        Assert.AreEqual(environment.ApiKey, variables["WORKOS_API_KEY"]);
        Assert.AreEqual(environment.Id, variables["WORKOS_ENVIRONMENT_ID"]);
        CollectionAssert.AreEqual(new[] { origin + "/callback" }, environment.RedirectUris);
        CollectionAssert.AreEqual(new[] { origin }, environment.CorsOrigins);
        Assert.AreEqual(origin, environment.HomepageUrl);
        Assert.AreEqual(ScenarioApp.DeploymentEnvLine
            + $"\n# See this environment at https://dashboard.workos.com/{environment.Id}/authentication\nVITE_WORKOS_CLIENT_ID={environment.ClientId}\n"
            + $"\nVITE_WORKOS_REDIRECT_URI={origin}/callback\n", s.ReadEnvFile());
    }

    private static void AssertSecondBuildMakesNoRequest(ScenarioApp s, string project)
    {
        var envFile = s.ReadEnvFile();
        s.Sandbox.ClearRequests();
        var second = s.Build(project);
        AssertBuilt(second);
        Assert.AreEqual(0, s.Sandbox.Requests.Count, "the second build makes no request: " + second);
        Assert.AreEqual(envFile, s.ReadEnvFile());
        Assert.AreEqual(1, s.Sandbox.Snapshot().WorkosEnvironments.Count);
    }

    [TestMethod]
    public async Task TheAuthKitComponentApp_WorksAfterOneBuild_WithItsWebhookEndpointAndSecret()
    {
        await using var s = await ScenarioApp.StartAsync("authkit-component");

        var first = s.Build("ComponentApp.csproj");

        AssertBuilt(first);
        AssertWorkingEndState(s, "http://localhost:5173", first);
        Assert.IsFalse(first.Output.Contains("warning CAK"), first.ToString());
        var endpoint = s.WorkOSEnvironment()!.WebhookEndpoints.Single();
        Assert.AreEqual("https://happy-animal-123.convex.site/workos/webhook", endpoint.EndpointUrl);
        Assert.AreEqual("enabled", endpoint.Status);
        CollectionAssert.AreEqual(new[] { "user.created", "user.updated", "user.deleted" }, endpoint.Events);
        Assert.AreEqual(endpoint.Secret, s.Sandbox.Snapshot().Deployment(ScenarioApp.Deployment).Env["WORKOS_WEBHOOK_SECRET"]);
        Assert.IsFalse(first.Output.Contains(endpoint.Secret), "the secret reached the build's output");
        AssertSecondBuildMakesNoRequest(s, "ComponentApp.csproj");
    }

    [TestMethod]
    public async Task TheVisualStudioLayout_ServerProjectWithABackslashSpaRoot_RegistersTheSpaProxyOrigin()
    {
        await using var s = await ScenarioApp.StartAsync("vs-react-aspnet", appDirectory: "reactapp.client");

        var first = s.Build("ReactApp.Server/ReactApp.Server.csproj");

        AssertBuilt(first);
        Assert.IsFalse(first.Output.Contains("warning CAK"), first.ToString());
        AssertWorkingEndState(s, "https://localhost:56127", first);
        AssertSecondBuildMakesNoRequest(s, "ReactApp.Server/ReactApp.Server.csproj");
    }

    [TestMethod]
    public async Task TheVisualStudioClientBuiltOnItsOwn_RegistersItsViteConfigsHttpsPort()
    {
        await using var s = await ScenarioApp.StartAsync("vs-react-aspnet", appDirectory: "reactapp.client");
        s.App.Write("reactapp.client/Client.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Convex.AuthKit.Build" Version="$(ConvexAuthKitVersion)" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);

        var first = s.Build("reactapp.client/Client.csproj");

        AssertBuilt(first);
        Assert.IsFalse(first.Output.Contains("warning CAK"), first.ToString());
        AssertWorkingEndState(s, "https://localhost:56127", first);
        AssertSecondBuildMakesNoRequest(s, "reactapp.client/Client.csproj");
    }

    [TestMethod]
    public async Task AViteAppOnHttpsWithItsPortFromAVariable_RegistersHttpsOnTheFallbackPort()
    {
        await using var s = await ScenarioApp.StartAsync("vite-https-port");

        var first = s.Build("ViteHttpsApp.csproj");

        AssertBuilt(first);
        Assert.IsFalse(first.Output.Contains("warning CAK"), first.ToString());
        AssertWorkingEndState(s, "https://localhost:5443", first);
        AssertSecondBuildMakesNoRequest(s, "ViteHttpsApp.csproj");
    }
}
