using Convex.AuthKit.Harness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.TestSupport;

/// <summary>
/// A tool a test needs (node, mono) that the machine lacks: the test fails under CI (CI=true), where .ci/run provides
/// it, and is inconclusive elsewhere; either way with the reason. Linked into each test project that needs it.
/// </summary>
internal static class Prerequisite
{
    public static void Missing(string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(reason);
        Assert.Inconclusive(reason);
    }

    /// <summary>The front ends' real readers (tests/real-readers), or the test's end.</summary>
    public static RealEnvReaders RealReaders()
    {
        var readers = RealEnvReaders.TryGet(out var reason);
        if (readers != null) return readers;
        var message = "The front ends' real env-file readers cannot run here: " + reason;
        Missing(message);
        throw new InvalidOperationException(message);
    }
}
