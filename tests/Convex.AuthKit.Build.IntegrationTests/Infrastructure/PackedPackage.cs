using Convex.AuthKit.Harness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

// Two test classes at a time: a fixture build waits on restore, process start and disk as much as on the CPU, and
// every class works in fixture copies of its own (own HOME, own sandbox on its own port), sharing only the packed feed.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.ClassLevel)]

namespace Convex.AuthKit.Build.IntegrationTests.Infrastructure;

/// <summary>Packs the package once per test run; every fixture build of the run restores it from that feed.</summary>
[TestClass]
public static class PackedPackage
{
    private static PackageFeed? _feed;

    public static PackageFeed Feed => _feed ?? throw new InvalidOperationException("The package was not packed.");

    [AssemblyInitialize]
    public static void Pack(TestContext _) => _feed = PackageFeed.Pack("it");

    [AssemblyCleanup]
    public static void Cleanup()
    {
        if (Environment.GetEnvironmentVariable("CONVEX_AUTHKIT_KEEP_TEST_FILES") != "1") _feed?.Delete();
    }

    public static FixtureProject Fixture(string name) => FixtureProject.Copy(Feed, name);
}
