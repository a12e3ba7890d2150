using Microsoft.VisualStudio.TestTools.UnitTesting;
namespace Convex.AuthKit.Build.Tests;
[TestClass]
public class SmokeTests { [TestMethod] public void Loads() => Assert.IsNotNull(typeof(ProvisionAuthKitTask)); }
