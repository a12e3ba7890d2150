using System.Reflection;
using Convex.AuthKit.Build.Vocabulary;
using Convex.AuthKit.Harness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>Every diagnostic has a unique CAK code, a README entry at its anchor, and a help link to it.</summary>
[TestClass]
public sealed class DiagnosticsCatalogTests
{
    private static Diagnostic[] All() => typeof(Diagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (Diagnostic)f.GetValue(null)!).ToArray();

    [TestMethod]
    public void CodesAreUniqueAndWellFormed()
    {
        var codes = All().Select(d => d.Code).ToList();
        Assert.AreEqual(codes.Count, codes.Distinct().Count(), string.Join(", ", codes));
        foreach (var code in codes) StringAssert.Matches(code, new System.Text.RegularExpressions.Regex("^CAK[12][0-9]{3}$"));
    }

    [TestMethod]
    public void EveryCodeHasAReadmeEntry_AndNoHelpLinkWithoutARepositoryUrl()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        foreach (var diagnostic in All())
        {
            var anchor = diagnostic.Code.ToLowerInvariant();
            StringAssert.Contains(readme, $"<a id=\"{anchor}\"></a>`{diagnostic.Code}`", "README entry for " + diagnostic.Code);
            // Built here without RepositoryUrl: no invented address (the pack test checks <url>#cakNNNN with one).
            Assert.AreEqual("", diagnostic.HelpLink, diagnostic.Code);
        }
    }

    [TestMethod]
    public void FailOnErrorFalseReportsAnErrorAsAWarningWithTheSameCodeAndHelpLink()
    {
        // One code per condition: NoWarn and WarningsAsErrors name CAK1006 whichever way it is reported.
        var sink = new RecordingLogSink();
        new ProvisionLog(sink, failOnError: false, "App.csproj").Report(Diagnostics.DeployKeyCannotProvision, "text");
        Assert.AreEqual(0, sink.Errors.Count);
        Assert.AreEqual(("CAK1006", "text"), sink.Warnings.Single());
        Assert.AreEqual(Diagnostics.DeployKeyCannotProvision.HelpLink, sink.HelpLinks.Single());
    }
}
