using System.Runtime.InteropServices;
using Convex.AuthKit.Build.Selection;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Selection;

[TestClass]
public sealed class AccessTokenFileTests
{
    private const string Secret = "tok-s3cr3t-4fa8";

    [TestMethod]
    [DataRow(null, ".convex")]
    [DataRow("", ".convex")]
    [DataRow("https://api.convex.dev", ".convex-test")]
    [DataRow("http://localhost", ".convex-test")]
    [DataRow("http://localhost:8050", ".convex-test")]
    [DataRow("http://127.0.0.1:8051", ".convex-test-8051")]
    [DataRow("http://127.0.0.1:9000/", ".convex-test-9000/")]
    [DataRow("localhost:8050", ".convex-test")]
    [DataRow("http://localhost:", ".convex-test-")]
    public void DirectoryNameFollowsTheCliConvexName(string? provisionHost, string expected) =>
        Assert.AreEqual(expected, AccessTokenFile.DirectoryName(provisionHost));

    [TestMethod]
    public void PathForJoinsHomeDirectoryAndFile()
    {
        var home = Path.Combine(Path.GetTempPath(), "home-x");
        Assert.AreEqual(Path.Combine(home, ".convex", "config.json"), AccessTokenFile.PathFor(home, null));
        Assert.AreEqual(Path.Combine(home, ".convex-test", "config.json"), AccessTokenFile.PathFor(home, "http://localhost:8050"));
        Assert.AreEqual(Path.Combine(home, ".convex-test-6790", "config.json"), AccessTokenFile.PathFor(home, "http://localhost:6790"));
        // A trailing slash after the port stays in the segment; path joining then drops it, as Node's path.join.
        Assert.AreEqual(Path.Combine(home, ".convex-test-9000", "config.json"), AccessTokenFile.PathFor(home, "http://localhost:9000/"));
    }

    [TestMethod]
    public void HomeDirectoryIsUserProfileOnWindowsAndHomeElsewhere()
    {
        var env = new Dictionary<string, string> { ["HOME"] = "/home/someone", ["USERPROFILE"] = @"C:\Users\someone" };
        var expected = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? @"C:\Users\someone" : "/home/someone";
        Assert.AreEqual(expected, AccessTokenFile.HomeDirectory(n => env.TryGetValue(n, out var v) ? v : null));
        Assert.IsFalse(string.IsNullOrEmpty(AccessTokenFile.HomeDirectory(_ => null)));
    }

    [TestMethod]
    public void ReadsTheTokenAndIgnoresOtherProperties()
    {
        using var box = new SelectionSandbox();
        var path = box.WithTokenFileText("{\"accessToken\": \"" + Secret + "\", \"other\": {\"x\": [1, 2]}}");

        var read = AccessTokenFile.Read(path);

        Assert.AreEqual(AccessTokenReadStatus.Found, read.Status);
        Assert.AreEqual(Secret, read.Token);
        Assert.IsNull(read.Diagnostic);
        Assert.DoesNotContain(Secret, read.ToString());
    }

    [TestMethod]
    public void MissingFileMeansNotLoggedIn()
    {
        using var box = new SelectionSandbox();
        var read = AccessTokenFile.Read(AccessTokenFile.PathFor(box.HomeDirectory, null));

        Assert.AreEqual(AccessTokenReadStatus.Missing, read.Status);
        Assert.IsNull(read.Token);
        Assert.IsNull(read.Diagnostic);
    }

    [TestMethod]
    [DataRow("{\"accessToken\": \"" + Secret + "\"", DisplayName = "truncated JSON")]
    [DataRow("accessToken=" + Secret, DisplayName = "not JSON")]
    [DataRow("", DisplayName = "empty file")]
    [DataRow("[\"" + Secret + "\"]", DisplayName = "array")]
    [DataRow("\"" + Secret + "\"", DisplayName = "string")]
    [DataRow("{\"token\": \"" + Secret + "\"}", DisplayName = "no accessToken")]
    [DataRow("{\"accessToken\": \"\"}", DisplayName = "empty accessToken")]
    [DataRow("{\"accessToken\": 12345}", DisplayName = "number accessToken")]
    [DataRow("{\"accessToken\": null}", DisplayName = "null accessToken")]
    [DataRow("{\"accessToken\": \"" + Secret + "\"} {\"x\": 1}", DisplayName = "trailing content")]
    public void InvalidFileMeansNotLoggedInWithADiagnosticWithoutContent(string content)
    {
        using var box = new SelectionSandbox();
        var path = box.WithTokenFileText(content);

        var read = AccessTokenFile.Read(path);

        Assert.AreEqual(AccessTokenReadStatus.Invalid, read.Status);
        Assert.IsNull(read.Token);
        Assert.StartsWith($"Failed to parse global config in {path} with error ", read.Diagnostic!);
        Assert.DoesNotContain(Secret, read.Diagnostic!);
        Assert.DoesNotContain("12345", read.Diagnostic!);
        Assert.DoesNotContain(Secret, read.ToString());
    }

    [TestMethod]
    public void ByteOrderMarkIsTolerated()
    {
        using var box = new SelectionSandbox();
        var path = AccessTokenFile.PathFor(box.HomeDirectory, null);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("{\"accessToken\":\"" + Secret + "\"}")));

        Assert.AreEqual(Secret, AccessTokenFile.Read(path).Token);
    }

    [TestMethod]
    public void UnreadablePathIsInvalidNotAnException()
    {
        using var box = new SelectionSandbox();
        var path = AccessTokenFile.PathFor(box.HomeDirectory, null);
        Directory.CreateDirectory(path);

        var read = AccessTokenFile.Read(path);

        Assert.AreEqual(AccessTokenReadStatus.Invalid, read.Status);
        Assert.Contains(path, read.Diagnostic!);
    }
}
