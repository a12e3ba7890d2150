using Microsoft.VisualStudio.TestTools.UnitTesting;
namespace Convex.AuthKit.Build.EvaluationTests;
[TestClass]
public class SmokeTests { [TestMethod] public void Runs() => Assert.IsTrue(true); }
