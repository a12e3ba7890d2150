using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.EvaluationTests;

/// <summary>
/// dotnet watch (docs/architecture.md#gating) imports the SDK's DotNetWatch.targets through
/// CustomAfterMicrosoftCommonTargets (CustomAfterMicrosoftCommonCrossTargetingTargets in a multi-targeted project's
/// outer build) and collects the Watch items with its _CollectWatchItems target in a design-time
/// build; the test does the same with the SDK's own file, and the real inputs task built from this repository.
/// </summary>
[TestClass]
public sealed class WatchItemsTests
{
    /// <summary>The SDK's DotNetWatch.targets, beside the running SDK's MSBuild.</summary>
    private static string DotNetWatchTargets(PackageProject project)
    {
        var sdk = project.Property("MSBuildBinPath");
        return Directory.GetFiles(Path.Combine(sdk, "DotnetTools", "dotnet-watch"), "DotNetWatch.targets", SearchOption.AllDirectories).Single();
    }

    private static List<string> CollectAsDotNetWatch(PackageProject project, string home)
    {
        var watchTargets = DotNetWatchTargets(project);
        var globals = new Dictionary<string, string>
        {
            ["DesignTimeBuild"] = "true",
            ["DotNetWatchBuild"] = "true",
            ["CustomAfterMicrosoftCommonTargets"] = watchTargets,
            ["CustomAfterMicrosoftCommonCrossTargetingTargets"] = watchTargets,
            ["ConvexAuthKitTaskAssembly"] = Path.Combine(AppContext.BaseDirectory, "Convex.AuthKit.Build.dll"),
        };
        return UpToDateCheckTests.WithHome(home, () => project.ItemsAfter("_CollectWatchItems", "Watch", globals))
            .Select(path => Path.GetFullPath(path.Trim())).ToList();
    }

    [TestMethod]
    [DataRow("<TargetFramework>net10.0</TargetFramework>")]
    [DataRow("<TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>")]
    public void TheFilesTheUserEditsAreWatchedAndTheEnvFilesAreNot(string targetFramework)
    {
        using var project = new PackageProject(targetFramework: targetFramework);
        var appDirectory = Path.GetDirectoryName(project.ProjectPath)!;
        var home = Path.Combine(appDirectory, "home");
        UpToDateCheckTests.WriteViteApp(appDirectory, home);

        var watched = CollectAsDotNetWatch(project, home);
        var listing = string.Join("\n", watched);

        Assert.IsTrue(watched.Contains(Path.GetFullPath(project.ProjectPath)), "the SDK's own items are collected\n" + listing);
        foreach (var edited in new[] { "convex.json", Path.Combine("convex", "auth.config.ts"), "vite.config.ts", "package.json" })
            Assert.IsTrue(watched.Contains(Path.Combine(appDirectory, edited)), edited + " is watched\n" + listing);
        foreach (var written in new[] { Path.Combine(appDirectory, ".env.local"), Path.Combine(appDirectory, ".env"), Path.Combine(home, ".convex", "config.json") })
            Assert.IsFalse(watched.Contains(written), written + " is not watched\n" + listing);
    }

    [TestMethod]
    public void NothingIsWatchedWhereTheProvisioningNeverRuns()
    {
        using var project = new PackageProject("<PropertyGroup><ConvexAuthKitEnabled>false</ConvexAuthKitEnabled></PropertyGroup>");
        var appDirectory = Path.GetDirectoryName(project.ProjectPath)!;
        var home = Path.Combine(appDirectory, "home");
        UpToDateCheckTests.WriteViteApp(appDirectory, home);

        var watched = CollectAsDotNetWatch(project, home);

        Assert.IsFalse(watched.Contains(Path.Combine(appDirectory, "convex.json")), string.Join("\n", watched));
    }
}
