using Convex.AuthKit.Build.Http;

namespace Convex.AuthKit.Build.Vocabulary;

/// <summary>
/// What the build tells the flow: the MSBuild properties of docs/architecture.md#settings as plain values, plus the
/// environment. <see cref="MSBuildSetting.All"/> fills each from the .targets' settings items; the defaults live in
/// the package's .props only. A blank MSBuild value means "not set": the property keeps the initial value documented
/// on it (or is CAK1019 where "not set" has no meaning).
/// </summary>
internal sealed class BuildSettings
{
    /// <summary>The MSBuild project's folder (MSBuildProjectDirectory): where the search for the Convex app starts.</summary>
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The MSBuild project file (MSBuildProjectFullPath): where a diagnostic points when the problem is in no file of the app.</summary>
    public string ProjectFile { get; set; } = "";

    /// <summary>
    /// ConvexAuthKitEnabled. Not set: true. The .targets skip the provisioning for false/off/no and run the tasks for
    /// any other value, so a value that is not a boolean is reported (CAK1019) and never provisions.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>ConvexAuthKitConfigurations, the ;-list as written. Not set: no configuration runs the provisioning.</summary>
    public string? Configurations { get; set; }

    /// <summary>The Convex app folder, relative to the project or absolute. Not set: the app is detected.</summary>
    public string? ConvexProjectDirectory { get; set; }

    /// <summary>The SPA templates' front-end folder, one of the places the app is looked for. Not set: not searched.</summary>
    public string? SpaRoot { get; set; }

    /// <summary>The SPA templates' dev server URL, a source of the dev origin. Not set: not used.</summary>
    public string? SpaProxyServerUrl { get; set; }

    /// <summary>The env file read and written, relative to the Convex app or absolute. Blank is CAK1019: there is no build without one.</summary>
    public string EnvFile { get; set; } = "";

    /// <summary>The origin the framework defaults use. Not set: detected from the front end (docs/architecture.md#dev-origin).</summary>
    public string? DevOrigin { get; set; }

    /// <summary>Print the plan and change nothing. Not set: false. Bypasses the stamp.</summary>
    public bool DryRun { get; set; }

    /// <summary>Re-check everything regardless of the stamp. Not set: false. Bypasses the stamp.</summary>
    public bool Force { get; set; }

    /// <summary>False reports every CAK1nnn error as a warning with the same code. Not set: true, errors fail the build.</summary>
    public bool FailOnError { get; set; } = true;

    /// <summary>The budget of the whole run, lock wait included, in seconds (greater than 0). Blank is CAK1019: a run always has a budget.</summary>
    public int TimeoutSeconds { get; set; }

    /// <summary>The WorkOS API's base URL. Not set: WORKOS_API_URL from the environment, else WorkOS's production API.</summary>
    public string? WorkOSApiUrl { get; set; }

    /// <summary>The admin email of a WorkOS team the build may create. Not set: the build never creates one (CAK1007 when the Convex team has none).</summary>
    public string? WorkOSTeamEmail { get; set; }

    /// <summary>True accepts WorkOS's terms when the build creates a WorkOS team. Not set: false, not accepted.</summary>
    public bool AcceptWorkOSTerms { get; set; }

    /// <summary>The SDK's ContinuousIntegrationBuild: true marks a CI build (Selection/ContinuousIntegration). Not set: false.</summary>
    public bool ContinuousIntegrationBuild { get; set; }

    /// <summary>
    /// True creates or updates the WorkOS AuthKit component's webhook endpoint and sets WORKOS_WEBHOOK_SECRET
    /// (docs/architecture.md#the-component-webhook); false only says how (CAK2109). Not set: true.
    /// </summary>
    public bool ConfigureWebhook { get; set; } = true;

    /// <summary>The process environment (injectable for tests). Returns null for unset variables.</summary>
    public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// The settings as MSBuild passed them (name, value before trimming), in the order received: what the generated
    /// no-task check compares (docs/architecture.md#incremental-rules). Empty when the settings did not come from MSBuild.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> MSBuildValues { get; set; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The variable <see cref="HomeDirectory"/> comes from, unless it is unset or empty.</summary>
    public static string HomeVariable => Path.DirectorySeparatorChar == '\\' ? "USERPROFILE" : "HOME";

    public string HomeDirectory { get; set; } = DefaultHomeDirectory();

    /// <summary>
    /// Makes the HTTP policy of one run (docs/architecture.md#faults-retries-and-partial-failure defaults). Internal: tests shorten the per-request timeout and
    /// the waits between attempts; no MSBuild property reaches it.
    /// </summary>
    internal Func<HttpPolicy> CreateHttpPolicy { get; set; } = () => HttpPolicy.CreateDefault();

    /// <summary>The env file: relative to the Convex app, or absolute.</summary>
    public string EnvFilePath(string appDirectory) =>
        Path.GetFullPath(Path.IsPathRooted(EnvFile) ? EnvFile : Path.Combine(appDirectory, EnvFile));

    private static string DefaultHomeDirectory()
    {
        var home = System.Environment.GetEnvironmentVariable(HomeVariable);
        return string.IsNullOrEmpty(home) ? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile) : home!;
    }
}
