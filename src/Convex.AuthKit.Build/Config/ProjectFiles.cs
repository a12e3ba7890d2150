using System.Text;
using Convex.AuthKit.Build.FileSystem;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Reads the Convex app's files as the CLI does (UTF-8, a byte order mark kept, so <c>JSON.parse</c> rejects it as
/// Node does) and records each path consulted, and each build environment variable read, for the stamp. Every read
/// is bounded and never blocks (docs/architecture.md#safety-rules): a file that is not a regular file or is too large
/// fails the read of <c>convex.json</c> or <c>package.json</c>, and is skipped, with a warning, anywhere else.
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

    /// <summary>The optional files skipped because they are not regular files or are too large (CAK2114), one line each.</summary>
    public List<AuthKitWarning> Skipped { get; } = new();

    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(AppDirectory, relative));

    public bool Exists(string fullPath)
    {
        if (File.Exists(fullPath)) return true;
        if (!Probed.Contains(fullPath)) Probed.Add(fullPath);
        return false;
    }

    /// <summary>A file the decision needs (<c>convex.json</c>): its text, or null when it does not exist.</summary>
    /// <exception cref="UnusableFileException">It is not a regular file, or larger than 16 MiB.</exception>
    public string? ReadText(string fullPath)
    {
        if (!Exists(fullPath)) return null;
        if (!Read.Contains(fullPath)) Read.Add(fullPath);
        var bytes = LocalFile.ReadBounded(fullPath, LocalFile.TextFileLimit);
        return bytes == null ? null : Utf8.GetString(bytes);
    }

    /// <summary><c>package.json</c>'s text, or null when there is none.</summary>
    /// <exception cref="PackageJsonException">It is not a regular file, or larger than 16 MiB.</exception>
    public string? ReadPackageJson()
    {
        try
        {
            return ReadText(PathOf("package.json"));
        }
        catch (UnusableFileException e)
        {
            throw new PackageJsonException($"package.json is {e.What}, so it cannot be read. Make it a regular file.", e);
        }
    }

    /// <summary>
    /// An optional file's text, or null when it does not exist, is not a regular file or is larger than
    /// <paramref name="maxBytes"/> (then it is in <see cref="Skipped"/>, saying what was not read: <paramref name="skipped"/>);
    /// either way the path is recorded, so that the file changing changes the stamp.
    /// </summary>
    public string? ReadOptional(string fullPath, int maxBytes, string skipped)
    {
        if (!Exists(fullPath)) return null;
        if (!Read.Contains(fullPath)) Read.Add(fullPath);
        try
        {
            var bytes = LocalFile.ReadBounded(fullPath, maxBytes);
            return bytes == null ? null : Utf8.GetString(bytes);
        }
        catch (UnusableFileException e)
        {
            var warning = new AuthKitWarning(Diagnostics.LocalFileSkipped, $"{Display(fullPath)} is {e.What}, so {skipped}. Make it a regular file of at most {LocalFile.Size(maxBytes)}.");
            if (!Skipped.Contains(warning)) Skipped.Add(warning);
            return null;
        }
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
