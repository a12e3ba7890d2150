using System.Diagnostics;

namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// The build-time environment as the Convex CLI sees it (docs/protocol.md#deployment-selection): the process environment, then the env file
/// (<c>ConvexAuthKitEnvFile</c>, default <c>.env.local</c>), then <c>.env</c>. A file never overrides a variable
/// an earlier source defines, even as the empty string (dotenv's <c>config</c> without <c>override</c>).
/// Values may be secrets: this type never prints them.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed class BuildEnvironment
{
    public const string DefaultEnvFileName = ".env.local";
    public const string DotEnvFileName = ".env";

    private readonly Func<string, string?> _processEnvironment;

    private BuildEnvironment(string appDirectory, BuildEnvironmentFile envFile, BuildEnvironmentFile dotEnvFile,
        Func<string, string?> processEnvironment)
    {
        AppDirectory = appDirectory;
        EnvFile = envFile;
        DotEnvFile = dotEnvFile;
        _processEnvironment = processEnvironment;
        Files = ReferenceEquals(envFile, dotEnvFile)
            ? new[] { envFile }
            : new[] { envFile, dotEnvFile };
    }

    /// <summary>Full path of the Convex app directory.</summary>
    public string AppDirectory { get; }

    /// <summary>The configured env file (the file the flow also writes).</summary>
    public BuildEnvironmentFile EnvFile { get; }

    /// <summary><c>.env</c> in the app directory (the same object as <see cref="EnvFile"/> when both name one file).</summary>
    public BuildEnvironmentFile DotEnvFile { get; }

    /// <summary>The distinct files consulted, existing or not, in precedence order (stamp inputs).</summary>
    public IReadOnlyList<BuildEnvironmentFile> Files { get; }

    /// <summary>The example files of <see cref="Files"/> that exist but could not be read for placeholders, each once (CAK2114).</summary>
    public IReadOnlyList<SkippedExampleFile> SkippedExamples => Files.SelectMany(f => f.SkippedExamples).Distinct().ToList();

    /// <summary>
    /// Reads the env file and <c>.env</c>. <paramref name="envFilePath"/> is relative to
    /// <paramref name="appDirectory"/> or absolute; null or empty means <c>.env.local</c>.
    /// <paramref name="processEnvironment"/> returns null for an unset variable.
    /// </summary>
    /// <exception cref="BuildEnvironmentFileException">One of the files exists but cannot be read.</exception>
    public static BuildEnvironment Load(string appDirectory, string? envFilePath, Func<string, string?> processEnvironment)
    {
        if (appDirectory == null) throw new ArgumentNullException(nameof(appDirectory));
        if (processEnvironment == null) throw new ArgumentNullException(nameof(processEnvironment));
        var app = Path.GetFullPath(appDirectory);
        var envPath = Path.GetFullPath(Path.Combine(app, string.IsNullOrEmpty(envFilePath) ? DefaultEnvFileName : envFilePath));
        var dotEnvPath = Path.GetFullPath(Path.Combine(app, DotEnvFileName));

        var envFile = BuildEnvironmentFile.Read(envPath, DisplayPath(app, envPath));
        var dotEnvFile = SamePath(envPath, dotEnvPath)
            ? envFile
            : BuildEnvironmentFile.Read(dotEnvPath, DisplayPath(app, dotEnvPath));
        return new BuildEnvironment(app, envFile, dotEnvFile, processEnvironment);
    }

    /// <summary>The value as the CLI's <c>process.env</c> would hold it (the empty string included), or null.</summary>
    public string? GetRaw(string name) => Lookup(name, out _);

    /// <summary>The value for deployment selection: null when unset or empty (docs/protocol.md#deployment-selection).</summary>
    public string? Get(string name)
    {
        var value = GetRaw(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Where <see cref="GetRaw"/>'s value comes from, or null when no source defines the name.</summary>
    public BuildEnvironmentSource? SourceOf(string name)
    {
        Lookup(name, out var source);
        return source;
    }

    /// <summary>
    /// docs/architecture.md#placeholders: the placeholder an env file holds for <paramref name="name"/> where no source before it
    /// defines the name (<see cref="GetRaw"/> skips placeholders), or null.
    /// </summary>
    public EnvFilePlaceholder? PlaceholderOf(string name)
    {
        if (name == null) throw new ArgumentNullException(nameof(name));
        if (_processEnvironment(name) != null) return null;
        foreach (var file in Files)
        {
            if (file.Values.ContainsKey(name)) return null;
            if (file.Placeholders.TryGetValue(name, out var placeholder)) return placeholder;
        }
        return null;
    }

    /// <summary>
    /// The environment as the Convex CLI reads it, placeholders included: deployment selection is the CLI's, and only
    /// the AuthKit values the build reads treat a placeholder as absent (docs/architecture.md#placeholders).
    /// </summary>
    public BuildEnvironment AsTheCliReadsIt()
    {
        var envFile = EnvFile.WithPlaceholdersAsValues();
        return new BuildEnvironment(AppDirectory, envFile, ReferenceEquals(EnvFile, DotEnvFile) ? envFile : DotEnvFile.WithPlaceholdersAsValues(), _processEnvironment);
    }

    /// <summary>The same environment with the env file holding <paramref name="text"/> (null: missing), as when it is planned again.</summary>
    /// <exception cref="BuildEnvironmentFileException">An example file beside it exists but cannot be read.</exception>
    public BuildEnvironment WithEnvFileText(string? text)
    {
        var envFile = BuildEnvironmentFile.FromText(EnvFile.Path, EnvFile.DisplayName, text);
        return new BuildEnvironment(AppDirectory, envFile, ReferenceEquals(EnvFile, DotEnvFile) ? envFile : DotEnvFile, _processEnvironment);
    }

    /// <summary>Human text for the source of <paramref name="name"/>: "the process environment", ".env.local", ".env".</summary>
    public string? DescribeSource(string name)
    {
        switch (SourceOf(name))
        {
            case BuildEnvironmentSource.ProcessEnvironment: return "the process environment";
            case BuildEnvironmentSource.EnvFile: return EnvFile.DisplayName;
            case BuildEnvironmentSource.DotEnvFile: return DotEnvFile.DisplayName;
            default: return null;
        }
    }

    public override string ToString() =>
        $"build environment of {AppDirectory} (process environment > {string.Join(" > ", FileNames())})";

    private IEnumerable<string> FileNames()
    {
        foreach (var file in Files) yield return file.ToString();
    }

    private string? Lookup(string name, out BuildEnvironmentSource? source)
    {
        if (name == null) throw new ArgumentNullException(nameof(name));
        var fromProcess = _processEnvironment(name);
        if (fromProcess != null)
        {
            source = BuildEnvironmentSource.ProcessEnvironment;
            return fromProcess;
        }
        if (EnvFile.Values.TryGetValue(name, out var fromEnvFile))
        {
            source = BuildEnvironmentSource.EnvFile;
            return fromEnvFile;
        }
        if (DotEnvFile.Values.TryGetValue(name, out var fromDotEnv))
        {
            source = BuildEnvironmentSource.DotEnvFile;
            return fromDotEnv;
        }
        source = null;
        return null;
    }

    private static string DisplayPath(string appDirectory, string fullPath)
    {
        var prefix = appDirectory.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            ? appDirectory
            : appDirectory + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(prefix, PathComparison) ? fullPath.Substring(prefix.Length) : fullPath;
    }

    private static bool SamePath(string a, string b) => string.Equals(a, b, PathComparison);

    private static StringComparison PathComparison =>
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
