using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;

namespace Convex.AuthKit.Demo;

/// <summary>
/// The main job: pack the package, start the local control plane, build the Vite sample in Debug through the
/// package as a logged-in developer would, and show what was provisioned. Then build again: nothing to do.
/// </summary>
public static class Program
{
    private static readonly string[] DebugBuildArguments = { "-c", "Debug" };

    public static async Task<int> Main(string[] args)
    {
        var keep = args.Contains("--keep");
        Say("Packing Convex.AuthKit.Build into a temporary feed...");
        var feed = PackageFeed.Pack("demo");
        await using var sandbox = await SandboxServer.StartAsync(SandboxScenario.Fresh());
        Say($"Sandbox control plane: Convex management API {sandbox.BigBrainUrl}, deployments {sandbox.DeploymentUrl}, WorkOS {sandbox.WorkOSUrl}");

        var app = FixtureProject.Copy(feed, "vite-app");
        const string deployment = "happy-animal-123";
        // What `npx convex dev` and `npx convex login` leave behind: CONVEX_DEPLOYMENT in .env.local and a token file.
        app.Write(".env.local", $"# Deployment used by `npx convex dev`\nCONVEX_DEPLOYMENT=dev:{deployment} # team: my-team, project: my-project\n\nVITE_CONVEX_URL={sandbox.DeploymentUrl}\n");
        var tokenFile = AccessTokenFile.PathFor(app.Home, sandbox.BigBrainUrl.ToString());
        Directory.CreateDirectory(Path.GetDirectoryName(tokenFile)!);
        File.WriteAllText(tokenFile, "{\n  \"accessToken\": \"" + FreshSecrets.AccessToken + "\"\n}\n");
        var environment = new System.Collections.Generic.Dictionary<string, string?>
        {
            ["CONVEX_PROVISION_HOST"] = sandbox.BigBrainUrl.ToString(),
            ["WORKOS_API_URL"] = sandbox.WorkOSUrl.ToString(),
        };

        Say($"\ndotnet build -c Debug {Path.Combine(app.Root, "ViteApp.csproj")}");
        var first = app.Build("ViteApp.csproj", DebugBuildArguments, environment, onLine: EchoPackageLine);
        if (first.ExitCode != 0) return Fail(first, feed, keep);

        var state = sandbox.Snapshot();
        var vars = state.Deployment(deployment).Env;
        var workos = state.EnvironmentFor(deployment);
        Say("\nWhat the build provisioned:");
        Say($"  deployment {deployment} variables: {string.Join(", ", vars.Keys.OrderBy(k => k).Select(k => k + "=" + (k == "WORKOS_API_KEY" ? "***" : vars[k])))}");
        if (workos != null)
        {
            Say($"  WorkOS environment {workos.Name} ({workos.Id}), client {workos.ClientId}");
            Say($"    redirect URIs: {string.Join(", ", workos.RedirectUris)}");
            Say($"    CORS origins:  {string.Join(", ", workos.CorsOrigins)}");
            Say($"    homepage:      {workos.HomepageUrl}");
        }
        Say($"  {sandbox.Requests.Count} HTTP requests to the control plane");
        Say("\n.env.local now reads:");
        foreach (var line in app.Read(".env.local").Split('\n')) Say("  | " + line);

        sandbox.ClearRequests();
        Say("\nBuilding again (nothing changed):");
        var second = app.Build("ViteApp.csproj", DebugBuildArguments, environment, onLine: EchoPackageLine);
        if (second.ExitCode != 0) return Fail(second, feed, keep);
        Say($"  {sandbox.Requests.Count} HTTP requests on the second build.");

        if (keep) Say($"\nKept the sample at {app.Root}"); else feed.Delete();
        return 0;
    }

    private static void EchoPackageLine(string line)
    {
        if (line.Contains("Convex.AuthKit:") || line.Contains(" CAK1") || line.Contains(" CAK2")) Console.WriteLine("  " + line.Trim());
    }

    private static int Fail(ProcessResult result, PackageFeed feed, bool keep)
    {
        Console.Error.WriteLine("The build failed:\n" + result.Output);
        if (!keep) feed.Delete();
        return 1;
    }

    private static void Say(string text) => Console.WriteLine(text);
}
