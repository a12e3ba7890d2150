namespace Convex.AuthKit.Sandbox.Tests;

internal static class SandboxFixture
{
    public const string Deployment = "happy-animal-123";
    public static string AccessToken => FreshSecrets.AccessToken;
    public static string AdminKey => FreshSecrets.AdminKey(Deployment);
    public static string DeployKey => FreshSecrets.DeployKey(Deployment);

    public static Task<SandboxServer> Fresh(bool teamHasWorkOS = true) =>
        SandboxServer.StartAsync(SandboxScenario.Fresh(Deployment, teamHasWorkOS));

    /// <summary>get_or_provision with the CLI's body; returns the answer's JSON.</summary>
    public static async Task<Newtonsoft.Json.Linq.JToken> Provision(SandboxServer server, string environmentType = "nonproduction")
    {
        var answer = await SandboxHttp.Post(server.BigBrainUrl, "/api/workos/get_or_provision_workos_environment",
            SandboxHttp.Bearer(AccessToken), new { deploymentName = Deployment, environmentType });
        Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(200, answer.Status, answer.ToString());
        return answer.Json;
    }
}
