using Convex.AuthKit.Build.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Config;

[TestClass]
public class DeploymentNamesTests
{
    [TestMethod]
    public void RejectsNearMisses()
    {
        Assert.IsNull(DeploymentNames.FromUrl("https://happy-animal-123.convex.cloud\n"));
        Assert.IsNull(DeploymentNames.FromUrl("https://happy-animal-123.convex.cloud//"));
        Assert.IsNull(DeploymentNames.FromUrl("https://happy-animal-123.eu.west.convex.cloud"));
        Assert.IsNull(DeploymentNames.FromUrl("https://happy-animal-123..convex.cloud"));
        Assert.AreEqual("happy-animal-123", DeploymentNames.FromUrl("https://happy-animal-123.us-east-1.convex.cloud/"));
    }
}
