using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Convex.AuthKit.Harness;

/// <summary>What one front end's reader made of a folder's env files: the variables the files add.</summary>
public sealed record EnvReadings(IReadOnlyDictionary<string, string> Vite, IReadOnlyDictionary<string, string> Next);

/// <summary>
/// The front ends' own env-file readers — Vite's <c>loadEnv('development', dir, '')</c> and @next/env's
/// <c>loadEnvConfig(dir, true)</c> — run by Node from the pinned package in tests/real-readers. The package is
/// installed (<c>npm ci</c>) once per test run into the test output, under a lock, so that a plain
/// <c>dotnet test</c> needs nothing else but Node itself.
/// </summary>
public sealed class RealEnvReaders
{
    private static readonly string[] PackageFiles = { "package.json", "package-lock.json", ".npmrc", "read-env.mjs" };
    private static readonly Lazy<(RealEnvReaders? Readers, string? Reason)> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _node;
    private readonly string _folder;

    private RealEnvReaders(string node, string folder, string nodeVersion)
    {
        _node = node;
        _folder = folder;
        NodeVersion = nodeVersion;
        Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = Path.GetDirectoryName(node)! };
        if (OperatingSystem.IsWindows() && System.Environment.GetEnvironmentVariable("SystemRoot") is { } systemRoot) Environment["SystemRoot"] = systemRoot;
    }

    /// <summary>`node --version`: Vite reads env files with Node's own parser, which changed between Node versions.</summary>
    public string NodeVersion { get; }

    /// <summary>The whole environment the readers run in; what they print leaves these variables out.</summary>
    public Dictionary<string, string> Environment { get; }

    /// <summary>The readers, installed; or null with the reason they cannot run on this machine.</summary>
    public static RealEnvReaders? TryGet(out string? reason)
    {
        var (readers, why) = Installed.Value;
        reason = why;
        return readers;
    }

    /// <summary>Reads every folder through both readers in one Node process.</summary>
    public IReadOnlyDictionary<string, EnvReadings> Read(IEnumerable<string> folders)
    {
        var list = folders.Select(Path.GetFullPath).ToList();
        var start = new ProcessStartInfo(_node) { WorkingDirectory = _folder };
        start.ArgumentList.Add(Path.Combine(_folder, "read-env.mjs"));
        foreach (var folder in list) start.ArgumentList.Add(folder);
        start.Environment.Clear();
        foreach (var pair in Environment) start.Environment[pair.Key] = pair.Value;
        var (exitCode, output, errors) = Run(start, TimeSpan.FromMinutes(2));
        if (exitCode != 0) throw new InvalidOperationException($"node read-env.mjs failed with exit code {exitCode}:\n{errors}");

        using var json = JsonDocument.Parse(output);
        var result = new Dictionary<string, EnvReadings>(StringComparer.Ordinal);
        foreach (var folder in list)
        {
            var readings = json.RootElement.GetProperty(folder);
            result[folder] = new EnvReadings(Values(readings.GetProperty("vite")), Values(readings.GetProperty("next")));
        }
        return result;
    }

    public EnvReadings Read(string folder) => Read(new[] { folder })[Path.GetFullPath(folder)];

    private static Dictionary<string, string> Values(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private static (RealEnvReaders?, string?) Install()
    {
        var node = FindOnPath(OperatingSystem.IsWindows() ? "node.exe" : "node");
        if (node == null) return (null, "node was not found on PATH; the real-reader tests need Node.js 20.19 or later");
        var npm = FindOnPath(OperatingSystem.IsWindows() ? "npm.cmd" : "npm");
        if (npm == null) return (null, "npm was not found on PATH; the real-reader tests install their package with it");

        var source = Path.Combine(Repository.Root, "tests", "real-readers");
        var stamp = Hash(PackageFiles.Select(f => File.ReadAllText(Path.Combine(source, f))));
        var folder = Path.Combine(AppContext.BaseDirectory, "real-readers");
        Directory.CreateDirectory(folder);
        using (Lock(Path.Combine(AppContext.BaseDirectory, "real-readers.lock")))
        {
            var marker = Path.Combine(folder, ".installed");
            if (!File.Exists(marker) || File.ReadAllText(marker) != stamp)
            {
                foreach (var file in PackageFiles) File.Copy(Path.Combine(source, file), Path.Combine(folder, file), overwrite: true);
                var start = new ProcessStartInfo(npm) { WorkingDirectory = folder };
                foreach (var argument in new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error" }) start.ArgumentList.Add(argument);
                var (exitCode, output, errors) = Run(start, TimeSpan.FromMinutes(5));
                if (exitCode != 0) return (null, $"npm ci of tests/real-readers failed with exit code {exitCode}: {errors}{output}".Trim());
                File.WriteAllText(marker, stamp);
            }
        }
        var version = new ProcessStartInfo(node) { ArgumentList = { "--version" } };
        return (new RealEnvReaders(node, folder, Run(version, TimeSpan.FromMinutes(1)).Output.Trim()), null);
    }

    private static (int ExitCode, string Output, string Errors) Run(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        start.StandardOutputEncoding = Encoding.UTF8;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} did not finish within {timeout}.");
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>Held exclusively while installing: test assemblies may run in parallel.</summary>
    private static FileStream Lock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 3000)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static string? FindOnPath(string name)
    {
        foreach (var directory in (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static string Hash(IEnumerable<string> texts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\0", texts))));
}
