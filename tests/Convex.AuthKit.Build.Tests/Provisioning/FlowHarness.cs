using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Provisioning;
using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Build.Vocabulary;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// Runs the provisioning flow in-process, exactly as the task does (ProvisioningSession), against the sandbox over
/// loopback, on a private copy of one of tests/fixtures/. The environment is injected, never the process's own.
/// </summary>
internal sealed class FlowHarness : IAsyncDisposable
{
    public const string Deployment = "happy-animal-123";

    private FlowHarness(SandboxServer sandbox, string root, string appRelative)
    {
        Sandbox = sandbox;
        Root = root;
        AppDirectory = Path.Combine(root, appRelative);
        Home = Path.Combine(root, ".home");
        Directory.CreateDirectory(Home);
        Environment = new Dictionary<string, string?>
        {
            ["CONVEX_PROVISION_HOST"] = sandbox.BigBrainUrl.ToString(),
            ["WORKOS_API_URL"] = sandbox.WorkOSUrl.ToString(),
        };
    }

    public SandboxServer Sandbox { get; }
    public string Root { get; }
    public string AppDirectory { get; }
    public string Home { get; }
    public Dictionary<string, string?> Environment { get; }
    public RecordingLogSink Log { get; private set; } = new();
    public Action<BuildSettings>? Configure { get; set; }

    public string ProjectDirectory { get; set; } = "";
    public string ProjectFile => Path.Combine(ProjectDirectory, "App.csproj");
    public string EnvFilePath => Path.Combine(AppDirectory, ".env.local");
    public StateFilePaths Files => new(Path.Combine(ProjectDirectory, "obj", "App.inputs"), Path.Combine(ProjectDirectory, "obj", "App.stamp"), Path.Combine(ProjectDirectory, "obj", "App.items"), Path.Combine(ProjectDirectory, "obj", "App.g.targets"));

    /// <summary>Copies a fixture, starts the sandbox, and (unless told otherwise) logs in and selects the dev deployment.</summary>
    public static async Task<FlowHarness> StartAsync(string fixture = "vite-app", SandboxScenario? scenario = null, string appRelative = "",
        bool loggedIn = true, bool withDeployment = true)
    {
        var sandbox = await SandboxServer.StartAsync(scenario ?? SandboxScenario.Fresh());
        var root = Path.Combine(Path.GetTempPath(), "convex-authkit-flow-" + Guid.NewGuid().ToString("N")[..10]);
        FixtureFiles.CopyTo(fixture, root);
        var harness = new FlowHarness(sandbox, root, appRelative) { ProjectDirectory = Path.Combine(root, appRelative) };
        if (loggedIn) harness.LogIn(FreshSecrets.AccessToken);
        if (withDeployment) harness.WriteEnvFile($"# Deployment used by `npx convex dev`\nCONVEX_DEPLOYMENT=dev:{Deployment} # team: my-team, project: my-project\n\nVITE_CONVEX_URL=https://{Deployment}.convex.cloud\n");
        return harness;
    }

    public void LogIn(string token)
    {
        var path = AccessTokenFile.PathFor(Home, Sandbox.BigBrainUrl.ToString());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{\n  \"accessToken\": \"" + token + "\"\n}\n");
    }

    public void WriteEnvFile(string text) => File.WriteAllText(EnvFilePath, text);

    public string ReadEnvFile() => File.ReadAllText(EnvFilePath);

    public BuildSettings Settings()
    {
        var settings = new BuildSettings
        {
            ProjectDirectory = ProjectDirectory,
            EnvFile = ".env.local", // the package's .props defaults
            TimeoutSeconds = 100,
            Environment = name => Environment.TryGetValue(name, out var value) ? value : null,
            HomeDirectory = Home,
        };
        Configure?.Invoke(settings);
        return settings;
    }

    /// <summary>One build's worth of work; returns the log of that run.</summary>
    public async Task<RecordingLogSink> RunAsync(CancellationToken cancellationToken = default)
    {
        Log = new RecordingLogSink();
        var settings = Settings();
        await ProvisioningSession.RunAsync(settings, Files, new ProvisionLog(Log, settings.FailOnError, ProjectFile), cancellationToken);
        return Log;
    }

    /// <summary>
    /// The round trips that had to follow each other: a request that started after every earlier one ended opens a new
    /// one. Meaningful with <see cref="SandboxServer.Latency"/> set, so that concurrent requests overlap.
    /// </summary>
    public int SequentialRoundTrips()
    {
        var waves = 0;
        var waveEnd = DateTimeOffset.MinValue;
        foreach (var request in Sandbox.Requests.OrderBy(r => r.Started))
        {
            if (request.Started >= waveEnd) { waves++; waveEnd = request.Ended; }
            else if (request.Ended > waveEnd) waveEnd = request.Ended;
        }
        return waves;
    }

    public string RequestList => string.Join("\n", Sandbox.Requests.OrderBy(r => r.Started));

    public SandboxWorkOSEnvironment? WorkOSEnvironment() => Sandbox.Snapshot().EnvironmentFor(Deployment);

    public IReadOnlyDictionary<string, string> DeploymentVariables() => Sandbox.Snapshot().Deployment(Deployment).Env;

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        // The lock file and the shared stamp live in the user's lock folder, named by the app's (unique) path.
        File.Delete(AppLock.PathFor(AppDirectory)!);
        File.Delete(AppLock.StampPathFor(AppDirectory)!);
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
