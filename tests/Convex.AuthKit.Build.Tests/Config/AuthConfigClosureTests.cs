using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.Vocabulary;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Config;

/// <summary>The auth config's import closure (docs/architecture.md#triggers): which imports are followed, how they resolve, and its bounds.</summary>
[TestClass]
public class AuthConfigClosureTests
{
    private const string ReadsClientId = "export const clientId = process.env.WORKOS_CLIENT_ID;\n";

    private static AuthConfigScan Scan(TempApp app, out ProjectFiles files)
    {
        files = new ProjectFiles(app.Directory);
        return AuthConfigScanner.Scan(files, Path.Combine(app.Directory, "convex", "auth.config.ts"));
    }

    private static AuthConfigScan Scan(TempApp app) => Scan(app, out _);

    private static string Relative(TempApp app, string file) => Path.GetRelativePath(app.Directory, file).Replace('\\', '/');

    [TestMethod]
    [DataRow("import { clientId } from './workos';")]
    [DataRow("import * as workos from \"./workos\";")]
    [DataRow("import type { Provider } from './workos';")]
    [DataRow("import './workos';")]
    [DataRow("export { clientId } from './workos';")]
    [DataRow("export * from \"./workos\";")]
    [DataRow("const workos = await import('./workos');")]
    [DataRow("const workos = require(\"./workos\");")]
    [DataRow("import {\n  clientId,\n} from\n  './workos';")]
    public void EachImportFormIsFollowed(string import)
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", import + "\nexport default { providers: [] };\n");
        var workos = app.Write("convex/workos.ts", ReadsClientId);

        var scan = Scan(app);

        Assert.AreEqual(workos, scan.ClientIdFile);
        CollectionAssert.Contains(scan.Files.ToList(), workos);
    }

    [TestMethod]
    [DataRow("// import { clientId } from './workos';")]
    [DataRow("/* export * from './workos'; */")]
    [DataRow("const path = './workos';")]
    [DataRow("const workos = await import('./work' + 'os');")]
    [DataRow("import { clientId } from 'workos';")]
    [DataRow("import { clientId } from '@/workos';")]
    [DataRow("import { clientId } from 'convex/workos';")]
    public void CommentsStringsComputedAndPackageSpecifiersAreNotFollowed(string import)
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", import + "\nexport default { providers: [] };\n");
        app.Write("convex/workos.ts", ReadsClientId);

        var scan = Scan(app);

        Assert.IsNull(scan.ClientIdFile);
        Assert.AreEqual(1, scan.Files.Count);
    }

    [TestMethod]
    public void ParentFolderSpecifiersAreFollowed()
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", "import { clientId } from '../common/workos';\nexport default { providers: [] };\n");
        var common = app.Write("common/workos.mts", ReadsClientId);

        Assert.AreEqual(common, Scan(app).ClientIdFile);
    }

    [TestMethod]
    public void ExtensionsAreTriedInOrderThenTheFolderIndex()
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", "import a from './a';\nimport b from './b';\nexport default {};\n");
        var aTs = app.Write("convex/a.ts", "");
        app.Write("convex/a.js", ReadsClientId);
        var bIndex = app.Write("convex/b/index.cjs", "");

        var scan = Scan(app, out var files);

        CollectionAssert.AreEqual(new[] { "convex/auth.config.ts", "convex/a.ts", "convex/b/index.cjs" }, scan.Files.Select(f => Relative(app, f)).ToArray());
        Assert.IsNull(scan.ClientIdFile, "a.ts wins over a.js");
        CollectionAssert.Contains(files.Read, aTs);
        CollectionAssert.Contains(files.Read, bIndex);
        // Every candidate tried before the one found is a stamp input: creating it changes the resolution.
        foreach (var candidate in new[] { "b.ts", "b.tsx", "b.mts", "b.cts", "b.js", "b.mjs", "b.cjs", "b/index.ts", "b/index.js", "b/index.mjs" })
            CollectionAssert.Contains(files.Probed, Path.Combine(app.Directory, "convex", candidate.Replace('/', Path.DirectorySeparatorChar)), candidate);
    }

    [TestMethod]
    [DataRow("./auth.js", "auth.ts")]
    [DataRow("./auth.js", "auth.tsx")]
    [DataRow("./auth.mjs", "auth.mts")]
    [DataRow("./auth.cjs", "auth.cts")]
    [DataRow("./auth.js", "auth.js")]
    [DataRow("./lib/", "lib/index.ts")]
    public void AJavaScriptSpecifierMayNameTheTypeScriptFile(string specifier, string file)
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", $"import {{ authKit }} from '{specifier}';\nexport default {{ providers: authKit.getAuthConfigProviders() }};\n");
        var target = app.Write("convex/" + file, ReadsClientId);

        Assert.AreEqual(target, Scan(app).ClientIdFile);
    }

    [TestMethod]
    [DataRow("./_generated/api")]
    [DataRow("./_generated/server.js")]
    [DataRow("./_generated")]
    [DataRow("../convex/_generated/api")]
    public void GeneratedCodeIsNeverFollowed(string specifier)
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", $"import {{ x }} from '{specifier}';\nexport default {{}};\n");
        foreach (var file in new[] { "api.ts", "api.js", "server.ts", "server.js", "index.ts" }) app.Write("convex/_generated/" + file, ReadsClientId);

        var scan = Scan(app, out var files);

        Assert.IsNull(scan.ClientIdFile);
        Assert.AreEqual(1, scan.Files.Count);
        Assert.IsFalse(files.Probed.Concat(files.Read).Any(p => p.Contains("_generated")), "nothing in _generated/ is even probed");
    }

    [TestMethod]
    public void TheClosureStopsAtDepthFive()
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", "import './d1';\nexport default {};\n");
        for (var depth = 1; depth <= 6; depth++) app.Write($"convex/d{depth}.ts", $"import './d{depth + 1}';\n");

        app.Write("convex/d6.ts", ReadsClientId);
        var tooDeep = Scan(app);
        Assert.IsNull(tooDeep.ClientIdFile, "d6 is at depth 6");
        CollectionAssert.AreEqual(new[] { "auth.config", "d1", "d2", "d3", "d4", "d5" }, tooDeep.Files.Select(f => Path.GetFileNameWithoutExtension(f)).ToArray());

        app.Write("convex/d5.ts", "import './d6';\n" + ReadsClientId);
        Assert.AreEqual(Path.Combine(app.Directory, "convex", "d5.ts"), Scan(app).ClientIdFile);
    }

    [TestMethod]
    public void TheClosureReadsAtMostFiftyFiles()
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", string.Concat(Enumerable.Range(1, 60).Select(i => $"import './m{i:00}';\n")) + "export default {};\n");
        for (var i = 1; i <= 60; i++) app.Write($"convex/m{i:00}.ts", i == 55 ? ReadsClientId : "export {};\n");

        var scan = Scan(app);

        Assert.AreEqual(AuthConfigScanner.MaxFiles, scan.Files.Count);
        Assert.AreEqual("m49.ts", Path.GetFileName(scan.Files[^1]));
        Assert.IsNull(scan.ClientIdFile, "m55 is beyond the 50 files");

        app.Write("convex/m49.ts", ReadsClientId);
        Assert.IsNotNull(Scan(app).ClientIdFile);
    }

    [TestMethod]
    public void AFileLargerThan256KiBIsNotReadButIsAStampInput()
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", "import './big';\nexport default {};\n");
        var padding = new string(' ', AuthConfigScanner.MaxFileBytes - ReadsClientId.Length);
        var big = app.Write("convex/big.ts", ReadsClientId + padding + " ");

        var scan = Scan(app, out var files);

        Assert.IsNull(scan.ClientIdFile);
        CollectionAssert.Contains(files.Read, big, "a change that shrinks it must re-run the target");

        app.Write("convex/big.ts", ReadsClientId + padding);
        Assert.AreEqual(big, Scan(app).ClientIdFile, "exactly 256 KiB is read");
    }

    [TestMethod]
    public void CyclesAreFollowedOnce()
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", "import { a } from './a';\nexport default { providers: a };\n");
        app.Write("convex/a.ts", "import { b } from './b';\nimport config from './auth.config';\nexport const a = b;\n");
        app.Write("convex/b.ts", "import { a } from './a.js';\nexport const b = [];\n" + ReadsClientId);

        var scan = Scan(app);

        CollectionAssert.AreEqual(new[] { "auth.config.ts", "a.ts", "b.ts" }, scan.Files.Select(Path.GetFileName).ToArray());
        Assert.AreEqual("b.ts", Path.GetFileName(scan.ClientIdFile));
    }

    [TestMethod]
    public void TheComponentIsFoundByItsImport()
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", RealStartingPointTests.ComponentAuthConfig);
        var auth = app.Write("convex/auth.ts", RealStartingPointTests.ComponentAuth);

        var scan = Scan(app);

        Assert.AreEqual(auth, scan.ComponentFile);
        Assert.IsNull(scan.ClientIdFile, "the component's comment mentions WORKOS_CLIENT_ID; comments do not count");
        Assert.IsTrue(scan.UsesWorkOS);
    }

    [TestMethod]
    [DataRow("import { AuthKit } from '@convex-dev/workos-authkit';", true)]
    [DataRow("const { AuthKit } = require('@convex-dev/workos-authkit/client');", true)]
    [DataRow("import workOSAuthKit from '@convex-dev/workos-authkit/convex.config';", true)]
    [DataRow("import { AuthKit } from '@convex-dev/workos-authkit-fork';", false)]
    [DataRow("import { ConvexProviderWithAuthKit } from '@convex-dev/workos';", false)]
    [DataRow("// import { AuthKit } from '@convex-dev/workos-authkit';", false)]
    public void OnlyTheComponentPackageCounts(string import, bool expected)
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", import + "\nexport default {};\n");
        Assert.AreEqual(expected, Scan(app).ComponentFile != null);
    }

    [TestMethod]
    public void AuthKitWithoutDevWarnsWhenAnImportedFileUsesTheComponent()
    {
        using var app = new TempApp();
        app.Write("convex.json", "{\"authKit\":{\"prod\":{\"configure\":false}}}");
        app.Write("convex/auth.config.ts", RealStartingPointTests.ComponentAuthConfig);
        app.Write("convex/auth.ts", RealStartingPointTests.ComponentAuth);

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual(AuthKitDecisionKind.NotWanted, decision.Kind);
        var warning = decision.Warnings.Single();
        Assert.AreEqual(Diagnostics.AuthKitWithoutDevSection, warning.Diagnostic);
        StringAssert.StartsWith(warning.Message, "convex/auth.ts uses the WorkOS AuthKit component (@convex-dev/workos-authkit) (imported by convex/auth.config.ts), but convex.json's authKit section has no dev entry");
    }

    [TestMethod]
    public void TheTriggerNamesTheFileOfTheClosureAndRecordsTheComponent()
    {
        using var app = new TempApp();
        app.Write("package.json", "{\"devDependencies\":{\"vite\":\"6\"}}");
        app.Write("convex/auth.config.ts", RealStartingPointTests.ComponentAuthConfig);
        app.Write("convex/auth.ts", RealStartingPointTests.ComponentAuth);

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual("convex/auth.ts uses the WorkOS AuthKit component (@convex-dev/workos-authkit); Vite defaults for http://localhost:5173 (Vite default)", decision.Reason);
        Assert.AreEqual("convex/auth.ts", decision.AuthKitComponentFile);
    }

    [TestMethod]
    public void TheComponentIsRecordedUnderTriggerAToo()
    {
        using var app = new TempApp();
        app.Write("convex.json", "{\"authKit\":{\"dev\":{\"configure\":false,\"localEnvVars\":false}}}");
        app.Write("convex/auth.config.ts", RealStartingPointTests.ComponentAuthConfig);
        var auth = app.Write("convex/auth.ts", RealStartingPointTests.ComponentAuth);

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        Assert.AreEqual(AuthKitDecisionKind.ConvexJsonDev, decision.Kind);
        Assert.AreEqual("convex/auth.ts", decision.AuthKitComponentFile);
        CollectionAssert.Contains(decision.FilesRead.ToList(), auth);
    }
}
