using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// docs/architecture.md#output through the console logger CI logs use (<c>-tl:off -v:q</c>): one diagnostic is one line, located at the
/// file the problem is in, or at the project file — never at the package's .targets.
/// </summary>
[TestClass]
public sealed class DiagnosticConsoleTests
{
    [TestMethod]
    public async Task AMultiLineErrorIsOneLineAtTheProjectFile()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app", SandboxScenario.Fresh(teamHasWorkOS: false));

        var result = s.Build("ViteApp.csproj", "-tl:off", "-v:q");

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains("CAK1007")).ToList();
        Assert.AreEqual(1, lines.Distinct().Count(), result.ToString());
        Assert.AreEqual(s.App.PathOf("ViteApp.csproj") + " : error CAK1007: The Convex team of deployment happy-animal-123 has no WorkOS team yet, and a build never prompts: "
            + "set ConvexAuthKitWorkOSTeamEmail and ConvexAuthKitAcceptWorkOSTerms=true, or run `npx convex dev` once.", lines[0]);
    }

    [TestMethod]
    public async Task AConvexJsonSchemaErrorIsAtItsLineAndColumn()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        s.App.Write("convex.json", "{\n  \"authKit\": {\n    \"dev\": {\n      \"configure\": { \"redirectUris\": \"http://localhost:5173/callback\" }\n    }\n  }\n}\n");

        var result = s.Build("ViteApp.csproj", "-tl:off", "-v:q");

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        var line = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).First(l => l.Contains("error CAK1001"));
        StringAssert.StartsWith(line, s.App.PathOf("convex.json") + "(4,");
        Assert.IsFalse(line.Contains(".targets"), line);
    }
}
