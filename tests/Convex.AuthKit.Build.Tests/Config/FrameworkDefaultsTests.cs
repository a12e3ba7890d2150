using Convex.AuthKit.Build.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Config;

[TestClass]
public class FrameworkDefaultsTests
{
    private static FrameworkInfo Framework(string dependency) => FrameworkDetector.Detect("{\"dependencies\":{\"" + dependency + "\":\"1\"}}");

    private static string[] Vars(AuthKitEnvironmentConfig config) => config.LocalEnvVars!.Select(p => p.Key + "=" + p.Value).ToArray();

    [TestMethod]
    public void ViteGetsClientIdAndRedirect() =>
        CollectionAssert.AreEqual(
            new[] { "VITE_WORKOS_CLIENT_ID=${authEnv.WORKOS_CLIENT_ID}", "VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback" },
            Vars(FrameworkDefaults.For(Framework("vite"), "http://localhost:5173")));

    [TestMethod]
    public void NextJsGetsApiKeyAndPublicRedirect() =>
        CollectionAssert.AreEqual(
            new[]
            {
                "WORKOS_CLIENT_ID=${authEnv.WORKOS_CLIENT_ID}", "WORKOS_API_KEY=${authEnv.WORKOS_API_KEY}",
                "NEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback",
            },
            Vars(FrameworkDefaults.For(Framework("next"), "http://localhost:3000")));

    [TestMethod]
    public void TanStackStartGetsApiKeyAndServerRedirect() =>
        CollectionAssert.AreEqual(
            new[] { "WORKOS_CLIENT_ID=${authEnv.WORKOS_CLIENT_ID}", "WORKOS_API_KEY=${authEnv.WORKOS_API_KEY}", "WORKOS_REDIRECT_URI=http://localhost:3000/callback" },
            Vars(FrameworkDefaults.For(Framework("@tanstack/react-start"), "http://localhost:3000")));

    [TestMethod]
    public void OtherFrameworksUseTheirPublicPrefix()
    {
        CollectionAssert.AreEqual(
            new[] { "PUBLIC_WORKOS_CLIENT_ID=${authEnv.WORKOS_CLIENT_ID}", "PUBLIC_WORKOS_REDIRECT_URI=http://localhost:5173/callback" },
            Vars(FrameworkDefaults.For(Framework("@sveltejs/kit"), "http://localhost:5173")));
        CollectionAssert.AreEqual(
            new[] { "EXPO_PUBLIC_WORKOS_CLIENT_ID=${authEnv.WORKOS_CLIENT_ID}", "EXPO_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:8081/callback" },
            Vars(FrameworkDefaults.For(Framework("expo"), "http://localhost:8081")));
        CollectionAssert.AreEqual(
            new[] { "WORKOS_CLIENT_ID=${authEnv.WORKOS_CLIENT_ID}", "WORKOS_REDIRECT_URI=http://localhost:3000/callback" },
            Vars(FrameworkDefaults.For(Framework("@remix-run/dev"), "http://localhost:3000")));
        CollectionAssert.AreEqual(
            new[] { "WORKOS_CLIENT_ID=${authEnv.WORKOS_CLIENT_ID}", "WORKOS_REDIRECT_URI=http://localhost:5173/callback" },
            Vars(FrameworkDefaults.For(FrameworkDetector.Detect(null), "http://localhost:5173")));
    }

    [TestMethod]
    public void ConfigureUsesTheOriginWithoutTrailingSlash()
    {
        var configure = FrameworkDefaults.For(Framework("vite"), "https://localhost:44411/").Configure!;
        CollectionAssert.AreEqual(new[] { "https://localhost:44411/callback" }, configure.RedirectUris!.ToArray());
        CollectionAssert.AreEqual(new[] { "https://localhost:44411" }, configure.CorsOrigins!.ToArray());
        Assert.AreEqual("https://localhost:44411", configure.AppHomepageUrl);
    }

    [TestMethod]
    public void OnlyNextJsAndTanStackStartWantTheCookiePassword()
    {
        Assert.IsTrue(FrameworkDefaults.WantsCookiePassword(Framework("next")));
        Assert.IsTrue(FrameworkDefaults.WantsCookiePassword(Framework("@tanstack/start")));
        Assert.IsFalse(FrameworkDefaults.WantsCookiePassword(Framework("vite")));
        Assert.IsFalse(FrameworkDefaults.WantsCookiePassword(Framework("react-scripts")));
        Assert.IsFalse(FrameworkDefaults.WantsCookiePassword(FrameworkInfo.None));
    }

    [TestMethod]
    public void NonObjectPackageJsonRootsAreRejected()
    {
        Assert.AreEqual(FrameworkDetector.NotAnObjectMessage, Assert.ThrowsExactly<PackageJsonException>(() => FrameworkDetector.Detect("\"x\"")).Message);
        Assert.AreEqual(FrameworkDetector.NotAnObjectMessage, Assert.ThrowsExactly<PackageJsonException>(() => FrameworkDetector.Detect("3")).Message);
    }
}
