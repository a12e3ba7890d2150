using Convex.AuthKit.Build.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Config;

[TestClass]
public class DevOriginDetectorTests
{
    private static readonly FrameworkInfo Vite = FrameworkDetector.Detect("{\"devDependencies\":{\"vite\":\"6\"}}");
    private static readonly FrameworkInfo Next = FrameworkDetector.Detect("{\"dependencies\":{\"next\":\"15\"}}");

    [TestMethod]
    public void ExplicitOriginWinsOverEverything()
    {
        using var app = new TempApp();
        app.Write("vite.config.ts", "export default { server: { port: 4000 } }");
        var origin = DevOriginDetector.Detect(new ProjectFiles(app.Directory), "http://127.0.0.1:9000/", "https://localhost:44411", Vite);
        Assert.AreEqual("http://127.0.0.1:9000", origin.Origin);
        Assert.AreEqual("ConvexAuthKitDevOrigin", origin.Source);
        Assert.AreEqual(9000, origin.DetectedPort);
    }

    [TestMethod]
    public void SpaProxyServerUrlIsUsedAsWritten()
    {
        using var app = new TempApp();
        app.Write("vite.config.ts", "export default { server: { port: 4000 } }");
        var origin = DevOriginDetector.Detect(new ProjectFiles(app.Directory), null, "https://localhost:44411/", Vite);
        Assert.AreEqual("https://localhost:44411", origin.Origin);
        Assert.AreEqual("SpaProxyServerUrl", origin.Source);
        Assert.AreEqual(44411, origin.DetectedPort);
    }

    [TestMethod]
    public void InvalidExplicitOriginIsAnError() =>
        Assert.ThrowsExactly<DevOriginException>(() => DevOriginDetector.Detect(new ProjectFiles("."), "localhost:3000", null, Vite));

    [TestMethod]
    public void ViteConfigServerPortWinsOverDevScript()
    {
        using var app = new TempApp();
        app.Write("vite.config.mts", "import { defineConfig } from 'vite';\nexport default defineConfig({\n  server: {\n    host: true,\n    port: 3001,\n  },\n});\n");
        app.Write("package.json", "{\"scripts\":{\"dev\":\"vite --port 4000\"}}");
        var origin = DevOriginDetector.Detect(new ProjectFiles(app.Directory), null, null, Vite);
        Assert.AreEqual("http://localhost:3001", origin.Origin);
        Assert.AreEqual("vite.config.mts server.port", origin.Source);
        Assert.AreEqual(3001, origin.DetectedPort);
    }

    [TestMethod]
    public void ViteConfigIgnoresOtherPortsAndComments()
    {
        Assert.IsNull(ViteConfigReader.Read("export default { preview: { port: 4173 } }"));
        Assert.IsNull(ViteConfigReader.Read("export default { server: { proxy: { '/api': { target: 'http://localhost:8080', port: 8080 } } } }"));
        Assert.AreEqual("server.port (`Number(process.env.PORT)`: it evaluates to NaN)", ViteConfigReader.Read("export default { server: { port: Number(process.env.PORT) } }")!.Unreadable);
        Assert.IsNull(ViteConfigReader.Read("// server: { port: 3000 }\nexport default {}"));
        Assert.IsNull(ViteConfigReader.Read("export default { server: { strictPort: true } }"));
        Assert.IsNull(ViteConfigReader.Read("const s = 'server: { port: 3000 }'; export default {}"));
        Assert.AreEqual(3002, ViteConfigReader.Read("export default { server: { proxy: { '/api': 'http://localhost:8080' }, port: 3002 } }")!.Port);
        Assert.AreEqual(3003, ViteConfigReader.Read("module.exports = { \"server\": { \"port\": 3003 } }")!.Port);
        Assert.AreEqual(3004, ViteConfigReader.Read("export default defineConfig(({ mode }) => ({ server: { port: 3004 /* dev */ } }))")!.Port);
    }

    [TestMethod]
    public void ViteConfigHttpsMakesAnHttpsOrigin()
    {
        Assert.IsTrue(ViteConfigReader.Read("export default { server: { https: { key, cert }, port: 3000 } }")!.Https);
        Assert.IsTrue(ViteConfigReader.Read("export default { server: { https: true, port: 3000 } }")!.Https);
        Assert.IsFalse(ViteConfigReader.Read("export default { server: { https: false, port: 3000 } }")!.Https);
        using var app = new TempApp();
        app.Write("vite.config.js", "export default { server: { https: true, port: 3000 } }");
        Assert.AreEqual("https://localhost:3000", DevOriginDetector.Detect(new ProjectFiles(app.Directory), null, null, Vite).Origin);
    }

    [TestMethod]
    public void DevScriptPortFlags()
    {
        Assert.AreEqual(4000, DevScriptReader.Read("{\"scripts\":{\"dev\":\"vite --port 4000\"}}")!.Port);
        Assert.AreEqual(4001, DevScriptReader.Read("{\"scripts\":{\"dev\":\"vite --port=4001 --host\"}}")!.Port);
        Assert.AreEqual(4002, DevScriptReader.Read("{\"scripts\":{\"dev\":\"next dev -p 4002\"}}")!.Port);
        Assert.AreEqual(4003, DevScriptReader.Read("{\"scripts\":{\"dev\":\"npm-run-all --parallel \\\"vite --port 4003\\\" convex\"}}")!.Port);
        Assert.IsTrue(DevScriptReader.Read("{\"scripts\":{\"dev\":\"next dev --experimental-https -p 3000\"}}")!.Https);
        Assert.IsNull(DevScriptReader.Read("{\"scripts\":{\"start\":\"vite --port 4000\"}}"));
        Assert.IsNull(DevScriptReader.Read("{\"scripts\":{\"dev\":\"vite --strictPort\"}}"));
        Assert.IsNull(DevScriptReader.Read("{\"scripts\":{\"dev\":\"vite --open-port 4000\"}}"));
        Assert.IsNull(DevScriptReader.Read("not json"));
    }

    [TestMethod]
    public void DevScriptIsUsedWithoutViteConfigPort()
    {
        using var app = new TempApp();
        app.Write("vite.config.ts", "export default { plugins: [] }");
        app.Write("package.json", "{\"scripts\":{\"dev\":\"next dev -p 3005\"}}");
        var origin = DevOriginDetector.Detect(new ProjectFiles(app.Directory), null, null, Next);
        Assert.AreEqual("http://localhost:3005", origin.Origin);
        Assert.AreEqual("package.json dev script", origin.Source);
        Assert.AreEqual(3005, origin.DetectedPort);
    }

    [TestMethod]
    public void FrameworkDefaultThenFallback()
    {
        using var app = new TempApp();
        var next = DevOriginDetector.Detect(new ProjectFiles(app.Directory), null, null, Next);
        Assert.AreEqual("http://localhost:3000", next.Origin);
        Assert.AreEqual("Next.js default", next.Source);
        Assert.IsNull(next.DetectedPort);

        var expo = DevOriginDetector.Detect(new ProjectFiles(app.Directory), null, null, FrameworkDetector.Detect("{\"dependencies\":{\"expo\":\"51\"}}"));
        Assert.AreEqual("http://localhost:5173", expo.Origin);
        Assert.AreEqual("default", expo.Source);
        Assert.IsNull(expo.DetectedPort);
    }
}
