using Convex.AuthKit.Build.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Http;

[TestClass]
public class RetryDelaysTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [TestMethod]
    [DataRow("7", 7.0)]
    [DataRow(" 3 ", 3.0)]
    [DataRow("Sat, 01 Jun 2030 12:00:45 GMT", 45.0)]
    [DataRow("Sat, 01 Jun 2030 11:00:00 GMT", 0.0)]
    [DataRow("Saturday, 01-Jun-30 12:00:10 GMT", 10.0)]
    [DataRow("Sat Jun  1 12:00:20 2030", 20.0)]
    public void ParsesSecondsAndHttpDates(string value, double seconds) =>
        Assert.AreEqual(TimeSpan.FromSeconds(seconds), RetryDelays.ParseRetryAfter(value, Now));

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("-1")]
    [DataRow("1.5")]
    [DataRow("2030-06-01")]
    [DataRow("later")]
    public void IgnoresAbsentOrUnreadableValues(string? value) =>
        Assert.IsNull(RetryDelays.ParseRetryAfter(value, Now));

    [TestMethod]
    public void JitterAddsAtMostTwentyPercent()
    {
        var policy = new HttpPolicy { Jitter = () => 0.5 };
        Assert.AreEqual(TimeSpan.FromSeconds(1.1), RetryDelays.Compute(policy, 2, null));
    }
}
