using System.Reflection;
using Convex.AuthKit.Build.ConvexApi;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.ConvexApi;

[TestClass]
public sealed class ConvexClientInfoTests
{
    [TestMethod]
    public void TheGeneratedVersionIsTheAssemblysInformationalVersionWithoutBuildMetadata()
    {
        var informational = typeof(ConvexClientInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        // The constants are compiled in; the attribute is what packing stamps on the assembly.
        Assert.AreEqual(ConvexClientInfo.Version, informational.Split('+')[0]);
        Assert.AreEqual(ConvexClientInfo.HeaderValue, "convex-authkit-build-" + informational.Split('+')[0]);
    }
}
