using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// docs/architecture.md#incremental-rules through `dotnet build`: on an unchanged project the inputs task finds
/// nothing newer than the stamp, _ConvexAuthKitProvisionCore does not run and no request is made; every input change
/// (and ConvexAuthKitForce) runs it again; the items flow on a stamp hit; Clean forgets the stamp and never touches
/// the env file. Builds run at detailed verbosity, where the inputs task says what it decided and MSBuild names each
/// task it runs.
/// </summary>
[TestClass]
public sealed class IncrementalBuildTests
{
    private const string SkippedLine = "Convex.AuthKit: up to date, nothing changed since the last successful run";
    private const string BuiltLine = "Task \"ProvisionAuthKitTask\"";

    /// <summary>Added to the test copy: prints the items and whether the stamp is in FileWrites, after the package's target.</summary>
    private const string ProbeTargets = """
        <Project>
          <Target Name="_TestPrintConvexAuthKitItems" AfterTargets="ConvexAuthKitProvision">
            <ItemGroup>
              <_TestStampWrite Include="@(FileWrites)" Condition="'%(Extension)' == '.stamp'" />
            </ItemGroup>
            <Message Importance="high" Text="test-items: @(ConvexAuthKitEnvironmentVariable->'%(Identity)=%(Value)', ' | ')" />
            <Message Importance="high" Text="test-stamp-in-filewrites: @(_TestStampWrite->'%(Filename)%(Extension)')" />
          </Target>
        </Project>
        """;

    private static void AssertBuilt(ProcessResult result) => Assert.AreEqual(0, result.ExitCode, result.ToString());

    private static int Count(ProcessResult result, string line) => result.Output.Split('\n').Count(l => l.Contains(line, StringComparison.Ordinal));

    private static void AssertSkipped(ProcessResult result, int times, string why)
    {
        AssertBuilt(result);
        Assert.AreEqual(times, Count(result, SkippedLine), why + ": the inputs task finds the project up to date\n" + result);
        Assert.AreEqual(0, Count(result, BuiltLine), why + ": the target does not run\n" + result);
    }

    private static void AssertRan(ProcessResult result, string why)
    {
        AssertBuilt(result);
        Assert.AreEqual(1, Count(result, BuiltLine), why + ": the target runs\n" + result);
        Assert.AreEqual(0, Count(result, SkippedLine), why + "\n" + result);
    }

    /// <summary>A detailed build, with the sandbox's request log cleared first.</summary>
    private static ProcessResult Build(ScenarioApp s, string project, params string[] arguments)
    {
        s.Sandbox.ClearRequests();
        return s.Build(project, new[] { "-v:d" }.Concat(arguments).ToArray());
    }

    private static string ItemsLine(ProcessResult result)
    {
        var lines = result.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("test-items:", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(1, lines.Count, result.ToString());
        return lines[0];
    }

    [TestMethod]
    public async Task UnchangedProjectSkipsTheTargetWithoutRequests_AndEveryInputChangeRunsItAgain()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        s.App.Write("Directory.Build.targets", ProbeTargets);
        const string project = "ViteApp.csproj";
        AssertBuilt(s.Build(project));
        var environment = s.WorkOSEnvironment()!;
        Assert.AreEqual(1, s.Sandbox.Snapshot().Counters.GetOrProvisionCalls);

        var unchanged = Build(s, project);
        AssertSkipped(unchanged, 1, "unchanged project");
        Assert.AreEqual(0, s.Sandbox.Requests.Count, "an unchanged project makes no HTTP request");
        Assert.AreEqual($"test-items: VITE_WORKOS_CLIENT_ID={environment.ClientId} | VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback", ItemsLine(unchanged),
            "the items are there on a stamp hit");
        StringAssert.Contains(unchanged.Output, "test-stamp-in-filewrites: ViteApp.ConvexAuthKit.stamp");
        Assert.AreEqual(1, Count(unchanged, "Task \"CollectConvexAuthKitInputsTask\""), "one task of the package runs on an unchanged project\n" + unchanged);
        Assert.AreEqual(1, Count(unchanged, "Assembly loaded during TaskRun: Convex.AuthKit.Build,"), unchanged.ToString());
        Assert.IsFalse(unchanged.Output.Split('\n').Any(l => l.Contains("Assembly loaded during TaskRun (Convex.AuthKit.Build.", StringComparison.Ordinal) && l.Contains("Newtonsoft.Json", StringComparison.Ordinal)),
            "no JSON stack on the no-op path\n" + unchanged);

        // A rebuilt package of the same version (NuGet keeps the packed files' times, so this is a developer's case):
        // the task assembly is an input.
        var taskAssembly = Path.Combine(PackedPackage.Feed.PackagesFolder, "convex.authkit.build", PackedPackage.Feed.Version.ToLowerInvariant(), "tasks", "net8.0", "Convex.AuthKit.Build.dll");
        var packedTime = File.GetLastWriteTimeUtc(taskAssembly);
        try
        {
            File.SetLastWriteTimeUtc(taskAssembly, DateTime.UtcNow);
            var newerAssembly = Build(s, project);
            AssertRan(newerAssembly, "the task assembly is newer than the stamp");
            StringAssert.Contains(newerAssembly.Output, "Convex.AuthKit.Build.dll is newer than the stamp", newerAssembly.ToString());
            Assert.AreEqual(0, s.Sandbox.Requests.Count, "same inputs: no request\n" + newerAssembly);
        }
        finally
        {
            File.SetLastWriteTimeUtc(taskAssembly, packedTime);
        }
        AssertSkipped(Build(s, project), 1, "after the assembly check");

        // Touched without a content change (a checkout, an editor's save): the target runs, finds the stamp current,
        // makes no request, and brings the stamp forward so the next build skips it again.
        File.SetLastWriteTimeUtc(s.App.PathOf("convex.json"), DateTime.UtcNow);
        var touched = Build(s, project);
        AssertRan(touched, "convex.json touched");
        Assert.AreEqual(0, s.Sandbox.Requests.Count, "same content: no request\n" + touched);
        AssertSkipped(Build(s, project), 1, "after a touch");

        var tokenFile = AccessTokenFile.PathFor(s.App.Home, s.Sandbox.BigBrainUrl.ToString());
        var changes = new (string Name, Action Change, string[] Arguments)[]
        {
            ("convex.json", () => s.App.Write("convex.json", s.App.Read("convex.json") + "\n"), Array.Empty<string>()),
            ("auth config", () => s.App.Write("convex/auth.config.ts", s.App.Read("convex/auth.config.ts") + "// edited\n"), Array.Empty<string>()),
            ("package.json", () => s.App.Write("package.json", s.App.Read("package.json").Replace("\"private\": true", "\"private\": true,\n  \"version\": \"1.0.1\"")), Array.Empty<string>()),
            ("env file", () => s.WriteEnvFile(s.ReadEnvFile() + "\nMY_OWN_SETTING=1\n"), Array.Empty<string>()),
            ("CONVEX_DEPLOYMENT", () => s.Environment["CONVEX_DEPLOYMENT"] = "dev:" + ScenarioApp.Deployment, Array.Empty<string>()),
            ("re-login (token file)", () => File.WriteAllText(tokenFile, "{\n  \"accessToken\": \"" + FreshSecrets.AccessToken + "\"\n}"), Array.Empty<string>()),
            ("ConvexAuthKitForce", () => { }, new[] { "-p:ConvexAuthKitForce=true" }),
        };
        foreach (var (name, change, arguments) in changes)
        {
            change();
            var changed = Build(s, project, arguments);
            AssertRan(changed, name);
            Assert.IsTrue(s.Sandbox.Requests.Any(r => r.Path.EndsWith("/authorize_within_current_project", StringComparison.Ordinal)),
                $"{name}: the deployment is checked again\n{changed}");
            AssertSkipped(Build(s, project), 1, "the build after: " + name);
            Assert.AreEqual(0, s.Sandbox.Requests.Count, "the build after " + name + " makes no request");
        }

        var state = s.Sandbox.Snapshot();
        Assert.AreEqual(1, state.WorkosEnvironments.Count);
        Assert.AreEqual(1, state.Counters.GetOrProvisionCalls, "re-checks never provision again");
    }

    [TestMethod]
    public async Task MultiTargetedProject_TheSecondInnerBuildSkipsTheTarget()
    {
        await using var s = await ScenarioApp.StartAsync("multi-target");
        const string project = "Multi.csproj";

        // One node: the inner builds run one after the other; the second finds the first one's stamp.
        var first = Build(s, project, "-m:1");
        AssertBuilt(first);
        Assert.AreEqual(1, Count(first, BuiltLine), first.ToString());
        Assert.AreEqual(1, Count(first, SkippedLine), "the second inner build skips the target\n" + first);
        Assert.AreEqual(1, s.Sandbox.Snapshot().Counters.GetOrProvisionCalls);

        var second = Build(s, project);
        AssertSkipped(second, 2, "both inner builds of an unchanged project");
        Assert.AreEqual(0, s.Sandbox.Requests.Count);
    }

    [TestMethod]
    public async Task CleanForgetsTheProjectsStampKeepsTheAppsCheckAndLeavesTheEnvFileAlone()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        const string project = "ViteApp.csproj";
        AssertBuilt(s.Build(project));
        var envFile = s.ReadEnvFile();
        StringAssert.Contains(envFile, "VITE_WORKOS_CLIENT_ID=");
        var envFileTime = File.GetLastWriteTimeUtc(s.App.PathOf(s.EnvFileRelative));
        var appStamp = s.AppStampPath();
        Assert.IsTrue(File.Exists(appStamp), "the Convex app's shared stamp");

        var clean = s.App.Build(project, new[] { "-v:n" }, s.Environment, verb: "clean");
        AssertBuilt(clean);
        Assert.AreEqual(envFile, s.ReadEnvFile(), "dotnet clean leaves .env.local as it was");
        Assert.AreEqual(envFileTime, File.GetLastWriteTimeUtc(s.App.PathOf(s.EnvFileRelative)), "not even rewritten");
        Assert.IsFalse(Directory.EnumerateFiles(s.App.PathOf("obj"), "ViteApp.ConvexAuthKit.*").Any(), "the state files are gone");
        Assert.IsTrue(File.Exists(appStamp), "the Convex app's check stays: other projects of the app rely on it");

        var rebuilt = Build(s, project);
        AssertRan(rebuilt, "after clean");
        Assert.AreEqual(0, s.Sandbox.Requests.Count, "the build after clean adopts the app's last check\n" + rebuilt);
        Assert.IsTrue(File.Exists(s.App.PathOf("obj/ViteApp.ConvexAuthKit.stamp")), "and records it as its own");

        var forced = Build(s, project, "-p:ConvexAuthKitForce=true");
        AssertRan(forced, "forced");
        Assert.IsTrue(s.Sandbox.Requests.Any(r => r.Path.EndsWith("/authorize_within_current_project", StringComparison.Ordinal)), "a forced build re-checks");
        Assert.AreEqual(envFile, s.ReadEnvFile());
        Assert.AreEqual(1, s.Sandbox.Snapshot().Counters.GetOrProvisionCalls, "the re-check finds the environment provisioned");
    }
}
