using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// The fault matrix's hangs (<see cref="FaultMatrixTests"/>): every call left unanswered past the per-request timeout,
/// once, or on every attempt. Each case mostly waits, so these are classes of their own that run beside the rest of
/// the suite.
/// </summary>
[TestClass]
public sealed class FaultMatrixHangTests
{
    public static IEnumerable<object[]> Cases => FaultMatrix.HangCases(lasting: false);

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public Task FaultEndsCleanAndTheRerunConverges(string callName, string faultName) => FaultMatrixTests.RunCaseAsync(callName, faultName);
}

/// <summary>The hang on every attempt, for each call (see <see cref="FaultMatrixHangTests"/>).</summary>
[TestClass]
public sealed class FaultMatrixLastingHangTests
{
    public static IEnumerable<object[]> Cases => FaultMatrix.HangCases(lasting: true);

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public Task FaultEndsCleanAndTheRerunConverges(string callName, string faultName) => FaultMatrixTests.RunCaseAsync(callName, faultName);
}
