using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// `dotnet build -p:ConvexAuthKitDryRun=true`: prints every call it would make and every env-file line it would add,
/// and changes nothing: no mutating request in the sandbox log, the env file byte-identical, no stamp.
/// </summary>
[TestClass]
public sealed class DryRunTests
{
    private const string DryRun = "-p:ConvexAuthKitDryRun=true";

    [TestMethod]
    public async Task FreshApp_PrintsThePlan_AndChangesNothing()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        var before = File.ReadAllBytes(s.App.PathOf(s.EnvFileRelative));

        var result = s.Build("ViteApp.csproj", DryRun);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        foreach (var expected in new[]
        {
            "dry run, nothing changed; a build would:",
            "- POST Convex management API /api/deployment/authorize_within_current_project",
            "- GET deployment /api/v1/list_environment_variables",
            "- POST Convex management API /api/workos/get_or_provision_workos_environment",
            "- POST deployment /api/v1/update_environment_variables (set WORKOS_CLIENT_ID, WORKOS_ENVIRONMENT_ID, WORKOS_API_KEY)",
            "- POST WorkOS /user_management/redirect_uris (http://localhost:5173/callback)",
            "- POST WorkOS /user_management/cors_origins (http://localhost:5173)",
            "- PUT WorkOS /user_management/app_homepage_url (http://localhost:5173)",
            "set VITE_WORKOS_CLIENT_ID=<client ID of the new environment>",
            "- .env.local: set VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback",
        })
            StringAssert.Contains(result.Output, expected);
        SandboxChecks.AssertNoMutatingRequest(s.Sandbox);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(s.App.PathOf(s.EnvFileRelative)), "the env file is byte-identical");
        Assert.IsFalse(File.Exists(s.App.PathOf("obj/ViteApp.ConvexAuthKit.stamp")), "a dry run writes no stamp");
        SandboxChecks.AssertNoSecret(s.Sandbox, result.Output);
    }

    [TestMethod]
    public async Task AlreadyProvisioned_BypassesTheStamp_AndChangesNothing()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        Assert.AreEqual(0, s.Build("ViteApp.csproj").ExitCode);
        var envFile = File.ReadAllBytes(s.App.PathOf(s.EnvFileRelative));
        var stampPath = s.App.PathOf("obj/ViteApp.ConvexAuthKit.stamp");
        var stamp = File.ReadAllBytes(stampPath);
        var stampTime = File.GetLastWriteTimeUtc(stampPath);
        s.Sandbox.ClearRequests();

        var result = s.Build("ViteApp.csproj", DryRun);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "dry run, up to date, nothing would change");
        StringAssert.Contains(result.Output, "- GET deployment /api/v1/list_environment_variables");
        Assert.IsFalse(result.Output.Contains("- POST WorkOS /user_management/"), "re-sending the WorkOS settings changes nothing, as the report and the status say: " + result);
        Assert.IsFalse(result.Output.Contains("get_or_provision") || result.Output.Contains("update_environment_variables") || result.Output.Contains("- .env.local:"), result.ToString());
        Assert.IsTrue(s.Sandbox.Requests.Count > 0, "the stamp does not short-circuit a dry run");
        SandboxChecks.AssertNoMutatingRequest(s.Sandbox);
        CollectionAssert.AreEqual(envFile, File.ReadAllBytes(s.App.PathOf(s.EnvFileRelative)));
        CollectionAssert.AreEqual(stamp, File.ReadAllBytes(stampPath));
        Assert.AreEqual(stampTime, File.GetLastWriteTimeUtc(stampPath));
        SandboxChecks.AssertNoSecret(s.Sandbox, result.Output);
    }
}

/// <summary>Checks on the sandbox's request log and on build output, shared by the dry-run, status and override tests.</summary>
internal static class SandboxChecks
{
    /// <summary>Provisioning calls: get-or-provision, team creation, variable writes, any WorkOS POST/PUT.</summary>
    public static bool IsMutating(SandboxRequest r) =>
        r.Path.Contains("get_or_provision") || r.Path.Contains("provision_associated_workos_team") || r.Path.Contains("update_environment_variables")
        || (r.Service == SandboxService.WorkOS && (r.Method == "POST" || r.Method == "PUT"));

    public static void AssertNoMutatingRequest(SandboxServer sandbox) =>
        Assert.IsFalse(sandbox.Requests.Any(IsMutating), "mutating request: " + string.Join(", ", sandbox.Requests.Where(IsMutating)));

    public static void AssertNoSecret(SandboxServer sandbox, string output)
    {
        var secrets = new[] { FreshSecrets.AccessToken, FreshSecrets.AdminKey(ScenarioApp.Deployment), FreshSecrets.DeployKeySecret }
            .Concat(sandbox.Snapshot().WorkosEnvironments.Select(e => e.ApiKey));
        foreach (var secret in secrets) Assert.IsFalse(output.Contains(secret), "a secret reached the build output");
    }

    /// <summary>The package's lines of a build's output (messages, warnings, errors).</summary>
    public static string[] Lines(ProcessResult result) => FixtureProject.PackageLines(result).ToArray();
}
