using Convex.AuthKit.Build.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Config;

/// <summary>vite.config's port and https as real projects write them (docs/architecture.md#dev-origin), and which variables each form sees.</summary>
[TestClass]
public class ViteConfigReaderTests
{
    private static ViteServerSettings? Read(string source, TempApp? app = null, Dictionary<string, string>? environment = null) =>
        ViteConfigReader.Read(source, new ProjectFiles(app?.Directory ?? Path.GetTempPath(), name => environment != null && environment.TryGetValue(name, out var value) ? value : null));

    private static readonly Dictionary<string, string> PortSet = new() { ["APP_PORT"] = "6001" };

    [TestMethod]
    [DataRow("import { env } from 'process';\nexport default { server: { port: parseInt(env.APP_PORT || '5000') } };")]
    [DataRow("import { env } from 'node:process';\nexport default { server: { port: Number.parseInt(env.APP_PORT ?? '5000', 10) } };")]
    [DataRow("export default { server: { port: Number(process.env.APP_PORT ?? 5000) } };")]
    [DataRow("export default { server: { port: +process.env.APP_PORT || 5000 } };")]
    [DataRow("export default { server: { port: Number(process.env.APP_PORT) || 5000 } };")]
    [DataRow("export default { server: { port: parseInt(process.env['APP_PORT'] || \"5000\", 10) } };")]
    [DataRow("export default { server: { port: parseInt(process.env.APP_PORT!) || 5000 } };")]
    [DataRow("const port = parseInt(process.env.APP_PORT || '5000');\nexport default { server: { port } };")]
    [DataRow("const fallback = 5000;\nconst port: number = Number(process.env.APP_PORT ?? fallback);\nexport default defineConfig({ server: { port: port, host: true } });")]
    [DataRow("const { env } = process;\nexport default { server: { port: parseInt(env.APP_PORT || '5000') } };")]
    [DataRow("const env = process.env;\nexport default { server: { port: parseInt(env.APP_PORT || '5000') } };")]
    [DataRow("import { defineConfig, loadEnv } from 'vite';\nexport default defineConfig(({ mode }) => {\n  const env = loadEnv(mode, process.cwd(), '');\n  return { server: { port: Number.parseInt(env.APP_PORT ?? '5000', 10) } };\n});")]
    public void APortFromAnEnvironmentVariableWithAFallback(string source)
    {
        Assert.AreEqual(new ViteServerSettings(5000, false, null), Read(source));
        Assert.AreEqual(new ViteServerSettings(6001, false, null), Read(source, environment: PortSet));
    }

    [TestMethod]
    public void TheVariablesReadAreRecordedForTheStamp()
    {
        using var app = new TempApp();
        var files = new ProjectFiles(app.Directory, _ => null);
        ViteConfigReader.Read("export default { server: { port: parseInt(process.env.APP_PORT || '5000') } };", files);
        CollectionAssert.AreEqual(new[] { "APP_PORT" }, files.Variables);
    }

    [TestMethod]
    public void ProcessEnvSeesOnlyTheBuildEnvironmentNotTheEnvFiles()
    {
        using var app = new TempApp();
        app.Write(".env.local", "APP_PORT=7001\n");
        app.Write(".env", "APP_PORT=7002\n");
        Assert.AreEqual(5000, Read("export default { server: { port: parseInt(process.env.APP_PORT || '5000') } };", app)!.Port);
        Assert.AreEqual(5000, Read("import { env } from 'process';\nexport default { server: { port: parseInt(env.APP_PORT || '5000') } };", app)!.Port);
    }

    private const string LoadEnvAll = "import { defineConfig, loadEnv } from 'vite';\nexport default defineConfig(({ mode }) => {\n  const env = loadEnv(mode, process.cwd(), '');\n  return { server: { port: parseInt(env.APP_PORT || '5000') } };\n});";

    [TestMethod]
    public void LoadEnvSeesTheEnvFilesTheMostSpecificWinning()
    {
        using var app = new TempApp();
        Assert.AreEqual(5000, Read(LoadEnvAll, app)!.Port);
        app.Write(".env", "APP_PORT=7001\n");
        Assert.AreEqual(7001, Read(LoadEnvAll, app)!.Port);
        app.Write(".env.local", "APP_PORT=7002\n");
        Assert.AreEqual(7002, Read(LoadEnvAll, app)!.Port);
        app.Write(".env.development", "APP_PORT=7003\n");
        Assert.AreEqual(7003, Read(LoadEnvAll, app)!.Port);
        app.Write(".env.development.local", "APP_PORT=7004\n");
        Assert.AreEqual(7004, Read(LoadEnvAll, app)!.Port);
        app.Write(".env.production.local", "APP_PORT=7005\n");
        Assert.AreEqual(7004, Read(LoadEnvAll, app)!.Port, "only the dev server's mode counts");
        Assert.AreEqual(6001, Read(LoadEnvAll, app, PortSet)!.Port, "the build's environment wins over the files");
    }

    /// <summary>loadEnv expands references across the files and from the environment, with the same model as the env-file check.</summary>
    [TestMethod]
    public void LoadEnvExpandsReferencesAsViteDoes()
    {
        using var app = new TempApp();
        app.Write(".env", "BASE_PORT=7100\n");
        app.Write(".env.local", "APP_PORT=${BASE_PORT}\n");
        Assert.AreEqual(7100, Read(LoadEnvAll, app)!.Port);
        app.Write(".env.local", "APP_PORT=${SHELL_PORT:-7200}\n");
        Assert.AreEqual(7200, Read(LoadEnvAll, app)!.Port);
        Assert.AreEqual(7300, Read(LoadEnvAll, app, new() { ["SHELL_PORT"] = "7300" })!.Port);
    }

    [TestMethod]
    public void TheEnvFilesLoadEnvReadAreStampInputs()
    {
        using var app = new TempApp();
        var local = app.Write(".env.local", "APP_PORT=7002\n");
        var files = new ProjectFiles(app.Directory, _ => null);
        ViteConfigReader.Read(LoadEnvAll, files);
        CollectionAssert.Contains(files.Read, local);
        CollectionAssert.Contains(files.Probed, Path.Combine(app.Directory, ".env.development.local"));
        CollectionAssert.Contains(files.Variables, "APP_PORT");
    }

    [TestMethod]
    public void LoadEnvReturnsOnlyTheNamesWithItsPrefixes()
    {
        using var app = new TempApp();
        app.Write(".env.local", "APP_PORT=7002\nVITE_PORT=7003\n");
        const string Default = "const env = loadEnv(mode, process.cwd());\nexport default { server: { port: parseInt(env.{0} || '5000') } };";
        Assert.AreEqual(5000, Read(Default.Replace("{0}", "APP_PORT"), app)!.Port, "VITE_ only by default");
        Assert.AreEqual(7003, Read(Default.Replace("{0}", "VITE_PORT"), app)!.Port);
        Assert.AreEqual(7002, Read("const env = loadEnv(mode, __dirname, ['APP_', 'VITE_']);\nexport default { server: { port: parseInt(env.APP_PORT || '5000') } };", app)!.Port);
        Assert.AreEqual(7002, Read("const env = loadEnv('development', process.cwd(), 'APP_');\nexport default { server: { port: parseInt(env.APP_PORT || '5000') } };", app)!.Port);
    }

    [TestMethod]
    public void LoadEnvFromAnotherFolderOrIntoProcessEnvCannotBeEvaluated()
    {
        StringAssert.Contains(Read("const env = loadEnv(mode, '../config', '');\nexport default { server: { port: parseInt(env.APP_PORT || '5000') } };")!.Unreadable,
            "loadEnv reads a folder the build does not know");
        StringAssert.Contains(Read("Object.assign(process.env, loadEnv(mode, process.cwd(), ''));\nexport default { server: { port: parseInt(process.env.APP_PORT || '5000') } };")!.Unreadable,
            "process.env may hold loadEnv's result");
    }

    [TestMethod]
    [DataRow("export default { server: { port: getPort() } };", "server.port (`getPort()`)")]
    [DataRow("export default { server: { port: settings.port } };", "server.port (`settings.port`)")]
    [DataRow("export default { server: { port: 3000 + offset } };", "server.port (`3000 + offset`)")]
    [DataRow("export default { server: { port: process.env.CI ? 4000 : 3000 } };", "server.port (`process.env.CI ? 4000 : 3000`)")]
    [DataRow("export default { server: { port: (process.env.APP_PORT as string | undefined) ?? 5000 } };", "server.port (`(process.env.APP_PORT as string | undefined) ?? 5000`)")]
    [DataRow("export default { server: { port: Number(process.env.APP_PORT ?? 5000) - 1 } };", "server.port (`Number(process.env.APP_PORT ?? 5000) - 1`)")]
    [DataRow("export default { server: { port: `${base}0` } };", "server.port (``${base}0``)")]
    [DataRow("export default { server: { port: 0 } };", "server.port (`0`: it evaluates to 0)")]
    [DataRow("export default { server: { port: parseInt(process.env.APP_PORT) } };", "server.port (`parseInt(process.env.APP_PORT)`: it evaluates to NaN)")]
    [DataRow("export default { server: { port: parseInt(process.env.APP_PORT || '5000', 16) } };", "server.port (`parseInt(process.env.APP_PORT || '5000', 16)`)")]
    [DataRow("export default { server: { port } };", "server.port (`port`: port is not a const of this file)")]
    [DataRow("export default { server: { https: useHttps ? { key, cert } : undefined } };", "server.https (`useHttps ? { key, cert } : undefined`)")]
    [DataRow("export default { server: serverOptions() };", "server (`serverOptions()`)")]
    public void WhatCannotBeEvaluatedIsSaid(string source, string unreadable)
    {
        var settings = Read(source);
        Assert.IsNotNull(settings);
        StringAssert.StartsWith(settings.Unreadable, unreadable, settings.Unreadable);
        Assert.IsNull(settings.Port);
    }

    [TestMethod]
    public void AVariableThatIsNotAPortIsNotShown()
    {
        var settings = Read("export default { server: { port: process.env.APP_PORT } };", environment: new() { ["APP_PORT"] = "not-a-port-value" });
        Assert.AreEqual("server.port (`process.env.APP_PORT`: it evaluates to a string that is not a port number)", settings!.Unreadable);
    }

    [TestMethod]
    public void AnUnsetVariableWithoutFallbackIsVitesDefaultPort()
    {
        var settings = Read("export default { server: { port: process.env.APP_PORT, https: true } };");
        Assert.AreEqual(new ViteServerSettings(null, true, null), settings);
        Assert.AreEqual(6001, Read("export default { server: { port: process.env.APP_PORT } };", environment: PortSet)!.Port);
    }

    [TestMethod]
    [DataRow("export default { server: { port: 3000, https: { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) } } };", true)]
    [DataRow("export default { server: { port: 3000, https: true } };", true)]
    [DataRow("export default { server: { port: 3000, https: false } };", false)]
    [DataRow("export default { server: { port: 3000, https: undefined } };", false)]
    [DataRow("const https = { key, cert };\nexport default { server: { port: 3000, https } };", true)]
    [DataRow("const httpsOptions = { key: k, cert: c };\nexport default { server: { port: 3000, https: httpsOptions } };", true)]
    [DataRow("import basicSsl from '@vitejs/plugin-basic-ssl';\nexport default { plugins: [basicSsl()], server: { port: 3000 } };", true)]
    [DataRow("import mkcert from 'vite-plugin-mkcert';\nexport default { plugins: [react(), mkcert()], server: { port: 3000 } };", true)]
    [DataRow("// import basicSsl from '@vitejs/plugin-basic-ssl';\nexport default { server: { port: 3000 } };", false)]
    [DataRow("import basicSsl from '@vitejs/plugin-basic-ssl';\nexport default { plugins: [/* basicSsl() */], server: { port: 3000 } };", false)]
    public void HttpsIsSetByTheServerOptionOrABasicSslPlugin(string source, bool https)
    {
        var settings = Read(source);
        Assert.AreEqual(new ViteServerSettings(3000, https, null), settings);
    }

    [TestMethod]
    public void APluginAloneMakesHttpsOnVitesPort() =>
        Assert.AreEqual(new ViteServerSettings(null, true, null), Read("import basicSsl from '@vitejs/plugin-basic-ssl'\nexport default defineConfig({ plugins: [basicSsl()] })"));

    [TestMethod]
    public void AServerObjectThroughAConstIsRead() =>
        Assert.AreEqual(new ViteServerSettings(4100, false, null), Read("const server = { port: 4100, host: true };\nexport default defineConfig({ server });\n".Replace("{ server }", "{ server: server }")));

    [TestMethod]
    public void APluginHooksServerParameterIsNotTheServerOption() =>
        Assert.AreEqual(4200, Read("export default { plugins: [{ name: 'x', configureServer(server: ViteDevServer) { server.middlewares.use(h); } }], server: { port: 4200 } };")!.Port);

    [TestMethod]
    public void TheVisualStudioClientConfigReadsDevServerPortFromTheBuildEnvironment()
    {
        Assert.AreEqual(new ViteServerSettings(56127, true, null), Read(RealStartingPointTests.VisualStudioViteConfig));
        Assert.AreEqual(new ViteServerSettings(50001, true, null), Read(RealStartingPointTests.VisualStudioViteConfig, environment: new() { ["DEV_SERVER_PORT"] = "50001" }));
    }
}
