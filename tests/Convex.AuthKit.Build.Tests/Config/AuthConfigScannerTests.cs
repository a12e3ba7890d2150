using Convex.AuthKit.Build.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Config;

[TestClass]
public class AuthConfigScannerTests
{
    private const string TemplateAuthConfig = @"const clientId = process.env.WORKOS_CLIENT_ID;

const authConfig = {
  providers: [
    {
      type: 'customJwt',
      issuer: `https://api.workos.com/`,
      algorithm: 'RS256',
      jwks: `https://api.workos.com/sso/jwks/${clientId}`,
      applicationID: clientId,
    },
  ],
};

export default authConfig;
";

    [TestMethod]
    public void TemplateConfigMentionsClientId() => Assert.IsTrue(AuthConfigScanner.SourceMentionsWorkOSClientId(TemplateAuthConfig));

    [TestMethod]
    public void LineCommentDoesNotCount() =>
        Assert.IsFalse(AuthConfigScanner.SourceMentionsWorkOSClientId("// const id = process.env.WORKOS_CLIENT_ID;\nexport default { providers: [] };"));

    [TestMethod]
    public void BlockCommentDoesNotCount() =>
        Assert.IsFalse(AuthConfigScanner.SourceMentionsWorkOSClientId("/* uses\n process.env.WORKOS_CLIENT_ID\n later */ export default {};"));

    [TestMethod]
    public void UrlInStringDoesNotStartAComment() =>
        Assert.IsTrue(AuthConfigScanner.SourceMentionsWorkOSClientId("const jwks = 'https://api.workos.com/sso/jwks/'; const id = process.env.WORKOS_CLIENT_ID;"));

    [TestMethod]
    public void UrlInTemplateLiteralDoesNotStartAComment() =>
        Assert.IsTrue(AuthConfigScanner.SourceMentionsWorkOSClientId("const jwks = `https://api.workos.com/sso/jwks/${process.env.WORKOS_CLIENT_ID}`;"));

    [TestMethod]
    public void CommentMarkerInsideStringKeepsFollowingCode() =>
        Assert.IsTrue(AuthConfigScanner.SourceMentionsWorkOSClientId("const a = \"/*\"; const id = process.env.WORKOS_CLIENT_ID; const b = \"*/\";"));

    [TestMethod]
    public void CommentAfterStringOnSameLineIsStillAComment() =>
        Assert.IsFalse(AuthConfigScanner.SourceMentionsWorkOSClientId("const a = 'https://x'; // process.env.WORKOS_CLIENT_ID"));

    [TestMethod]
    public void RegexLiteralWithQuoteDoesNotOpenAString() =>
        Assert.IsFalse(AuthConfigScanner.SourceMentionsWorkOSClientId("const re = /[\"']/g; // WORKOS_CLIENT_ID\nconst x = 1;"));

    [TestMethod]
    public void BracketAccessCounts() =>
        Assert.IsTrue(AuthConfigScanner.SourceMentionsWorkOSClientId("const id = process.env[\"WORKOS_CLIENT_ID\"];"));

    [TestMethod]
    public void LongerNamesDoNotCount()
    {
        Assert.IsFalse(AuthConfigScanner.SourceMentionsWorkOSClientId("const id = process.env.VITE_WORKOS_CLIENT_ID;"));
        Assert.IsFalse(AuthConfigScanner.SourceMentionsWorkOSClientId("const id = process.env.WORKOS_CLIENT_ID_2;"));
    }

    [TestMethod]
    public void FindsFirstExtensionInFunctionsFolder()
    {
        using var app = new TempApp();
        Assert.IsNull(Find(app, "convex/"));
        var js = app.Write("convex/auth.config.js", "export default {};");
        Assert.AreEqual(js, Find(app, "convex/"));
        var ts = app.Write("convex/auth.config.ts", TemplateAuthConfig);
        Assert.AreEqual(ts, Find(app, "convex/"));
    }

    [TestMethod]
    public void UsesTheConfiguredFunctionsFolder()
    {
        using var app = new TempApp();
        var mts = app.Write(Path.Combine("backend", "auth.config.mts"), TemplateAuthConfig);
        Assert.IsNull(Find(app, "convex/"));
        Assert.AreEqual(mts, Find(app, "backend"));
    }

    private static string? Find(TempApp app, string functionsDir) => AuthConfigScanner.FindAuthConfigFile(new ProjectFiles(app.Directory), functionsDir);
}
