using System.Text;
using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// Fingerprints everything the provisioning depends on (docs/architecture.md#incremental-rules) without writing a
/// secret anywhere but into a hash. Cheap by design: it runs on every build, and its result decides whether the
/// provisioning target runs at all. The fingerprint is text compared as text: only a secret variable's value costs a
/// SHA-256, and plain loops keep the no-op path from compiling a lambda per call site.
/// </summary>
internal static class InputsFingerprint
{
    /// <summary>The environment variables that always count (docs/architecture.md#incremental-rules); the stamp adds localEnvVars and buildEnv names.</summary>
    public static readonly IReadOnlyList<string> Variables = new[]
    {
        "CONVEX_DEPLOYMENT", "CONVEX_DEPLOY_KEY", "CONVEX_DEPLOYMENT_TOKEN", "CONVEX_OVERRIDE_ACCESS_TOKEN",
        "CONVEX_PROVISION_HOST", "CONVEX_SELF_HOSTED_URL", "CONVEX_SELF_HOSTED_ADMIN_KEY", "WORKOS_API_URL",
        "WORKOS_CLIENT_ID", "WORKOS_ENVIRONMENT_ID", "WORKOS_COOKIE_PASSWORD",
    };

    /// <summary>
    /// Of <see cref="Variables"/>, those whose values are public (a deployment name, a URL, a client or environment
    /// ID): recorded as they are, unless the value holds an <c>@</c> (a URL with a user and password in it). Every
    /// other value, the stamp's watched variables included, is recorded as its SHA-256 only.
    /// </summary>
    private static readonly string[] PublicVariables =
    {
        "CONVEX_DEPLOYMENT", "CONVEX_PROVISION_HOST", "CONVEX_SELF_HOSTED_URL", "WORKOS_API_URL", "WORKOS_CLIENT_ID", "WORKOS_ENVIRONMENT_ID",
    };

    private static readonly string[] AppFiles =
    {
        "convex.json", "src/convex.json", "package.json",
        "vite.config.ts", "vite.config.js", "vite.config.mjs", "vite.config.mts", "vite.config.cjs",
        "convex/auth.config.ts", "convex/auth.config.js", "convex/auth.config.mjs",
        "convex/auth.config.cjs", "convex/auth.config.mts", "convex/auth.config.cts",
    };

    public static CollectedInputs Collect(BuildSettings settings, Stamp? previousStamp) =>
        Collect(settings, previousStamp, ConvexClientInfo.Version);

    /// <summary>A new package version must re-run the target: its path changes, but NuGet keeps the packed files'
    /// timestamps, so file times alone would not notice; the version in the fingerprint does.</summary>
    internal static CollectedInputs Collect(BuildSettings settings, Stamp? previousStamp, string packageVersion)
    {
        var location = ConvexAppLocator.Locate(settings.ProjectDirectory, settings.ConvexProjectDirectory, settings.SpaRoot);
        // What every project of this Convex app with the same settings sees, apart from where each one looked.
        var app = new StringBuilder(1024);
        app.Append("package=").Append(packageVersion).Append('\n');
        AppendSettingInputs(app, settings);
        app.Append("app=").Append(location.Directory ?? "").Append('\n');

        var candidates = new List<string>(AppFiles.Length + 8);
        if (location.Directory != null)
        {
            foreach (var file in AppFiles) candidates.Add(Path.Combine(location.Directory, file));
            candidates.AddRange(EnvFiles(settings, location.Directory));
        }
        candidates.Add(Path.Combine(settings.HomeDirectory, AccessTokenFile.DirectoryName(null), AccessTokenFile.FileName));
        if (previousStamp != null) candidates.AddRange(previousStamp.WatchedFiles);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var existing = new List<string>(candidates.Count);
        var checkedPaths = new List<CheckedPath>(candidates.Count + location.ProbedPaths.Count);
        foreach (var file in candidates)
        {
            if (!seen.Add(file)) continue;
            var exists = File.Exists(file);
            app.Append("file=").Append(file).Append(exists ? ":1\n" : ":0\n");
            if (exists) existing.Add(file);
            checkedPaths.Add(new CheckedPath(file, exists, IsFile: true));
        }

        seen.Clear();
        var variables = new List<RecordedVariable>(Variables.Count + 8);
        // The home folder decides where the token file is looked for.
        seen.Add(BuildSettings.HomeVariable);
        AppendVariable(app, variables, BuildSettings.HomeVariable, settings.Environment(BuildSettings.HomeVariable), isPublic: true);
        foreach (var name in Variables)
            if (seen.Add(name)) AppendVariable(app, variables, name, settings.Environment(name));
        if (previousStamp != null)
        {
            foreach (var name in previousStamp.WatchedVariables)
                if (seen.Add(name)) AppendVariable(app, variables, name, settings.Environment(name));
        }
        var appFingerprint = app.ToString();

        var project = new StringBuilder(appFingerprint.Length + 512).Append("project=").Append(settings.ProjectDirectory).Append('\n');
        foreach (var probe in location.ProbedPaths)
        {
            var exists = Exists(probe);
            project.Append("probe=").Append(probe).Append(exists ? ":1\n" : ":0\n");
            checkedPaths.Add(new CheckedPath(probe, exists, IsFile: false));
        }
        project.Append(appFingerprint);

        return new CollectedInputs(location, project.ToString(), appFingerprint, existing, checkedPaths, variables);
    }

    /// <summary>
    /// The env file, <c>.env</c> and their example files (docs/architecture.md#placeholders: the examples decide which
    /// values are placeholders), existing or not.
    /// </summary>
    private static List<string> EnvFiles(BuildSettings settings, string appDirectory)
    {
        var envFile = settings.EnvFilePath(appDirectory);
        var dotEnv = Path.Combine(appDirectory, ".env");
        var files = new List<string>(8) { dotEnv, envFile };
        files.AddRange(EnvFileExamples.PathsFor(envFile));
        files.AddRange(EnvFileExamples.PathsFor(dotEnv));
        return files;
    }

    /// <summary>
    /// Of the inputs, the files the user edits (docs/architecture.md#gating): every one but the env files (the env
    /// file the build writes, <c>.env</c>, their examples) and the Convex CLI's login files in the home folder. Only
    /// <c>dotnet watch</c> asks, so a normal build never pays for it.
    /// </summary>
    public static List<string> EditedFiles(CollectedInputs inputs, BuildSettings settings)
    {
        var notEdited = new HashSet<string>(StringComparer.Ordinal);
        if (inputs.Location.Directory != null)
        {
            foreach (var file in EnvFiles(settings, inputs.Location.Directory)) notEdited.Add(Path.GetFullPath(file));
        }
        var home = Path.GetFullPath(settings.HomeDirectory);
        var edited = new List<string>(inputs.ExistingFiles.Count);
        foreach (var file in inputs.ExistingFiles)
        {
            var fullPath = Path.GetFullPath(file);
            if (!notEdited.Contains(fullPath) && !AccessTokenFile.IsLoginFile(home, fullPath)) edited.Add(fullPath);
        }
        return edited;
    }

    /// <summary>
    /// Every setting that changes what a run does, by construction; the project folder is not a setting: it only
    /// decides where the Convex app is, and the app is part of the fingerprint. Lengths keep any value unambiguous.
    /// </summary>
    private static void AppendSettingInputs(StringBuilder text, BuildSettings settings)
    {
        foreach (var setting in MSBuildSetting.All)
        {
            if (setting.Stamp != SettingStamp.Input) continue;
            var value = setting.Format(settings);
            text.Append("setting=").Append(setting.PropertyName).Append('=').Append(value.Length).Append(':').Append(value).Append('\n');
        }
    }

    private static void AppendVariable(StringBuilder text, List<RecordedVariable> variables, string name, string? value, bool isPublic = false)
    {
        // A path (the home folder) is public whatever it holds; a URL with an @ may carry a password.
        var recordedAsValue = value != null && (isPublic || Array.IndexOf(PublicVariables, name) >= 0 && value.IndexOf('@') < 0);
        variables.Add(new RecordedVariable(name, value, recordedAsValue));
        text.Append("env=").Append(name);
        if (value == null) text.Append(" unset\n");
        else if (recordedAsValue) text.Append(" value=").Append(value.Length).Append(':').Append(value).Append('\n');
        else text.Append(" sha256=").Append(Stamp.Hash(value)).Append('\n');
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}

/// <param name="Fingerprint">
/// Settings, environment (a secret value only as its hash) and which files exist, as text; file contents are left to
/// their times (the stamp's) and to <see cref="FingerprintWithContents"/>.
/// </param>
/// <param name="AppFingerprint">
/// The same without the project's own part (its folder, where it looked for the app): equal for every project of one
/// Convex app that has the same settings, so one project's successful run can stand for the others'.
/// </param>
/// <param name="ExistingFiles">The input files that exist: their times count, and their contents under the lock.</param>
/// <param name="CheckedPaths">Every path whose existence the fingerprint records: the candidate files and the app locator's probes.</param>
/// <param name="Variables">Every environment variable the fingerprint records, as it is now.</param>
internal sealed record CollectedInputs(ConvexAppLocation Location, string Fingerprint, string AppFingerprint, IReadOnlyList<string> ExistingFiles,
    IReadOnlyList<CheckedPath> CheckedPaths, IReadOnlyList<RecordedVariable> Variables)
{
    /// <summary>
    /// The files whose times count against the stamp's: the input files that exist, the convex/ folders the app
    /// locator listed, and this task assembly (a rebuilt package of the same version). The assembly's path is empty
    /// when a host loaded it from bytes: the version in the fingerprint still counts.
    /// </summary>
    public List<string> TimedFiles()
    {
        var files = new List<string>(ExistingFiles.Count + Location.ListedDirectories.Count + 1);
        files.AddRange(ExistingFiles);
        files.AddRange(Location.ListedDirectories);
        var assembly = typeof(CollectedInputs).Assembly.Location;
        if (assembly.Length > 0) files.Add(assembly);
        return files;
    }

    /// <summary>The fingerprint including file contents: what the stamp records, re-checked under the lock.</summary>
    public string FingerprintWithContents() => WithContents(Fingerprint);

    /// <summary>The app fingerprint including file contents: what the Convex app's shared stamp records.</summary>
    public string AppFingerprintWithContents() => WithContents(AppFingerprint);

    private string WithContents(string fingerprint)
    {
        var text = new StringBuilder(fingerprint).AppendLine();
        foreach (var file in ExistingFiles)
        {
            var content = StateFiles.ReadText(file) ?? "<unreadable>";
            text.Append(file).Append(':').AppendLine(Stamp.Hash(content));
        }
        return Stamp.Hash(text.ToString());
    }
}

/// <param name="IsFile">A candidate input file, recorded as File.Exists; otherwise a probe of the app locator, which may be a folder.</param>
internal sealed record CheckedPath(string Path, bool Exists, bool IsFile);

/// <param name="Value">Null when unset.</param>
/// <param name="RecordedAsValue">The value is public and recorded as it is; otherwise only its hash is (or it is unset).</param>
internal sealed record RecordedVariable(string Name, string? Value, bool RecordedAsValue);
