using Convex.AuthKit.Build.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Http;

[TestClass]
public class TransportSecurityTests
{
    [TestMethod]
    [DataRow("localhost", true)]
    [DataRow("localhost.", false)]
    [DataRow("LOCALHOST.", false)]
    [DataRow("127.0.0.1.", false)]
    [DataRow("[::1].", false)]
    [DataRow("127.0.0.1", true)]
    [DataRow("127.255.255.254", true)]
    [DataRow("::1", true)]
    [DataRow("[::1]", true)]
    [DataRow("::ffff:127.0.0.1", true)]
    [DataRow("128.0.0.1", false)]
    [DataRow("0.0.0.0", false)]
    [DataRow("::", false)]
    [DataRow("localhost.example.test", false)]
    [DataRow("mylocalhost", false)]
    public void RecognisesLoopbackHosts(string host, bool loopback) =>
        Assert.AreEqual(loopback, TransportSecurity.IsLoopbackHost(host));
}
