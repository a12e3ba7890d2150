using System.Text;
using Convex.AuthKit.Build.FileSystem;

namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// The example files beside an env file (docs/architecture.md#placeholders): <c>&lt;env file name&gt;.example</c>,
/// <c>.env.example</c> and <c>.env.sample</c>, as dotenv reads them. Templates ship them with placeholder values and
/// tell the user to copy one to <c>.env.local</c>. Never written; their values are published, so never secrets.
/// </summary>
internal sealed class EnvFileExamples
{
    private static readonly string[] SharedNames = { ".env.example", ".env.sample" };

    private readonly IReadOnlyList<(string FileName, IReadOnlyDictionary<string, string> Values)> _files;

    private EnvFileExamples(IReadOnlyList<(string FileName, IReadOnlyDictionary<string, string> Values)> files, IReadOnlyList<SkippedExampleFile> skipped)
    {
        _files = files;
        Skipped = skipped;
    }

    public static readonly EnvFileExamples None = new EnvFileExamples(Array.Empty<(string, IReadOnlyDictionary<string, string>)>(), Array.Empty<SkippedExampleFile>());

    /// <summary>The example files that exist but were not read: not regular files, or larger than 16 MiB (CAK2114).</summary>
    public IReadOnlyList<SkippedExampleFile> Skipped { get; }

    /// <summary>The example files of <paramref name="envFilePath"/>, existing or not, in the order they are consulted (stamp inputs).</summary>
    public static IReadOnlyList<string> PathsFor(string envFilePath)
    {
        var full = Path.GetFullPath(envFilePath);
        var directory = Path.GetDirectoryName(full) ?? full;
        var paths = new List<string> { full + ".example" };
        foreach (var name in SharedNames)
        {
            var path = Path.Combine(directory, name);
            if (!paths.Contains(path) && !string.Equals(path, full, StringComparison.Ordinal)) paths.Add(path);
        }
        return paths;
    }

    /// <summary>Reads the example files of <paramref name="envFilePath"/> that exist.</summary>
    /// <exception cref="BuildEnvironmentFileException">An example file exists but cannot be read.</exception>
    public static EnvFileExamples For(string envFilePath)
    {
        var files = new List<(string, IReadOnlyDictionary<string, string>)>();
        var skipped = new List<SkippedExampleFile>();
        foreach (var path in PathsFor(envFilePath))
        {
            byte[]? bytes;
            try
            {
                bytes = LocalFile.ReadBounded(path, LocalFile.TextFileLimit);
                if (bytes == null) continue;
            }
            catch (UnusableFileException e)
            {
                // An example that is not a regular file, or larger than 16 MiB, gives no placeholders: it is skipped, and said so.
                skipped.Add(new SkippedExampleFile(path,
                    $"{path} is {e.What}, so none of its values counts as a placeholder. Make it a regular file of at most {LocalFile.Size(LocalFile.TextFileLimit)}."));
                continue;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException)
            {
                throw new BuildEnvironmentFileException(path, e.Message.TrimEnd('.'), e);
            }
            files.Add((Path.GetFileName(path), DotEnvParser.Parse(new UTF8Encoding(false, false).GetString(bytes))));
        }
        return files.Count == 0 && skipped.Count == 0 ? None : new EnvFileExamples(files, skipped);
    }

    /// <summary>The name of the first example file that gives <paramref name="name"/> exactly <paramref name="value"/>, or null.</summary>
    public string? ExampleWith(string name, string value)
    {
        foreach (var (fileName, values) in _files)
        {
            if (values.TryGetValue(name, out var example) && example == value) return fileName;
        }
        return null;
    }
}

/// <summary>An example env file that exists but was not read (CAK2114).</summary>
/// <param name="Message">One line naming the file, what it is and what was not read.</param>
internal sealed record SkippedExampleFile(string Path, string Message);
