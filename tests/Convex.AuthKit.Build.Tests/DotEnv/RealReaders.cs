using Convex.AuthKit.Harness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.DotEnv;

/// <summary>The front ends' real readers (tests/real-readers), or the test's end: failed under CI=true, else inconclusive, with the reason.</summary>
internal static class RealReaders
{
    public static RealEnvReaders Require()
    {
        var readers = RealEnvReaders.TryGet(out var reason);
        if (readers != null) return readers;
        var message = "The front ends' real env-file readers cannot run here: " + reason;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        Assert.Inconclusive(message);
        throw new InvalidOperationException(message);
    }
}
