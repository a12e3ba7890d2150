using Convex.AuthKit.Build.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Config;

/// <summary>The events of the component's webhook: its three, plus the literal additionalEventTypes of new AuthKit(...) in the auth config's closure.</summary>
[TestClass]
public class AuthKitEventTypesReaderTests
{
    private const string Import = "import { AuthKit, type AuthFunctions } from \"@convex-dev/workos-authkit\";\nimport { components } from \"./_generated/api\";\n";

    private static (string[] Literals, bool NotLiteral) Read(string source)
    {
        var (literals, notLiteral) = AuthKitEventTypesReader.FromSource(source);
        return (literals.ToArray(), notLiteral);
    }

    [TestMethod]
    [DataRow("new AuthKit<DataModel>(components.workOSAuthKit, { authFunctions, additionalEventTypes: [\"session.created\", 'session.revoked'] });")]
    [DataRow("new AuthKit(components.workOSAuthKit, {\n  // the sessions too\n  additionalEventTypes: [\n    \"session.created\",\n    `session.revoked`, // trailing comma\n  ],\n});")]
    [DataRow("new AuthKit(components.workOSAuthKit, { \"additionalEventTypes\": [\"session.created\", \"session.revoked\"] as const });")]
    [DataRow("new AuthKit<DataModel>(components.workOSAuthKit, { ...defaults, additionalEventTypes: [\"session.created\", \"session.revoked\"] });")]
    public void TheLiteralsAreRead(string construction)
    {
        var (literals, notLiteral) = Read(Import + "export const authKit = " + construction + "\n");

        CollectionAssert.AreEqual(new[] { "session.created", "session.revoked" }, literals);
        Assert.IsFalse(notLiteral);
    }

    [TestMethod]
    [DataRow("new AuthKit<DataModel>(components.workOSAuthKit);")]
    [DataRow("new AuthKit(components.workOSAuthKit, { authFunctions });")]
    [DataRow("new AuthKit(components.workOSAuthKit, { additionalEventTypes: [] });")]
    [DataRow("new AuthKit(components.workOSAuthKit, { authFunctions: { additionalEventTypes: someList } });")]
    [DataRow("new AuthKit(components.workOSAuthKit, { apiHostname: \"additionalEventTypes: x\" });")]
    [DataRow("new AuthKit(components.workOSAuthKit,);")]
    public void NoOptionMeansNoAdditionalEvents(string construction)
    {
        var (literals, notLiteral) = Read(Import + "export const authKit = " + construction + "\n");

        Assert.IsEmpty(literals);
        Assert.IsFalse(notLiteral);
    }

    [TestMethod]
    [DataRow("new AuthKit(components.workOSAuthKit, { additionalEventTypes: sessionEvents });")]
    [DataRow("new AuthKit(components.workOSAuthKit, { additionalEventTypes });")]
    [DataRow("new AuthKit(components.workOSAuthKit, { additionalEventTypes: [\"session.created\", ...more] });")]
    [DataRow("new AuthKit(components.workOSAuthKit, { additionalEventTypes: [\"session.created\", prefix + \".revoked\"] });")]
    [DataRow("new AuthKit(components.workOSAuthKit, { additionalEventTypes: [`${kind}.created`] });")]
    [DataRow("new AuthKit(components.workOSAuthKit, { additionalEventTypes: [\"session\\u002ecreated\"] });")]
    [DataRow("new AuthKit(components.workOSAuthKit, { additionalEventTypes: [\"session.created\"].concat(more) });")]
    [DataRow("new AuthKit(components.workOSAuthKit, options);")]
    [DataRow("new AuthKit(components.workOSAuthKit, { additionalEventTypes: [\"session.created\"], ...overrides });")]
    [DataRow("new AuthKit(components.workOSAuthKit, { ...options });")]
    public void AnythingElseIsNotLiteral(string construction)
    {
        var (_, notLiteral) = Read(Import + "export const authKit = " + construction + "\n");

        Assert.IsTrue(notLiteral);
    }

    [TestMethod]
    [DataRow("import { AuthKit as Kit } from '@convex-dev/workos-authkit';\nconst a = new Kit(c, { additionalEventTypes: ['role.created'] });")]
    [DataRow("import * as authkit from '@convex-dev/workos-authkit';\nconst a = new authkit.AuthKit(c, { additionalEventTypes: ['role.created'] });")]
    [DataRow("import type { AuthFunctions } from '@convex-dev/workos-authkit';\nimport {\n  AuthKit,\n} from '@convex-dev/workos-authkit';\nconst a = new AuthKit(c, { additionalEventTypes: ['role.created'] });")]
    public void TheClassIsFoundByItsImport(string source)
    {
        CollectionAssert.AreEqual(new[] { "role.created" }, Read(source).Literals);
    }

    [TestMethod]
    [DataRow("import { AuthKit } from './my-authkit';\nconst a = new AuthKit(c, { additionalEventTypes: ['role.created'] });")]
    [DataRow("import { AuthKit } from '@convex-dev/workos-authkit';\n// new AuthKit(c, { additionalEventTypes: x });\nconst s = \"new AuthKit(c, { additionalEventTypes: x })\";")]
    [DataRow("// import { AuthKit } from '@convex-dev/workos-authkit';\nconst a = new AuthKit(c, { additionalEventTypes: x });")]
    [DataRow("import { AuthKit } from '@convex-dev/workos-authkit';\nconst a = new AuthKitHelper(c, { additionalEventTypes: x });")]
    public void OtherClassesCommentsAndStringsDoNotCount(string source)
    {
        var (literals, notLiteral) = Read(source);

        Assert.IsEmpty(literals);
        Assert.IsFalse(notLiteral);
    }

    [TestMethod]
    public void TheClosureGivesTheThreeEventsThenEachLiteralOnceAndNamesTheNotLiteralFile()
    {
        using var app = new TempApp();
        var auth = app.Write("convex/auth.ts", Import + "export const authKit = new AuthKit(components.workOSAuthKit, { additionalEventTypes: ['session.created', 'user.created', 'session.created'] });\n");
        var other = app.Write("convex/lib/second.ts", Import + "export const k = new AuthKit(components.workOSAuthKit, { additionalEventTypes: extra });\n");
        var third = app.Write("convex/third.ts", Import + "export const k = new AuthKit(components.workOSAuthKit, { additionalEventTypes: ['role.created'] });\n");
        var files = new ProjectFiles(app.Directory);

        var result = AuthKitEventTypesReader.Read(files, new[] { auth, other, third });

        CollectionAssert.AreEqual(new[] { "user.created", "user.updated", "user.deleted", "session.created", "role.created" }, result.Events.ToArray());
        Assert.AreEqual("convex/lib/second.ts", result.NotLiteralFile);
        CollectionAssert.Contains(files.Read, other, "a file read is a stamp input");
    }

    [TestMethod]
    public void WithoutTheComponentTheEventsAreTheThree()
    {
        using var app = new TempApp();
        var config = app.Write("convex/auth.config.ts", "export default { providers: [] };\n");

        var result = AuthKitEventTypesReader.Read(new ProjectFiles(app.Directory), new[] { config, Path.Combine(app.Directory, "convex", "missing.ts") });

        CollectionAssert.AreEqual(new[] { "user.created", "user.updated", "user.deleted" }, result.Events.ToArray());
        Assert.IsNull(result.NotLiteralFile);
    }

    [TestMethod]
    public void TheScannersClosureReachesTheFileThatConstructsTheComponent()
    {
        using var app = new TempApp();
        var config = app.Write("convex/auth.config.ts", "import { authKit } from './auth';\nexport default { providers: authKit.getAuthConfigProviders() };\n");
        app.Write("convex/auth.ts", Import + "export const authKit = new AuthKit(components.workOSAuthKit, { additionalEventTypes: ['organization.created'] });\n");
        var files = new ProjectFiles(app.Directory);
        var scan = AuthConfigScanner.Scan(files, config);

        var result = AuthKitEventTypesReader.Read(files, scan.Files);

        Assert.AreEqual("organization.created", result.Events[result.Events.Count - 1]);
    }
}
