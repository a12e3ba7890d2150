using System.Text;
using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Provisioning;

namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// Fingerprints everything the provisioning depends on (docs/architecture.md#incremental-rules) without reading secrets into anything but a
/// hash. Cheap by design: it runs on every build, and its result decides (through Inputs/Outputs) whether the
/// provisioning target runs at all.
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

    private static readonly string[] AppFiles =
    {
        "convex.json", "src/convex.json", "package.json", ".env",
        "vite.config.ts", "vite.config.js", "vite.config.mjs", "vite.config.mts", "vite.config.cjs",
        "convex/auth.config.ts", "convex/auth.config.js", "convex/auth.config.mjs",
        "convex/auth.config.cjs", "convex/auth.config.mts", "convex/auth.config.cts",
    };

    public static CollectedInputs Collect(BuildSettings settings, Stamp? previousStamp) =>
        Collect(settings, previousStamp, ConvexClientInfo.Version);

    /// <summary>A new package version must re-run the target: its path changes, but NuGet keeps the packed files'
    /// timestamps, so Inputs/Outputs alone would not notice; the version in the fingerprint does.</summary>
    internal static CollectedInputs Collect(BuildSettings settings, Stamp? previousStamp, string packageVersion)
    {
        var location = ConvexAppLocator.Locate(settings.ProjectDirectory, settings.ConvexProjectDirectory, settings.SpaRoot);
        // What every project of this Convex app with the same settings sees, apart from where each one looked.
        var text = new StringBuilder();
        text.Append("package=").AppendLine(packageVersion);
        text.Append("settings=").AppendLine(SettingInputs(settings));
        text.Append("app=").AppendLine(location.Directory ?? "");

        var candidates = new List<string>();
        if (location.Directory != null)
        {
            candidates.AddRange(AppFiles.Select(f => Path.Combine(location.Directory, f)));
            candidates.Add(settings.EnvFilePath(location.Directory));
            // docs/architecture.md#placeholders: the example files decide which values are placeholders.
            candidates.AddRange(EnvFileExamples.PathsFor(settings.EnvFilePath(location.Directory)));
            candidates.AddRange(EnvFileExamples.PathsFor(Path.Combine(location.Directory, ".env")));
        }
        candidates.Add(Path.Combine(settings.HomeDirectory, ".convex", "config.json"));
        if (previousStamp != null) candidates.AddRange(previousStamp.WatchedFiles);

        var existing = new List<string>();
        foreach (var file in candidates.Distinct(StringComparer.Ordinal))
        {
            var exists = File.Exists(file);
            text.Append("file=").Append(file).AppendLine(exists ? ":1" : ":0");
            if (exists) existing.Add(file);
        }

        var variables = Variables.Concat(previousStamp?.WatchedVariables ?? Array.Empty<string>()).Distinct(StringComparer.Ordinal);
        foreach (var name in variables)
        {
            var value = settings.Environment(name);
            text.Append("env=").Append(name).Append(':').AppendLine(value == null ? "unset" : Stamp.Hash(value));
        }
        var appFingerprint = Stamp.Hash(text.ToString());

        var project = new StringBuilder().Append("project=").AppendLine(settings.ProjectDirectory);
        foreach (var probe in location.ProbedPaths) project.Append("probe=").Append(probe).AppendLine(Exists(probe) ? ":1" : ":0");
        project.Append("app-inputs=").AppendLine(appFingerprint);

        return new CollectedInputs(location, Stamp.Hash(project.ToString()), appFingerprint, existing);
    }

    /// <summary>
    /// Every setting that changes what a run does, by construction; the project folder is not a setting: it only
    /// decides where the Convex app is, and the app is part of the fingerprint.
    /// </summary>
    private static string SettingInputs(BuildSettings settings) =>
        string.Join("|", MSBuildSetting.All.Where(s => s.Stamp == SettingStamp.Input).Select(s => s.PropertyName + "=" + s.Format(settings)));

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}

/// <param name="Fingerprint">Hash of settings, environment and which files exist; file contents are left to Inputs/Outputs.</param>
/// <param name="AppFingerprint">
/// The same without the project's own part (its folder, where it looked for the app): equal for every project of one
/// Convex app that has the same settings, so one project's successful run can stand for the others'.
/// </param>
internal sealed record CollectedInputs(ConvexAppLocation Location, string Fingerprint, string AppFingerprint, IReadOnlyList<string> ExistingFiles)
{
    /// <summary>The fingerprint including file contents: what the stamp records, re-checked under the lock.</summary>
    public string FingerprintWithContents() => WithContents(Fingerprint);

    /// <summary>The app fingerprint including file contents: what the Convex app's shared stamp records.</summary>
    public string AppFingerprintWithContents() => WithContents(AppFingerprint);

    private string WithContents(string fingerprint)
    {
        var text = new StringBuilder(fingerprint).AppendLine();
        foreach (var file in ExistingFiles)
        {
            string content;
            try { content = File.ReadAllText(file); }
            catch (IOException) { content = "<unreadable>"; }
            catch (UnauthorizedAccessException) { content = "<unreadable>"; }
            text.Append(file).Append(':').AppendLine(Stamp.Hash(content));
        }
        return Stamp.Hash(text.ToString());
    }
}
