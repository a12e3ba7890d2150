using System.Diagnostics;
using System.Text;

namespace Convex.AuthKit.Harness;

public sealed record ProcessResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}

/// <summary>
/// Runs the dotnet CLI with a controlled environment: no node reuse, no inherited Convex/WorkOS/MSBuild variables, and
/// none of the variables that mark a CI build (a test that expects CAK2104 means a developer's machine, even when the
/// suite itself runs in CI).
/// </summary>
public static class Dotnet
{
    private static readonly string[] ScrubbedPrefixes = { "CONVEX_", "WORKOS_", "MSBUILD", "DOTNET_HOST_PATH", "VSTEST", "TESTINGPLATFORM" };
    private static readonly string[] ScrubbedNames = { "CI", "TF_BUILD", "GITHUB_ACTIONS", "ContinuousIntegrationBuild" };

    /// <param name="started">Told the process id once it runs (to signal it, as Ctrl+C does).</param>
    public static ProcessResult Run(string workingDirectory, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null, Action<string>? onLine = null,
        Action<int>? started = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var key in new List<string>(start.Environment.Keys))
            foreach (var prefix in ScrubbedPrefixes)
                if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) start.Environment.Remove(key);
        foreach (var name in ScrubbedNames)
            foreach (var key in new List<string>(start.Environment.Keys))
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) start.Environment.Remove(key);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        if (environment != null)
            foreach (var pair in environment)
                if (pair.Value == null) start.Environment.Remove(pair.Key); else start.Environment[pair.Key] = pair.Value;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data == null) return; lock (output) output.AppendLine(e.Data); onLine?.Invoke(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data == null) return; lock (output) output.AppendLine(e.Data); onLine?.Invoke(e.Data); };
        process.Start();
        started?.Invoke(process.Id);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)(timeout ?? TimeSpan.FromMinutes(4)).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(" ", arguments)} did not finish in time.\n{output}");
        }
        process.WaitForExit();
        lock (output) return new ProcessResult(process.ExitCode, output.ToString());
    }
}
