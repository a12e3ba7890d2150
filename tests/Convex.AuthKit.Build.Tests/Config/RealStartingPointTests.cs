using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.Vocabulary;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Config;

/// <summary>
/// Projects shaped like the ones Convex and Visual Studio hand out, which a user starts from: the WorkOS AuthKit
/// component, the "React and ASP.NET Core" layout and its vite.config. Each is read as that project means it.
/// </summary>
[TestClass]
public class RealStartingPointTests
{
    private const string VitePackage = "{\"dependencies\":{\"convex\":\"1\",\"@convex-dev/workos-authkit\":\"0.1\",\"@workos-inc/authkit-react\":\"1\"},\"devDependencies\":{\"vite\":\"6\"}}";

    internal const string ComponentAuthConfig = "import { authKit } from \"./auth\";\n\nexport default {\n  providers: authKit.getAuthConfigProviders(),\n};\n";

    internal const string ComponentAuth =
        "import { AuthKit } from \"@convex-dev/workos-authkit\";\n"
        + "import { components } from \"./_generated/api\";\n"
        + "import type { DataModel } from \"./_generated/dataModel\";\n\n"
        + "// Reads WORKOS_CLIENT_ID, WORKOS_API_KEY and WORKOS_WEBHOOK_SECRET from the deployment.\n"
        + "export const authKit = new AuthKit<DataModel>(components.workOSAuthKit);\n";

    /// <summary>The shape of Visual Studio's React client vite.config: env from "process", a port with a fallback, the dev certificate.</summary>
    internal const string VisualStudioViteConfig = """
        import { fileURLToPath, URL } from 'node:url';
        import { defineConfig } from 'vite';
        import plugin from '@vitejs/plugin-react';
        import fs from 'fs';
        import path from 'path';
        import child_process from 'child_process';
        import { env } from 'process';

        const certFolder = env.APPDATA !== undefined && env.APPDATA !== ''
            ? `${env.APPDATA}/ASP.NET/https`
            : `${env.HOME}/.aspnet/https`;

        const certName = "reactapp.client";
        const certFile = path.join(certFolder, `${certName}.pem`);
        const keyFile = path.join(certFolder, `${certName}.key`);

        if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) {
            const exported = child_process.spawnSync('dotnet', ['dev-certs', 'https', '--export-path', certFile, '--format', 'Pem', '--no-password'], { stdio: 'inherit' });
            if (exported.status !== 0) throw new Error("Could not create the certificate.");
        }

        const target = env.ASPNETCORE_HTTPS_PORT ? `https://localhost:${env.ASPNETCORE_HTTPS_PORT}` :
            env.ASPNETCORE_URLS ? env.ASPNETCORE_URLS.split(';')[0] : 'https://localhost:7203';

        // https://vitejs.dev/config/
        export default defineConfig({
            plugins: [plugin()],
            resolve: {
                alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) }
            },
            server: {
                proxy: {
                    '^/weatherforecast': { target, secure: false }
                },
                port: parseInt(env.DEV_SERVER_PORT || '56127'),
                https: {
                    key: fs.readFileSync(keyFile),
                    cert: fs.readFileSync(certFile),
                }
            }
        })
        """;

    [TestMethod]
    public void TheAuthKitComponentTriggersTheFrameworkDefaults()
    {
        using var app = new TempApp();
        app.Write("package.json", VitePackage);
        app.Write("convex/auth.config.ts", ComponentAuthConfig);
        var auth = app.Write("convex/auth.ts", ComponentAuth);

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual(AuthKitDecisionKind.FrameworkDefaults, decision.Kind, decision.Reason);
        CollectionAssert.Contains(decision.FilesRead.ToList(), auth, "a followed import is a stamp input");
    }

    [TestMethod]
    public void TheVisualStudioClientViteConfigIsHttpsOnItsFallbackPort()
    {
        using var app = new TempApp();
        app.Write("vite.config.ts", VisualStudioViteConfig);
        var vite = FrameworkDetector.Detect(VitePackage);

        var origin = DevOriginDetector.Detect(new ProjectFiles(app.Directory), null, null, vite);

        Assert.AreEqual("https://localhost:56127", origin.Origin);
    }

    [TestMethod]
    public void ABackslashSpaRootResolvesOnEveryPlatform()
    {
        using var app = new TempApp();
        Directory.CreateDirectory(Path.Combine(app.Directory, "ReactApp.Server"));
        app.Write("reactapp.client/convex/auth.config.ts", "export default { providers: [] };");

        var location = ConvexAppLocator.Locate(Path.Combine(app.Directory, "ReactApp.Server"), null, "..\\reactapp.client\\");

        Assert.AreEqual(Path.Combine(app.Directory, "reactapp.client"), location.Directory);
        Assert.AreEqual("SpaRoot", location.FoundIn);
    }

    [TestMethod]
    public void SpaProxyAndViteConfigThatDisagreeWarnUnderTheFrameworkDefaults()
    {
        using var app = new TempApp();
        app.Write("package.json", VitePackage);
        app.Write("convex/auth.config.ts", "export default { providers: [{ applicationID: process.env.WORKOS_CLIENT_ID }] };");
        app.Write("vite.config.ts", "export default { server: { port: 5174 } }");

        var decision = AuthKitTrigger.Decide(app.Directory, null, "https://localhost:56127");

        Assert.AreEqual(Diagnostics.DevPortMismatch, decision.Warnings.Single().Diagnostic);
    }

    private const string UsesClientId = "export default { providers: [{ applicationID: process.env.WORKOS_CLIENT_ID }] };";

    private static TempApp ViteApp(string viteConfig)
    {
        var app = new TempApp();
        app.Write("package.json", VitePackage);
        app.Write("convex/auth.config.ts", UsesClientId);
        app.Write("vite.config.ts", viteConfig);
        return app;
    }

    [TestMethod]
    public void TheVisualStudioLayoutAgreesWithItsSpaProxy()
    {
        using var app = ViteApp(VisualStudioViteConfig);

        var decision = AuthKitTrigger.Decide(app.Directory, null, "https://localhost:56127", _ => null);

        Assert.AreEqual("https://localhost:56127", decision.DevOrigin!.Origin);
        Assert.AreEqual(0, decision.Warnings.Count, string.Join("\n", decision.Warnings));
    }

    [TestMethod]
    public void DevServerPortFromTheBuildEnvironmentIsUsedAndWatched()
    {
        using var app = ViteApp(VisualStudioViteConfig);
        var environment = new Dictionary<string, string?> { ["DEV_SERVER_PORT"] = "50001" };

        var alone = AuthKitTrigger.Decide(app.Directory, null, null, name => environment.GetValueOrDefault(name));
        Assert.AreEqual("https://localhost:50001", alone.DevOrigin!.Origin);
        Assert.AreEqual("vite.config.ts server.port and https", alone.DevOrigin.Source);
        CollectionAssert.Contains(alone.VariablesRead.ToList(), "DEV_SERVER_PORT");

        var withProxy = AuthKitTrigger.Decide(app.Directory, null, "https://localhost:56127", name => environment.GetValueOrDefault(name));
        Assert.AreEqual("https://localhost:56127", withProxy.DevOrigin!.Origin);
        Assert.AreEqual(
            "vite.config.ts server.port and https gives https://localhost:50001, but the dev origin is https://localhost:56127 (SpaProxyServerUrl): " +
            "sign-in would redirect to a port the dev server does not serve. Change one of them so they agree, or set ConvexAuthKitDevOrigin.",
            withProxy.Warnings.Single().Message);
    }

    [TestMethod]
    public void HttpsFromViteConfigAndThePortFromTheDevScript()
    {
        using var app = ViteApp("import basicSsl from '@vitejs/plugin-basic-ssl';\nexport default { plugins: [basicSsl()] };");
        app.Write("package.json", "{\"scripts\":{\"dev\":\"vite --port 4443\"},\"devDependencies\":{\"vite\":\"6\"}}");

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual("https://localhost:4443", decision.DevOrigin!.Origin);
        Assert.AreEqual("vite.config.ts https, package.json dev script", decision.DevOrigin.Source);
        Assert.AreEqual(0, decision.Warnings.Count, string.Join("\n", decision.Warnings));
    }

    [TestMethod]
    public void SpaProxyOverHttpWhileViteServesHttpsWarns()
    {
        using var app = ViteApp("export default { server: { port: 5173, https: true } };");

        var warning = AuthKitTrigger.Decide(app.Directory, null, "http://localhost:5173").Warnings.Single();

        Assert.AreEqual(Diagnostics.DevPortMismatch, warning.Diagnostic);
        StringAssert.StartsWith(warning.Message, "vite.config.ts server.port and https gives https://localhost:5173, but the dev origin is http://localhost:5173 (SpaProxyServerUrl): sign-in would redirect to a scheme");
        Assert.AreEqual(new DiagnosticLocation(Path.Combine(app.Directory, "vite.config.ts")), warning.Location, "vite.config is where the scheme is set");
    }

    [TestMethod]
    public void AnUnreadablePortWarnsWithTheFileAndTheSetting()
    {
        using var app = ViteApp("export default defineConfig({ server: { port: await findFreePort(5173) } });");

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual("http://localhost:5173", decision.DevOrigin!.Origin);
        var warning = decision.Warnings.Single();
        Assert.AreEqual(Diagnostics.DevOriginUnreadable, warning.Diagnostic);
        Assert.AreEqual(
            "vite.config.ts sets server.port (`await findFreePort(5173)`) in a form the build cannot evaluate, so the dev origin http://localhost:5173 (Vite default) may be wrong. " +
            "Set ConvexAuthKitDevOrigin to the dev server's origin (for example https://localhost:5173).",
            warning.Message);
        Assert.AreEqual(new DiagnosticLocation(Path.Combine(app.Directory, "vite.config.ts")), warning.Location, "vite.config is where the port is set");
    }

    [TestMethod]
    public void AnUnreadableHttpsWarnsToo()
    {
        using var app = ViteApp("export default { server: { port: 5180, https: process.env.HTTPS === 'true' } };");

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual("http://localhost:5180", decision.DevOrigin!.Origin);
        StringAssert.StartsWith(decision.Warnings.Single().Message, "vite.config.ts sets server.https (`process.env.HTTPS === 'true'`) in a form the build cannot evaluate");
    }

    [TestMethod]
    public void NoUnreadableWarningWhenTheOriginDoesNotComeFromViteConfig()
    {
        using var app = ViteApp("export default { server: { port: findFreePort() } };");
        Assert.AreEqual(0, AuthKitTrigger.Decide(app.Directory, null, "https://localhost:44412").Warnings.Count, "SpaProxyServerUrl decides");
        Assert.AreEqual(0, AuthKitTrigger.Decide(app.Directory, "https://localhost:8443", null).Warnings.Count, "ConvexAuthKitDevOrigin decides");

        app.Write("convex.json", "{\"authKit\":{\"dev\":{\"configure\":{\"redirectUris\":[\"http://localhost:5173/callback\"]}}}}");
        Assert.AreEqual(0, AuthKitTrigger.Decide(app.Directory, null, null).Warnings.Count, "convex.json's URLs are used as written");
    }
}
