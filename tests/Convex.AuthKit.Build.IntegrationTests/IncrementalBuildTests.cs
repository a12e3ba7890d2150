using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// docs/architecture.md#incremental-rules through `dotnet build`: on an unchanged project MSBuild itself finds
/// nothing changed (the generated file in obj/ the last check wrote), so no task of the package runs and no request is
/// made; every input change (and ConvexAuthKitForce) runs the provisioning again; the items flow without a task; Clean
/// forgets the project's state and never touches the env file. Builds run at detailed verbosity, where MSBuild names
/// each task it runs.
/// </summary>
[TestClass]
public sealed class IncrementalBuildTests
{
    private const string InputsTaskLine = "Task \"CollectConvexAuthKitInputsTask\"";
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

    /// <summary>No task of the package ran, nor was its assembly loaded.</summary>
    private static void AssertSkipped(ProcessResult result, string why)
    {
        AssertBuilt(result);
        Assert.AreEqual(0, Count(result, InputsTaskLine), why + ": the inputs task does not run\n" + result);
        Assert.AreEqual(0, Count(result, BuiltLine), why + ": the provisioning task does not run\n" + result);
        Assert.AreEqual(0, Count(result, "Assembly loaded during TaskRun: Convex.AuthKit.Build,"), why + ": the task assembly is not even loaded\n" + result);
    }

    /// <summary>The inputs task ran and found the project up to date: it records that, and the provisioning does not run.</summary>
    private static void AssertChecked(ProcessResult result, string why)
    {
        AssertBuilt(result);
        Assert.AreEqual(1, Count(result, InputsTaskLine), why + ": the inputs task checks\n" + result);
        Assert.AreEqual(0, Count(result, BuiltLine), why + ": the provisioning task does not run\n" + result);
    }

    private static void AssertRan(ProcessResult result, string why)
    {
        AssertBuilt(result);
        Assert.AreEqual(1, Count(result, BuiltLine), why + ": the target runs\n" + result);
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
    public async Task UnchangedProjectRunsNoTaskOfThePackage_AndEveryInputChangeRunsTheProvisioningAgain()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        s.App.Write("Directory.Build.targets", ProbeTargets);
        const string project = "ViteApp.csproj";
        AssertBuilt(s.Build(project));
        var environment = s.WorkOSEnvironment()!;
        Assert.AreEqual(1, s.Sandbox.Snapshot().Counters.GetOrProvisionCalls);

        var unchanged = Build(s, project);
        AssertSkipped(unchanged, "unchanged project");
        Assert.AreEqual(0, s.Sandbox.Requests.Count, "an unchanged project makes no HTTP request");
        Assert.AreEqual($"test-items: VITE_WORKOS_CLIENT_ID={environment.ClientId} | VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback", ItemsLine(unchanged),
            "the items are there without a task");
        StringAssert.Contains(unchanged.Output, "test-stamp-in-filewrites: ViteApp.ConvexAuthKit.stamp");

        // At a user's default verbosity, MSBuild's own performance summary lists no task of the package.
        var summary = s.Build(project, "-clp:PerformanceSummary");
        AssertBuilt(summary);
        var tasks = summary.Output.Substring(summary.Output.IndexOf("Task Performance Summary:", StringComparison.Ordinal));
        StringAssert.Contains(tasks, "MSBuild", "the task section lists the tasks that ran\n" + summary);
        Assert.IsFalse(tasks.Contains("AuthKit", StringComparison.Ordinal), "no task of the package ran on a no-op build\n" + summary);

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
        // Put back at its packed time: another time than the one recorded, so the inputs task checks (nothing is newer
        // than the stamp, so no provisioning) and records it; then MSBuild decides again.
        AssertChecked(Build(s, project), "the task assembly back at its packed time");
        AssertSkipped(Build(s, project), "after the assembly check");

        // Another package version: the .targets name another task assembly, and the record names the one that made it.
        var upgraded = Path.Combine(s.App.PathOf("obj"), "upgraded-package");
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(taskAssembly)!))
        {
            Directory.CreateDirectory(upgraded);
            File.Copy(file, Path.Combine(upgraded, Path.GetFileName(file)));
        }
        var upgrade = "-p:ConvexAuthKitTaskAssembly=" + Path.Combine(upgraded, "Convex.AuthKit.Build.dll");
        AssertChecked(Build(s, project, upgrade), "another package version");
        AssertSkipped(Build(s, project, upgrade), "after the upgrade");
        AssertChecked(Build(s, project), "back to the packed version");

        // Touched without a content change (a checkout, an editor's save): the target runs, finds the stamp current,
        // makes no request, and brings the stamp forward so the next build skips it again.
        File.SetLastWriteTimeUtc(s.App.PathOf("convex.json"), DateTime.UtcNow);
        var touched = Build(s, project);
        AssertRan(touched, "convex.json touched");
        Assert.AreEqual(0, s.Sandbox.Requests.Count, "same content: no request\n" + touched);
        AssertSkipped(Build(s, project), "after a touch");

        var tokenFile = AccessTokenFile.PathFor(s.App.Home, s.Sandbox.BigBrainUrl.ToString());
        var none = Array.Empty<string>();
        var changes = new (string Name, Action Change, string[] Arguments, string[] After)[]
        {
            ("convex.json", () => s.App.Write("convex.json", s.App.Read("convex.json") + "\n"), none, none),
            ("auth config", () => s.App.Write("convex/auth.config.ts", s.App.Read("convex/auth.config.ts") + "// edited\n"), none, none),
            ("package.json", () => s.App.Write("package.json", s.App.Read("package.json").Replace("\"private\": true", "\"private\": true,\n  \"version\": \"1.0.1\"")), none, none),
            ("env file", () => s.WriteEnvFile(s.ReadEnvFile() + "\nMY_OWN_SETTING=1\n"), none, none),
            ("vite.config.js created where vite.config.ts was looked for first", () => s.App.Write("vite.config.js", "export default {}\n"), none, none),
            ("CONVEX_DEPLOYMENT set", () => s.Environment["CONVEX_DEPLOYMENT"] = "dev:" + ScenarioApp.Deployment, none, none),
            ("re-login (token file)", () => File.WriteAllText(tokenFile, "{\n  \"accessToken\": \"" + FreshSecrets.AccessToken + "\"\n}"), none, none),
            ("a property", () => { }, new[] { "-p:ConvexAuthKitTimeoutSeconds=90" }, new[] { "-p:ConvexAuthKitTimeoutSeconds=90" }),
            ("ConvexAuthKitForce", () => { }, new[] { "-p:ConvexAuthKitForce=true" }, none),
        };
        foreach (var (name, change, arguments, after) in changes)
        {
            change();
            var changed = Build(s, project, arguments);
            AssertRan(changed, name);
            Assert.IsTrue(s.Sandbox.Requests.Any(r => r.Path.EndsWith("/authorize_within_current_project", StringComparison.Ordinal)),
                $"{name}: the deployment is checked again\n{changed}");
            // A forced run records nothing for MSBuild: the next build's inputs task finds it up to date and does.
            if (arguments.Contains("-p:ConvexAuthKitForce=true")) AssertChecked(Build(s, project, after), "the build after: " + name);
            AssertSkipped(Build(s, project, after), "the build after: " + name);
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
        Assert.AreEqual(1, Count(first, BuiltLine), "the second inner build skips the target\n" + first);
        Assert.AreEqual(1, s.Sandbox.Snapshot().Counters.GetOrProvisionCalls);

        var second = Build(s, project);
        AssertSkipped(second, "both inner builds of an unchanged project");
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
