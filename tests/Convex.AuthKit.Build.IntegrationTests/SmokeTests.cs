using Microsoft.VisualStudio.TestTools.UnitTesting;
namespace Convex.AuthKit.Build.IntegrationTests;
[TestClass]
public class SmokeTests { [TestMethod] public void Runs() => Assert.IsTrue(true); }
