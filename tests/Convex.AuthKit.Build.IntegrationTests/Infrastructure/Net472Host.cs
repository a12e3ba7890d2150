using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using Convex.AuthKit.Build.TestSupport;
using Convex.AuthKit.Harness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests.Infrastructure;

/// <summary>
/// The .NET Framework console host (tests/Convex.AuthKit.Build.Net472Host) that runs the packed package's tasks/net472
/// assembly, started under Mono with a fixture's project file, the sandbox's addresses and an isolated home.
/// </summary>
internal static class Net472Host
{
    private static readonly string[] ScrubbedPrefixes = { "CONVEX_", "WORKOS_", "MSBUILD", "DOTNET_", "VSTEST", "TESTINGPLATFORM", "MONO_" };
    private static readonly Lazy<string> ExtractedPackage = new(Extract);

    /// <summary>The host's exe, built with this project (its ProjectReference) and named by the assembly's metadata.</summary>
    public static string HostPath =>
        typeof(Net472Host).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Net472Host").Value!;

    /// <summary>
    /// The mono executable on PATH. Without it the test is inconclusive, saying why; under CI (CI=true), where
    /// .ci/run installs Mono, it fails.
    /// </summary>
    public static string RequireMono()
    {
        var mono = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "mono")).FirstOrDefault(File.Exists);
        if (mono != null) return mono;
        const string Reason = "mono is not on PATH, so the net472 task assembly cannot run here; .ci/run installs it (apt-get install mono-runtime ...)";
        Prerequisite.Missing(Reason);
        return "";
    }

    /// <summary>The host running the package's tasks on <paramref name="project"/> of the scenario's fixture.</summary>
    /// <param name="properties">MSBuild properties as <c>Name=Value</c>, set before the package's defaults apply.</param>
    public static HostRun Start(ScenarioApp scenario, string project, params string[] properties)
    {
        var start = new ProcessStartInfo(RequireMono())
        {
            WorkingDirectory = scenario.App.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostPath);
        start.ArgumentList.Add(ExtractedPackage.Value);
        start.ArgumentList.Add(scenario.App.PathOf(project));
        foreach (var property in properties) start.ArgumentList.Add(property);
        foreach (var key in new List<string>(start.Environment.Keys))
            if (ScrubbedPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))) start.Environment.Remove(key);
        start.Environment["HOME"] = scenario.App.Home;
        start.Environment["USERPROFILE"] = scenario.App.Home;
        foreach (var pair in scenario.Environment)
            if (pair.Value == null) start.Environment.Remove(pair.Key); else start.Environment[pair.Key] = pair.Value;
        return new HostRun(start);
    }

    /// <summary>The nupkg as NuGet lays it out in the packages folder: the host loads tasks/net472 and reads build/.</summary>
    private static string Extract()
    {
        var folder = Path.Combine(PackedPackage.Feed.RunFolder, "extracted");
        ZipFile.ExtractToDirectory(PackedPackage.Feed.NupkgPath, folder);
        return folder;
    }
}

/// <summary>One run of the host: its output lines as they come, a way to cancel, and its end.</summary>
internal sealed class HostRun : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public HostRun(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Cancels the provisioning task (ICancelableTask.Cancel), as MSBuild does on Ctrl+C.</summary>
    public void Cancel()
    {
        _process.StandardInput.WriteLine("cancel");
        _process.StandardInput.Flush();
    }

    /// <summary>Waits for the end; a run still going after <paramref name="limit"/> is killed and fails the test.</summary>
    public ProcessResult WaitForExit(TimeSpan limit)
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit((int)limit.TotalMilliseconds))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"the net472 host did not end within {limit.TotalSeconds} s\n{Output}");
        }
        _process.WaitForExit();
        return new ProcessResult(_process.ExitCode, Output);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line == null) return;
        lock (_output) _output.AppendLine(line);
    }
}
