using System.Diagnostics;
using Convex.AuthKit.Build.Incremental;

namespace Convex.AuthKit.Build.Tests.Incremental;

/// <summary>
/// The real file system, with the machine-wide places (/tmp, XDG_RUNTIME_DIR, the user's temp folder) moved into a
/// private folder, and hooks that play what root cannot meet for real: a read-only temp folder, a full disk.
/// </summary>
internal sealed class TestLockFileSystem : LockFileSystem, IDisposable
{
    public TestLockFileSystem()
    {
        Root = Path.Combine(Path.GetTempPath(), "convex-authkit-locktest-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        Directory.CreateDirectory(Path.Combine(Root, "user-temp"));
        Directory.CreateDirectory(Path.Combine(Root, "apps"));
    }

    public string Root { get; }
    public Dictionary<string, string?> Environment { get; } = new();
    public bool? Linux { get; set; }
    public bool? Windows { get; set; }
    public bool? CaseInsensitive { get; set; }
    public string? UserTemp { get; set; }
    public string? SharedTemp { get; set; }
    public Func<string, bool>? CreateDirectoryHook { get; set; }
    public Func<string, FileStream>? OpenHook { get; set; }

    public override bool IsLinux => Linux ?? base.IsLinux;
    public override bool IsWindows => Windows ?? base.IsWindows;
    public override bool IgnoresCase => CaseInsensitive ?? base.IgnoresCase;
    public override string? GetEnvironmentVariable(string name) => Environment.TryGetValue(name, out var value) ? value : null;
    public override string SharedTempFolder => SharedTemp ?? Path.Combine(Root, "tmp");
    public override string UserTempFolder => UserTemp ?? Path.Combine(Root, "user-temp");
    public override bool CreateDirectory(string path) => CreateDirectoryHook?.Invoke(path) ?? base.CreateDirectory(path);
    public override FileStream OpenExclusive(string path) => OpenHook?.Invoke(path) ?? base.OpenExclusive(path);

    /// <summary>The folder AppLock uses on Linux when XDG_RUNTIME_DIR is not usable.</summary>
    public string FallbackFolder => Path.Combine(SharedTempFolder, "convex-authkit-" + EffectiveUserId);

    public string NewApp(string name = "app")
    {
        var app = Path.Combine(Root, "apps", name);
        Directory.CreateDirectory(app);
        return app;
    }

    /// <summary>Hands a path to another user (nobody): root may, and must, to set up what another user would leave.</summary>
    public static void GiveToNobody(string path) => Run("chown", "-h", "65534:65534", path);

    public static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)}: {error}");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
