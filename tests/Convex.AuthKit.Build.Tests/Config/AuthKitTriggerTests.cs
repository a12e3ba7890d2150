using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.Vocabulary;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Config;

[TestClass]
public class AuthKitTriggerTests
{
    private const string UsesClientId = "export default { providers: [{ applicationID: process.env.WORKOS_CLIENT_ID }] };";
    private const string VitePackage = "{\"dependencies\":{\"convex\":\"1\",\"@workos-inc/authkit-react\":\"1\"},\"devDependencies\":{\"vite\":\"6\"}}";
    private const string NextPackage = "{\"dependencies\":{\"next\":\"15\"}}";

    private const string ViteTemplateConvexJson = @"{
  ""authKit"": {
    ""dev"": {
      ""configure"": {
        ""redirectUris"": [""http://localhost:5173/callback""],
        ""appHomepageUrl"": ""http://localhost:5173"",
        ""corsOrigins"": [""http://localhost:5173""]
      },
      ""localEnvVars"": {
        ""VITE_WORKOS_CLIENT_ID"": ""${authEnv.WORKOS_CLIENT_ID}"",
        ""VITE_WORKOS_REDIRECT_URI"": ""http://localhost:5173/callback""
      }
    }
  }
}";

    [TestMethod]
    public void ConvexJsonDevSectionIsUsedAsWritten()
    {
        using var app = new TempApp();
        var convexJson = app.Write("convex.json", ViteTemplateConvexJson);
        var packageJson = app.Write("package.json", VitePackage);

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual(AuthKitDecisionKind.ConvexJsonDev, decision.Kind);
        Assert.IsTrue(decision.IsWanted);
        Assert.AreEqual("convex.json authKit.dev", decision.Reason);
        Assert.AreSame(decision.ProjectConfig!.AuthKit!.Dev, decision.Dev);
        Assert.AreEqual(FrameworkInfo.Vite, decision.Framework!.DetectedFramework);
        Assert.IsFalse(decision.WantsCookiePassword);
        Assert.AreEqual(0, decision.Warnings.Count);
        CollectionAssert.Contains(decision.FilesRead.ToList(), convexJson);
        CollectionAssert.Contains(decision.FilesRead.ToList(), packageJson);
    }

    [TestMethod]
    public void AuthConfigWithoutAuthKitKeyUsesViteDefaults()
    {
        using var app = new TempApp();
        app.Write("package.json", VitePackage);
        var authConfig = app.Write("convex/auth.config.ts", UsesClientId);

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual(AuthKitDecisionKind.FrameworkDefaults, decision.Kind);
        Assert.AreEqual("convex/auth.config.ts uses WORKOS_CLIENT_ID; Vite defaults for http://localhost:5173 (Vite default)", decision.Reason);
        Assert.AreEqual("http://localhost:5173", decision.DevOrigin!.Origin);
        CollectionAssert.AreEqual(new[] { "VITE_WORKOS_CLIENT_ID", "VITE_WORKOS_REDIRECT_URI" }, decision.Dev!.LocalEnvVars!.Select(p => p.Key).ToArray());
        CollectionAssert.AreEqual(new[] { "http://localhost:5173/callback" }, decision.Dev.Configure!.RedirectUris!.ToArray());
        CollectionAssert.Contains(decision.FilesRead.ToList(), authConfig);
        CollectionAssert.Contains(decision.FilesProbed.ToList(), Path.Combine(app.Directory, "vite.config.ts"));
        CollectionAssert.Contains(decision.FilesProbed.ToList(), Path.Combine(app.Directory, "convex.json"));
    }

    [TestMethod]
    public void ConvexJsonWithoutAuthKitKeyStillAllowsDefaults()
    {
        using var app = new TempApp();
        app.Write("convex.json", "{\"functions\":\"backend/\"}");
        app.Write("package.json", NextPackage);
        app.Write("backend/auth.config.js", UsesClientId);

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual(AuthKitDecisionKind.FrameworkDefaults, decision.Kind);
        Assert.IsTrue(decision.WantsCookiePassword);
        Assert.AreEqual("http://localhost:3000", decision.DevOrigin!.Origin);
        StringAssert.StartsWith(decision.Reason, "backend/auth.config.js uses WORKOS_CLIENT_ID; Next.js defaults for http://localhost:3000");
    }

    [TestMethod]
    public void AuthKitWithoutDevIsNotWantedAndWarnsWhenClientIdIsUsed()
    {
        using var app = new TempApp();
        app.Write("convex.json", "{\"authKit\":{\"prod\":{\"configure\":false}}}");
        app.Write("convex/auth.config.ts", UsesClientId);

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual(AuthKitDecisionKind.NotWanted, decision.Kind);
        Assert.AreEqual("convex.json authKit has no dev section", decision.Reason);
        Assert.AreEqual(Diagnostics.AuthKitWithoutDevSection, decision.Warnings.Single().Diagnostic);
        StringAssert.Contains(decision.Warnings[0].Message, "convex/auth.config.ts uses WORKOS_CLIENT_ID");
        Assert.AreEqual(new DiagnosticLocation(Path.Combine(app.Directory, "convex", "auth.config.ts")), decision.Warnings[0].Location, "the auth config is where the problem is");
    }

    [TestMethod]
    public void EmptyAuthKitWithoutClientIdIsQuietlyNotWanted()
    {
        using var app = new TempApp();
        app.Write("convex.json", "{\"authKit\":{}}");
        app.Write("convex/auth.config.ts", "export default { providers: [] };");

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual(AuthKitDecisionKind.NotWanted, decision.Kind);
        Assert.AreEqual(0, decision.Warnings.Count);
    }

    [TestMethod]
    public void AuthConfigWithoutClientIdIsNotWanted()
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", "// process.env.WORKOS_CLIENT_ID\nexport default { providers: [] };");

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual(AuthKitDecisionKind.NotWanted, decision.Kind);
        Assert.AreEqual("no authKit in convex.json and convex/auth.config.ts does not use WORKOS_CLIENT_ID", decision.Reason);
    }

    [TestMethod]
    public void NoAuthConfigIsNotWanted()
    {
        using var app = new TempApp();
        Directory.CreateDirectory(Path.Combine(app.Directory, "convex"));

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual(AuthKitDecisionKind.NotWanted, decision.Kind);
        Assert.AreEqual("no authKit in convex.json and no auth config in convex/", decision.Reason);
        Assert.IsNull(decision.Dev);
    }

    [TestMethod]
    public void HardCodedPortDifferentFromViteConfigWarns()
    {
        using var app = new TempApp();
        app.Write("convex.json", ViteTemplateConvexJson.Replace("5173", "3000"));
        app.Write("package.json", VitePackage);
        app.Write("vite.config.ts", "export default defineConfig({ plugins: [react()], server: { port: 5174 } });");

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        var warning = decision.Warnings.Single();
        Assert.AreEqual(Diagnostics.DevPortMismatch, warning.Diagnostic);
        Assert.AreEqual(
            "convex.json authKit.dev uses http://localhost:3000 (configure.redirectUris[0], configure.appHomepageUrl, configure.corsOrigins[0], " +
            "localEnvVars.VITE_WORKOS_REDIRECT_URI), but the dev server is at http://localhost:5174 (vite.config.ts server.port): " +
            "sign-in would redirect to where nothing listens. Change one of them so they agree.",
            warning.Message);
        Assert.AreEqual(new DiagnosticLocation(Path.Combine(app.Directory, "convex.json")), warning.Location, "the hard-coded URLs are in convex.json");
    }

    [TestMethod]
    public void HardCodedPortDifferentFromDevScriptOrSpaProxyWarns()
    {
        using var app = new TempApp();
        app.Write("convex.json", ViteTemplateConvexJson);
        app.Write("package.json", "{\"scripts\":{\"dev\":\"vite --port 4000\"},\"devDependencies\":{\"vite\":\"6\"}}");

        StringAssert.Contains(AuthKitTrigger.Decide(app.Directory, null, null).Warnings.Single().Message, "the dev server is at http://localhost:4000 (package.json dev script)");

        // SpaProxyServerUrl is the origin; convex.json and the dev script each disagree with it.
        var messages = AuthKitTrigger.Decide(app.Directory, null, "https://localhost:44411").Warnings.Select(w => w.Message).ToList();
        Assert.AreEqual(2, messages.Count, string.Join("\n", messages));
        StringAssert.Contains(messages[0], "convex.json authKit.dev uses http://localhost:5173 (");
        StringAssert.Contains(messages[0], "the dev server is at https://localhost:44411 (SpaProxyServerUrl)");
        StringAssert.StartsWith(messages[1], "package.json dev script gives port 4000, but the dev origin is https://localhost:44411 (SpaProxyServerUrl)");
        Assert.AreEqual(new DiagnosticLocation(Path.Combine(app.Directory, "package.json")), AuthKitTrigger.Decide(app.Directory, null, "https://localhost:44411").Warnings[1].Location);

        // convex.json agrees with SpaProxyServerUrl; the dev script still does not.
        var agreeing = AuthKitTrigger.Decide(app.Directory, null, "http://localhost:5173/").Warnings.Single().Message;
        StringAssert.StartsWith(agreeing, "package.json dev script gives port 4000, but the dev origin is http://localhost:5173 (SpaProxyServerUrl)");
    }

    [TestMethod]
    public void HardCodedSchemeDifferentFromViteConfigWarns()
    {
        using var app = new TempApp();
        app.Write("convex.json", ViteTemplateConvexJson);
        app.Write("package.json", VitePackage);
        app.Write("vite.config.ts", "import basicSsl from '@vitejs/plugin-basic-ssl';\nexport default { plugins: [basicSsl()] };");

        var warning = AuthKitTrigger.Decide(app.Directory, null, null).Warnings.Single();

        Assert.AreEqual(Diagnostics.DevPortMismatch, warning.Diagnostic);
        StringAssert.Contains(warning.Message, "convex.json authKit.dev uses http://localhost:5173 (");
        StringAssert.Contains(warning.Message, "but the dev server is at https://localhost:5173 (vite.config.ts https, Vite default port)");
    }

    [TestMethod]
    public void MatchingOrUndetectedPortDoesNotWarn()
    {
        using var app = new TempApp();
        app.Write("convex.json", ViteTemplateConvexJson.Replace("5173", "3000"));
        app.Write("package.json", VitePackage);
        // Only the framework's default port is known: nothing was detected, so no warning.
        Assert.AreEqual(0, AuthKitTrigger.Decide(app.Directory, null, null).Warnings.Count);

        app.Write("vite.config.js", "export default { server: { port: 3000 } }");
        Assert.AreEqual(0, AuthKitTrigger.Decide(app.Directory, null, null).Warnings.Count);
    }

    [TestMethod]
    public void NextJsWithLocalEnvVarsWantsCookiePassword()
    {
        using var app = new TempApp();
        app.Write("package.json", NextPackage);
        app.Write("convex.json", "{\"authKit\":{\"dev\":{\"localEnvVars\":{\"WORKOS_CLIENT_ID\":\"${authEnv.WORKOS_CLIENT_ID}\"}}}}");
        Assert.IsTrue(AuthKitTrigger.Decide(app.Directory, null, null).WantsCookiePassword);

        app.Write("convex.json", "{\"authKit\":{\"dev\":{\"localEnvVars\":false}}}");
        Assert.IsFalse(AuthKitTrigger.Decide(app.Directory, null, null).WantsCookiePassword);
    }

    [TestMethod]
    public void InvalidConvexJsonPropagates()
    {
        using var app = new TempApp();
        app.Write("convex.json", "{\"authKit\":{\"dev\":{\"configure\":true}}}");
        var e = Assert.ThrowsExactly<ConvexJsonException>(() => AuthKitTrigger.Decide(app.Directory, null, null));
        Assert.AreEqual("`authKit.dev.configure` in `convex.json`: Invalid input", e.Message);
    }

    [TestMethod]
    public void ConvexJsonWithByteOrderMarkIsInvalidAsInTheCli()
    {
        using var app = new TempApp();
        File.WriteAllText(Path.Combine(app.Directory, "convex.json"), "{}", new System.Text.UTF8Encoding(true));
        Assert.AreEqual(ConvexJsonParser.InvalidJsonMessage, Assert.ThrowsExactly<ConvexJsonException>(() => AuthKitTrigger.Decide(app.Directory, null, null)).Message);
    }

    [TestMethod]
    public void BothConvexJsonLocationsAreAnError()
    {
        using var app = new TempApp();
        app.Write("convex.json", "{}");
        app.Write("src/convex.json", "{}");
        var e = Assert.ThrowsExactly<ConvexJsonException>(() => AuthKitTrigger.Decide(app.Directory, null, null));
        Assert.AreEqual("Error: both convex.json and src/convex.json files exist! Consolidate these and remove src/convex.json.", e.Message);
    }

    [TestMethod]
    public void OnlySrcConvexJsonIsIgnoredWithAWarning()
    {
        using var app = new TempApp();
        app.Write("src/convex.json", ViteTemplateConvexJson);
        var decision = AuthKitTrigger.Decide(app.Directory, null, null);
        Assert.AreEqual(AuthKitDecisionKind.NotWanted, decision.Kind);
        Assert.AreEqual(Diagnostics.SrcConvexJsonIgnored, decision.Warnings.Single().Diagnostic);
    }

    [TestMethod]
    public void BrokenPackageJsonFailsOnlyWhenAuthKitIsWanted()
    {
        using var app = new TempApp();
        app.Write("package.json", "{ broken");
        Assert.AreEqual(AuthKitDecisionKind.NotWanted, AuthKitTrigger.Decide(app.Directory, null, null).Kind);

        app.Write("convex/auth.config.ts", UsesClientId);
        var e = Assert.ThrowsExactly<PackageJsonException>(() => AuthKitTrigger.Decide(app.Directory, null, null));
        StringAssert.StartsWith(e.Message, FrameworkDetector.ParseErrorPrefix);
    }

    [TestMethod]
    public void CreateReactAppWithoutConvexJsonKeepsFunctionsUnderSrc()
    {
        using var app = new TempApp();
        app.Write("package.json", "{\"dependencies\":{\"react-scripts\":\"5\"}}");
        app.Write("src/convex/auth.config.ts", UsesClientId);

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual(AuthKitDecisionKind.FrameworkDefaults, decision.Kind);
        CollectionAssert.AreEqual(new[] { "REACT_APP_WORKOS_CLIENT_ID", "REACT_APP_WORKOS_REDIRECT_URI" }, decision.Dev!.LocalEnvVars!.Select(p => p.Key).ToArray());
        Assert.AreEqual("http://localhost:3000", decision.DevOrigin!.Origin);
    }

    [TestMethod]
    public void ExplicitOriginDrivesTheDefaults()
    {
        using var app = new TempApp();
        app.Write("package.json", VitePackage);
        app.Write("convex/auth.config.ts", UsesClientId);

        var decision = AuthKitTrigger.Decide(app.Directory, "https://app.localhost:8443/", "http://localhost:1234");

        Assert.AreEqual("https://app.localhost:8443", decision.DevOrigin!.Origin);
        Assert.AreEqual("https://app.localhost:8443", decision.Dev!.Configure!.AppHomepageUrl);
        Assert.AreEqual("https://app.localhost:8443/callback", decision.Dev.LocalEnvVars![1].Value);
    }
}
