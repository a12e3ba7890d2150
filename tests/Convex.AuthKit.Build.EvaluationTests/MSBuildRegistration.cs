using Microsoft.Build.Locator;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.EvaluationTests;

/// <summary>Registers the running SDK's MSBuild before any method that mentions Microsoft.Build types is compiled.</summary>
[TestClass]
public static class MSBuildRegistration
{
    [AssemblyInitialize]
    public static void Register(TestContext _)
    {
        if (!MSBuildLocator.IsRegistered) MSBuildLocator.RegisterDefaults();
    }
}
