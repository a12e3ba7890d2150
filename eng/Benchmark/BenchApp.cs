using System.Diagnostics;
using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;

namespace Convex.AuthKit.Benchmark;

/// <summary>A private fixture copy wired to a sandbox (logged in, dev deployment selected), with or without the package.</summary>
internal sealed class BenchApp
{
    private BenchApp(FixtureProject app, SandboxServer sandbox)
    {
        App = app;
        Environment = new Dictionary<string, string?>
        {
            ["CONVEX_PROVISION_HOST"] = sandbox.BigBrainUrl.ToString(),
            ["WORKOS_API_URL"] = sandbox.WorkOSUrl.ToString(),
        };
    }

    public FixtureProject App { get; }
    public Dictionary<string, string?> Environment { get; }

    public static BenchApp Create(PackageFeed feed, string fixture, SandboxServer sandbox, bool withPackage, Action<FixtureProject>? prepare = null)
    {
        var app = FixtureProject.Copy(feed, fixture);
        prepare?.Invoke(app);
        if (!withPackage)
            foreach (var project in Directory.EnumerateFiles(app.Root, "*.csproj", SearchOption.AllDirectories))
                File.WriteAllLines(project, File.ReadAllLines(project).Where(l => !l.Contains("Convex.AuthKit.Build", StringComparison.Ordinal)));
        var tokenFile = AccessTokenFile.PathFor(app.Home, sandbox.BigBrainUrl.ToString());
        Directory.CreateDirectory(Path.GetDirectoryName(tokenFile)!);
        File.WriteAllText(tokenFile, "{\n  \"accessToken\": \"" + FreshSecrets.AccessToken + "\"\n}\n");
        app.Write(".env.local", "CONVEX_DEPLOYMENT=dev:happy-animal-123\n");
        return new BenchApp(app, sandbox);
    }

    public ProcessResult Build(string project, params string[] arguments) => Require(App.Build(project, arguments, Environment), "build " + project);

    public void Restore(string project) => Require(App.Build(project, null, Environment, verb: "restore"), "restore " + project);

    /// <summary>Wall time of one `dotnet build` process, as a developer waits for it.</summary>
    public (ProcessResult Result, double Seconds) Timed(string project, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        var result = App.Build(project, arguments, Environment);
        clock.Stop();
        return (Require(result, "build " + project), clock.Elapsed.TotalSeconds);
    }

    private static ProcessResult Require(ProcessResult result, string what) =>
        result.ExitCode == 0 ? result : throw new InvalidOperationException($"dotnet {what} failed: {result}");
}
