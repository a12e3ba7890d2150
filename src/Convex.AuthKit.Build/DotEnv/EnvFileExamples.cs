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

    private EnvFileExamples(IReadOnlyList<(string FileName, IReadOnlyDictionary<string, string> Values)> files)
    {
        _files = files;
    }

    public static readonly EnvFileExamples None = new EnvFileExamples(Array.Empty<(string, IReadOnlyDictionary<string, string>)>());

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
        foreach (var path in PathsFor(envFilePath))
        {
            // An example that is not a regular file, or larger than 16 MiB, gives no placeholders: it is skipped.
            if (!LocalFile.IsRegular(path)) continue;
            byte[]? bytes;
            try
            {
                bytes = LocalFile.ReadBounded(path, LocalFile.TextFileLimit);
                if (bytes == null) continue;
            }
            catch (UnusableFileException)
            {
                continue;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException)
            {
                throw new BuildEnvironmentFileException(path, e.Message.TrimEnd('.'), e);
            }
            files.Add((Path.GetFileName(path), DotEnvParser.Parse(new UTF8Encoding(false, false).GetString(bytes))));
        }
        return files.Count == 0 ? None : new EnvFileExamples(files);
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
