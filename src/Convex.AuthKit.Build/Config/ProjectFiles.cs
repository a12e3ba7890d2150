using System.Text;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Reads the Convex app's files as the CLI does (UTF-8, a byte order mark kept, so <c>JSON.parse</c> rejects it as
/// Node does) and records each path consulted, and each build environment variable read, for the stamp.
/// </summary>
internal sealed class ProjectFiles
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly Func<string, string?> _environment;

    /// <param name="environment">The build's process environment (what <c>process.env</c> holds when the dev server starts); none when null.</param>
    public ProjectFiles(string appDirectory, Func<string, string?>? environment = null)
    {
        AppDirectory = Path.GetFullPath(appDirectory);
        _environment = environment ?? (_ => null);
    }

    public string AppDirectory { get; }

    /// <summary>Build environment variables whose value was read.</summary>
    public List<string> Variables { get; } = new();

    /// <summary>Files whose content was read.</summary>
    public List<string> Read { get; } = new();

    /// <summary>Candidate files that did not exist; creating one would change the decision.</summary>
    public List<string> Probed { get; } = new();

    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(AppDirectory, relative));

    public bool Exists(string fullPath)
    {
        if (File.Exists(fullPath)) return true;
        if (!Probed.Contains(fullPath)) Probed.Add(fullPath);
        return false;
    }

    /// <summary>The file's text, or null when it does not exist.</summary>
    public string? ReadText(string fullPath)
    {
        if (!Exists(fullPath)) return null;
        if (!Read.Contains(fullPath)) Read.Add(fullPath);
        return Utf8.GetString(File.ReadAllBytes(fullPath));
    }

    /// <summary>
    /// The file's text, or null when it does not exist or is larger than <paramref name="maxBytes"/>; either way the
    /// path is recorded, so that the file shrinking (or appearing) changes the stamp.
    /// </summary>
    public string? ReadTextUpTo(string fullPath, long maxBytes)
    {
        if (!Exists(fullPath)) return null;
        if (!Read.Contains(fullPath)) Read.Add(fullPath);
        if (new FileInfo(fullPath).Length > maxBytes) return null;
        return Utf8.GetString(File.ReadAllBytes(fullPath));
    }

    /// <summary>A variable of the build's process environment, recorded for the stamp.</summary>
    public string? Variable(string name)
    {
        if (!Variables.Contains(name)) Variables.Add(name);
        return _environment(name);
    }

    /// <summary>A path relative to the app, with forward slashes, for messages.</summary>
    public string Display(string fullPath)
    {
        var root = AppDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var shown = fullPath.StartsWith(root, System.StringComparison.Ordinal) ? fullPath.Substring(root.Length) : fullPath;
        return shown.Replace('\\', '/');
    }
}
