using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;

namespace Convex.AuthKit.Build.IntegrationTests.Infrastructure;

/// <summary>
/// A fixture app wired to a fresh sandbox: its builds see CONVEX_PROVISION_HOST and WORKOS_API_URL pointing at the
/// sandbox, an isolated home with (optionally) a Convex access token file, and (optionally) CONVEX_DEPLOYMENT.
/// </summary>
public sealed class ScenarioApp : IAsyncDisposable
{
    public const string Deployment = "happy-animal-123";
    public const string DeploymentEnvLine = "# Deployment used by `npx convex dev`\nCONVEX_DEPLOYMENT=dev:happy-animal-123 # team: my-team, project: my-project\n";

    private ScenarioApp(FixtureProject app, SandboxServer sandbox, string appDirectory)
    {
        App = app;
        Sandbox = sandbox;
        AppDirectory = appDirectory;
        Environment = new Dictionary<string, string?>
        {
            ["CONVEX_PROVISION_HOST"] = sandbox.BigBrainUrl.ToString(),
            ["WORKOS_API_URL"] = sandbox.WorkOSUrl.ToString(),
        };
    }

    /// <summary>A deployment that already has its WorkOS environment (provisioned earlier, e.g. by the CLI), with nothing registered with WorkOS yet.</summary>
    public static SandboxScenario ProvisionedScenario()
    {
        var scenario = SandboxScenario.Fresh();
        var environment = new SandboxWorkOSEnvironment
        {
            DeploymentName = Deployment,
            Id = "environment_01JPROVISIONED0000000000001",
            Name = Deployment,
            ClientId = "client_01JPROVISIONED0000000000001",
            ApiKey = "sk_test_provisioned_scenario_7b2e4f",
        };
        scenario.WorkosEnvironments.Add(environment);
        scenario.Deployments[0].Env["WORKOS_CLIENT_ID"] = environment.ClientId;
        scenario.Deployments[0].Env["WORKOS_API_KEY"] = environment.ApiKey;
        scenario.Deployments[0].Env["WORKOS_ENVIRONMENT_ID"] = environment.Id;
        return scenario;
    }

    public FixtureProject App { get; }
    public SandboxServer Sandbox { get; }

    /// <summary>The Convex app's folder, relative to the fixture root ("" or "ClientApp").</summary>
    public string AppDirectory { get; }
    public Dictionary<string, string?> Environment { get; }

    public static async Task<ScenarioApp> StartAsync(string fixture, SandboxScenario? scenario = null, string appDirectory = "", bool loggedIn = true, bool withDeployment = true)
    {
        var sandbox = await SandboxServer.StartAsync(scenario ?? SandboxScenario.Fresh());
        var app = new ScenarioApp(PackedPackage.Fixture(fixture), sandbox, appDirectory);
        if (loggedIn)
        {
            var tokenFile = AccessTokenFile.PathFor(app.App.Home, sandbox.BigBrainUrl.ToString());
            Directory.CreateDirectory(Path.GetDirectoryName(tokenFile)!);
            File.WriteAllText(tokenFile, "{\n  \"accessToken\": \"" + FreshSecrets.AccessToken + "\"\n}\n");
        }
        if (withDeployment) app.WriteEnvFile(DeploymentEnvLine);
        return app;
    }

    public string EnvFileRelative => Path.Combine(AppDirectory, ".env.local");

    public void WriteEnvFile(string text) => App.Write(EnvFileRelative, text);

    public string ReadEnvFile() => App.Read(EnvFileRelative);

    /// <summary>The official templates' first step: copy the app's .env.local.example to .env.local, after the lines `npx convex dev` wrote.</summary>
    public void CopyExampleEnvFile() => WriteEnvFile(DeploymentEnvLine + "\n" + App.Read(Path.Combine(AppDirectory, ".env.local.example")));

    public ProcessResult Build(string project, params string[] arguments) => App.Build(project, arguments, Environment);

    public SandboxWorkOSEnvironment? WorkOSEnvironment() => Sandbox.Snapshot().EnvironmentFor(Deployment);

    /// <summary>The sandbox's current state as the starting scenario of another sandbox (e.g. "already provisioned").</summary>
    public SandboxScenario ScenarioFromState()
    {
        var state = Newtonsoft.Json.Linq.JObject.Parse(Sandbox.Snapshot().ToJson());
        state.Remove("counters");
        return SandboxScenario.Parse(state.ToString());
    }

    public ValueTask DisposeAsync()
    {
        // The builds' lock file and shared stamp live in the user's lock folder, named by the app's (unique) path.
        var app = Path.GetFullPath(Path.Combine(App.Root, AppDirectory));
        // A scenario that never built has no lock folder, and File.Delete throws for a missing folder.
        foreach (var file in new[] { Convex.AuthKit.Build.Incremental.AppLock.PathFor(app, new BuildsLockFileSystem(this)), AppStampPath() })
            if (file != null && File.Exists(file)) File.Delete(file);
        return Sandbox.DisposeAsync();
    }

    /// <summary>The app's shared stamp where the builds keep it: their lock folder follows their HOME, the fixture's.</summary>
    public string? AppStampPath() =>
        Convex.AuthKit.Build.Incremental.AppLock.StampPathFor(Path.GetFullPath(Path.Combine(App.Root, AppDirectory)), new BuildsLockFileSystem(this));

    /// <summary>The environment the builds see: the fixture's HOME and the scenario's variables over this process's.</summary>
    private sealed class BuildsLockFileSystem : Convex.AuthKit.Build.Incremental.LockFileSystem
    {
        private readonly ScenarioApp _scenario;

        public BuildsLockFileSystem(ScenarioApp scenario) { _scenario = scenario; }

        public override string? GetEnvironmentVariable(string name) =>
            name == "HOME" ? _scenario.App.Home
            : _scenario.Environment.TryGetValue(name, out var value) ? value
            : System.Environment.GetEnvironmentVariable(name);
    }
}
