using System.Globalization;

namespace Convex.AuthKit.Build.Vocabulary;

/// <summary>
/// One MSBuild property the tasks receive and the <see cref="BuildSettings"/> property it sets. <see cref="All"/> is
/// the table of settings (docs/architecture.md#settings), the one place a setting is declared in C#: the tasks read
/// every entry from the .targets' items, and the stamp fingerprints every <see cref="SettingStamp.Input"/> entry.
/// Each entry names its property in a getter and a setter the compiler checks; no reflection, because every build
/// reads the table on the no-op path (docs/architecture.md#incremental-rules).
/// </summary>
internal sealed class MSBuildSetting
{
    /// <summary>Every setting, ordered by MSBuild property name.</summary>
    public static readonly MSBuildSetting[] All =
    {
        Flag("ContinuousIntegrationBuild", s => s.ContinuousIntegrationBuild, (s, v) => s.ContinuousIntegrationBuild = v),
        Flag("ConvexAuthKitAcceptWorkOSTerms", s => s.AcceptWorkOSTerms, (s, v) => s.AcceptWorkOSTerms = v),
        Text("ConvexAuthKitConfigurations", s => s.Configurations, (s, v) => s.Configurations = v, SettingStamp.Gating),
        Flag("ConvexAuthKitConfigureWebhook", s => s.ConfigureWebhook, (s, v) => s.ConfigureWebhook = v),
        Text("ConvexAuthKitDevOrigin", s => s.DevOrigin, (s, v) => s.DevOrigin = v),
        Flag("ConvexAuthKitDryRun", s => s.DryRun, (s, v) => s.DryRun = v, SettingStamp.BypassesStamp),
        Flag("ConvexAuthKitEnabled", s => s.Enabled, (s, v) => s.Enabled = v, SettingStamp.Gating),
        Text("ConvexAuthKitEnvFile", s => s.EnvFile, (s, v) => s.EnvFile = v, blankIsInvalid: true),
        Flag("ConvexAuthKitFailOnError", s => s.FailOnError, (s, v) => s.FailOnError = v),
        Flag("ConvexAuthKitForce", s => s.Force, (s, v) => s.Force = v, SettingStamp.BypassesStamp),
        WholeNumber("ConvexAuthKitTimeoutSeconds", s => s.TimeoutSeconds, (s, v) => s.TimeoutSeconds = v, blankIsInvalid: true),
        Text("ConvexAuthKitWorkOSApiUrl", s => s.WorkOSApiUrl, (s, v) => s.WorkOSApiUrl = v),
        Text("ConvexAuthKitWorkOSTeamEmail", s => s.WorkOSTeamEmail, (s, v) => s.WorkOSTeamEmail = v),
        Text("ConvexProjectDirectory", s => s.ConvexProjectDirectory, (s, v) => s.ConvexProjectDirectory = v),
        Text("SpaProxyServerUrl", s => s.SpaProxyServerUrl, (s, v) => s.SpaProxyServerUrl = v),
        Text("SpaRoot", s => s.SpaRoot, (s, v) => s.SpaRoot = v),
    };

    private readonly Func<BuildSettings, string> _format;
    private readonly Func<BuildSettings, string, string?> _assign;

    private MSBuildSetting(string propertyName, Type type, SettingStamp stamp, bool blankIsInvalid, Func<BuildSettings, string> format, Func<BuildSettings, string, string?> assign)
    {
        PropertyName = propertyName;
        Type = type;
        Stamp = stamp;
        BlankIsInvalid = blankIsInvalid;
        _format = format;
        _assign = assign;
    }

    /// <summary>The MSBuild property, e.g. ConvexAuthKitEnvFile.</summary>
    public string PropertyName { get; }

    /// <summary>The <see cref="BuildSettings"/> property's type: string, bool or int.</summary>
    public Type Type { get; }

    public SettingStamp Stamp { get; }

    /// <summary>A blank value has no meaning for this setting: it is CAK1019 instead of "not set".</summary>
    public bool BlankIsInvalid { get; }

    private static MSBuildSetting Text(string name, Func<BuildSettings, string?> get, Action<BuildSettings, string> set, SettingStamp stamp = SettingStamp.Input, bool blankIsInvalid = false) =>
        new(name, typeof(string), stamp, blankIsInvalid, s => get(s) ?? "", (s, text) =>
        {
            set(s, text);
            return null;
        });

    /// <summary>A boolean, spelled as MSBuild accepts one: true/false, on/off or yes/no, in any case.</summary>
    private static MSBuildSetting Flag(string name, Func<BuildSettings, bool> get, Action<BuildSettings, bool> set, SettingStamp stamp = SettingStamp.Input) =>
        new(name, typeof(bool), stamp, false, s => get(s) ? "true" : "false", (s, text) =>
        {
            if (IsAny(text, "true", "on", "yes")) set(s, true);
            else if (IsAny(text, "false", "off", "no")) set(s, false);
            else return $"{name} is '{text}', which is neither true nor false.";
            return null;
        });

    private static MSBuildSetting WholeNumber(string name, Func<BuildSettings, int> get, Action<BuildSettings, int> set, bool blankIsInvalid) =>
        new(name, typeof(int), SettingStamp.Input, blankIsInvalid, s => get(s).ToString(CultureInfo.InvariantCulture), (s, text) =>
        {
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number <= 0)
                return $"{name} is '{text}', which is not a whole number greater than 0.";
            set(s, number);
            return null;
        });

    private static bool IsAny(string text, string a, string b, string c) =>
        string.Equals(text, a, StringComparison.OrdinalIgnoreCase) || string.Equals(text, b, StringComparison.OrdinalIgnoreCase) || string.Equals(text, c, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The settings of one task invocation, from the .targets' items (Include: MSBuild property name, metadata Value:
    /// its value), plus what is wrong with them: a value that cannot be used (CAK1019), or a name the .targets and
    /// this assembly do not agree on (CAK1000: the package's .targets and task assembly come from different builds).
    /// </summary>
    public static BuildSettings Read(string projectDirectory, KeyValuePair<string, string>[] values, ICollection<SettingProblem> problems)
    {
        var settings = new BuildSettings { ProjectDirectory = projectDirectory };
        var received = new bool[All.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var index = IndexOf(values[i].Key);
            if (index < 0)
            {
                problems.Add(new SettingProblem(Diagnostics.Unexpected, $"The package's targets pass a setting this task does not know ({values[i].Key}). Please report this; set ConvexAuthKitEnabled=false to build without it meanwhile."));
                continue;
            }
            received[index] = true;
            var problem = All[index].Assign(settings, values[i].Value);
            if (problem != null) problems.Add(new SettingProblem(Diagnostics.InvalidSetting, problem));
        }
        for (var i = 0; i < All.Length; i++)
        {
            if (!received[i])
                problems.Add(new SettingProblem(Diagnostics.Unexpected, $"The package's targets do not pass the setting {All[i].PropertyName}. Please report this; set ConvexAuthKitEnabled=false to build without it meanwhile."));
        }
        return settings;
    }

    private static int IndexOf(string propertyName)
    {
        for (var i = 0; i < All.Length; i++)
            if (string.Equals(All[i].PropertyName, propertyName, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>The current value as the fingerprint records it: invariant, "" when not set.</summary>
    public string Format(BuildSettings settings) => _format(settings);

    /// <summary>
    /// Sets the property from the MSBuild value. A blank value means "not set": the property keeps the value a new
    /// <see cref="BuildSettings"/> has (see its documentation), unless <see cref="BlankIsInvalid"/>. Returns the
    /// problem with the value, or null.
    /// </summary>
    public string? Assign(BuildSettings settings, string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
            return BlankIsInvalid ? $"{PropertyName} is empty. Set it, or remove the empty value to use the package's default." : null;
        return _assign(settings, trimmed);
    }
}

/// <summary>How a setting relates to the stamp (docs/architecture.md#incremental-rules).</summary>
internal enum SettingStamp
{
    /// <summary>Changes what a run does: part of the fingerprint, so changing it re-runs the target.</summary>
    Input,

    /// <summary>Makes the target run regardless of the stamp (the .targets point its output at a file never written).</summary>
    BypassesStamp,

    /// <summary>Decides in the .targets whether the target runs at all; a run never reads it.</summary>
    Gating,
}

/// <summary>Why a setting cannot be used, as the task reports it.</summary>
internal sealed record SettingProblem(Diagnostic Diagnostic, string Message);
