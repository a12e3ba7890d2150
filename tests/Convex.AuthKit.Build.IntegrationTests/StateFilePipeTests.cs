using System.Diagnostics;
using Convex.AuthKit.Build.FileSystem;
using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// docs/architecture.md#safety-rules through `dotnet build`: a named pipe in place of the package's state files in
/// obj/ (the stamp, the items file) never blocks a build, a no-op one included: it counts as absent, and it is never
/// replaced.
/// </summary>
[TestClass]
public sealed class StateFilePipeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [TestMethod]
    public async Task PipesAsTheStampAndItemsFile_TheNextBuildEndsAndSucceeds_AndLeavesThemPipes()
    {
        await using var s = await ScenarioApp.StartAsync("vite-app");
        var first = s.Build("ViteApp.csproj");
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        var planted = new[] { "obj/ViteApp.ConvexAuthKit.stamp", "obj/ViteApp.ConvexAuthKit.items" }.Select(s.App.PathOf).ToArray();
        foreach (var path in planted)
        {
            File.Delete(path);
            MakePipe(path);
        }

        var pid = 0;
        var build = Task.Run(() => s.App.Build("ViteApp.csproj", environment: s.Environment, started: id => pid = id));
        if (!ReferenceEquals(build, await Task.WhenAny(build, Task.Delay(Bound))))
        {
            Process.GetProcessById(pid).Kill(entireProcessTree: true);
            Assert.Fail($"the build blocked on a pipe in obj/ for {Bound}");
        }
        var result = await build;

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsFalse(result.Output.Contains("error CAK", StringComparison.Ordinal), result.ToString());
        foreach (var path in planted) Assert.IsTrue(IsPipe(path), path + " is still the pipe: never replaced");
    }

    private static void MakePipe(string path)
    {
        using var mkfifo = Process.Start("mkfifo", new[] { path })!;
        mkfifo.WaitForExit();
        Assert.AreEqual(0, mkfifo.ExitCode, "mkfifo " + path);
    }

    private static bool IsPipe(string path) => Libc.LStat(path)?.Kind == UnixFileKind.NamedPipe;
}
