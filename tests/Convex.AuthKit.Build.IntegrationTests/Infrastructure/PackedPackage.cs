using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests.Infrastructure;

/// <summary>
/// Packs the package once per test run, with a unique version, into a temp feed; every fixture build of the run
/// restores it from there into one shared, isolated NUGET_PACKAGES folder (NuGet treats id+version as immutable).
/// </summary>
[TestClass]
public static class PackedPackage
{
    public static string Version { get; private set; } = "";
    public static string RunFolder { get; private set; } = "";
    public static string Feed => Path.Combine(RunFolder, "feed");
    public static string PackagesFolder => Path.Combine(RunFolder, "nuget-packages");
    public static string WorkFolder => Path.Combine(RunFolder, "work");
    public static string NupkgPath => Path.Combine(Feed, $"Convex.AuthKit.Build.{Version}.nupkg");

    [AssemblyInitialize]
    public static void Pack(TestContext _)
    {
        Version = $"0.1.0-it.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        RunFolder = Path.Combine(Path.GetTempPath(), "convex-authkit-it", Version);
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesFolder);
        Directory.CreateDirectory(WorkFolder);
        // Only adds the run's feed; the machine's own package source configuration stays in force.
        File.WriteAllText(Path.Combine(WorkFolder, "nuget.config"),
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <add key=\"convex-authkit-test-feed\" value=\"{Feed}\" />\n  </packageSources>\n</configuration>\n");
        File.WriteAllText(Path.Combine(WorkFolder, "Directory.Build.props"),
            $"<Project>\n  <PropertyGroup>\n    <ConvexAuthKitVersion>{Version}</ConvexAuthKitVersion>\n  </PropertyGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(WorkFolder, "Directory.Build.targets"), "<Project />\n");

        var pack = Dotnet.Run(Repository.Root, new[] { "pack", Repository.TaskProject, "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nr:false" });
        if (pack.ExitCode != 0 || !File.Exists(NupkgPath)) throw new InvalidOperationException("dotnet pack failed: " + pack);
    }

    [AssemblyCleanup]
    public static void Cleanup()
    {
        if (Environment.GetEnvironmentVariable("CONVEX_AUTHKIT_KEEP_TEST_FILES") == "1") return;
        try { Directory.Delete(RunFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
