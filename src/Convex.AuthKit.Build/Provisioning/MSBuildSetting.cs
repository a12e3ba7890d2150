using System.Globalization;

namespace Convex.AuthKit.Build.Provisioning;

/// <summary>
/// One MSBuild property the tasks receive and the <see cref="BuildSettings"/> property it sets: the table of
/// settings (docs/architecture.md#settings). Written out rather than read from <see cref="MSBuildSettingAttribute"/>
/// by reflection, because every build reads it on the no-op path; a test keeps the table and the attributes equal,
/// so a new setting is still converted and fingerprinted by construction.
/// </summary>
internal sealed class MSBuildSetting
{
    private readonly Func<BuildSettings, object?> _get;
    private readonly Action<BuildSettings, object> _set;

    private MSBuildSetting(string propertyName, string memberName, Type type, Func<BuildSettings, object?> get, Action<BuildSettings, object> set,
        SettingStamp stamp, bool blankIsInvalid)
    {
        PropertyName = propertyName;
        MemberName = memberName;
        Type = type;
        _get = get;
        _set = set;
        Stamp = stamp;
        BlankIsInvalid = blankIsInvalid;
    }

    /// <summary>Every setting, ordered by MSBuild property name.</summary>
    public static IReadOnlyList<MSBuildSetting> All { get; } = new[]
    {
        Of("ConvexAuthKitAcceptWorkOSTerms", nameof(BuildSettings.AcceptWorkOSTerms), s => s.AcceptWorkOSTerms, (s, v) => s.AcceptWorkOSTerms = (bool)v),
        Of("ConvexAuthKitConfigurations", nameof(BuildSettings.Configurations), s => s.Configurations, (s, v) => s.Configurations = (string)v, SettingStamp.Gating),
        Of("ConvexAuthKitDevOrigin", nameof(BuildSettings.DevOrigin), s => s.DevOrigin, (s, v) => s.DevOrigin = (string)v),
        Of("ConvexAuthKitDryRun", nameof(BuildSettings.DryRun), s => s.DryRun, (s, v) => s.DryRun = (bool)v, SettingStamp.BypassesStamp),
        Of("ConvexAuthKitEnabled", nameof(BuildSettings.Enabled), s => s.Enabled, (s, v) => s.Enabled = (string)v, SettingStamp.Gating),
        Of("ConvexAuthKitEnvFile", nameof(BuildSettings.EnvFile), s => s.EnvFile, (s, v) => s.EnvFile = (string)v, blankIsInvalid: true),
        Of("ConvexAuthKitFailOnError", nameof(BuildSettings.FailOnError), s => s.FailOnError, (s, v) => s.FailOnError = (bool)v),
        Of("ConvexAuthKitForce", nameof(BuildSettings.Force), s => s.Force, (s, v) => s.Force = (bool)v, SettingStamp.BypassesStamp),
        Of("ConvexAuthKitTimeoutSeconds", nameof(BuildSettings.TimeoutSeconds), s => s.TimeoutSeconds, (s, v) => s.TimeoutSeconds = (int)v, blankIsInvalid: true),
        Of("ConvexAuthKitWorkOSApiUrl", nameof(BuildSettings.WorkOSApiUrl), s => s.WorkOSApiUrl, (s, v) => s.WorkOSApiUrl = (string)v),
        Of("ConvexAuthKitWorkOSTeamEmail", nameof(BuildSettings.WorkOSTeamEmail), s => s.WorkOSTeamEmail, (s, v) => s.WorkOSTeamEmail = (string)v),
        Of("ConvexProjectDirectory", nameof(BuildSettings.ConvexProjectDirectory), s => s.ConvexProjectDirectory, (s, v) => s.ConvexProjectDirectory = (string)v),
        Of("SpaProxyServerUrl", nameof(BuildSettings.SpaProxyServerUrl), s => s.SpaProxyServerUrl, (s, v) => s.SpaProxyServerUrl = (string)v),
        Of("SpaRoot", nameof(BuildSettings.SpaRoot), s => s.SpaRoot, (s, v) => s.SpaRoot = (string)v),
    };

    private static MSBuildSetting Of<T>(string propertyName, string memberName, Func<BuildSettings, T> get, Action<BuildSettings, object> set,
        SettingStamp stamp = SettingStamp.Input, bool blankIsInvalid = false) =>
        new MSBuildSetting(propertyName, memberName, typeof(T), s => get(s), set, stamp, blankIsInvalid);

    /// <summary>
    /// The settings of one task invocation, from the .targets' (MSBuild property name, value) pairs, plus what is
    /// wrong with them: a value that cannot be used (CAK1019), or a name the .targets and this assembly do not
    /// agree on (CAK1000: the package's .targets and task assembly come from different builds).
    /// </summary>
    public static BuildSettings Read(string projectDirectory, IEnumerable<KeyValuePair<string, string>> values, ICollection<SettingProblem> problems)
    {
        var settings = new BuildSettings { ProjectDirectory = projectDirectory };
        var received = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in values)
        {
            if (!ByName.TryGetValue(pair.Key, out var setting))
            {
                problems.Add(new SettingProblem(Diagnostics.Unexpected, $"The package's targets pass a setting this task does not know ({pair.Key}). Please report this; set ConvexAuthKitEnabled=false to build without it meanwhile."));
                continue;
            }
            received.Add(setting.PropertyName);
            var problem = setting.Assign(settings, pair.Value);
            if (problem != null) problems.Add(new SettingProblem(Diagnostics.InvalidSetting, problem));
        }
        foreach (var missing in All.Where(s => !received.Contains(s.PropertyName)))
            problems.Add(new SettingProblem(Diagnostics.Unexpected, $"The package's targets do not pass the setting {missing.PropertyName}. Please report this; set ConvexAuthKitEnabled=false to build without it meanwhile."));
        return settings;
    }

    private static readonly Dictionary<string, MSBuildSetting> ByName = All.ToDictionary(s => s.PropertyName, StringComparer.OrdinalIgnoreCase);

    /// <summary>The MSBuild property, e.g. ConvexAuthKitEnvFile.</summary>
    public string PropertyName { get; }

    /// <summary>The <see cref="BuildSettings"/> property it sets, e.g. EnvFile.</summary>
    public string MemberName { get; }

    public SettingStamp Stamp { get; }

    public bool BlankIsInvalid { get; }

    /// <summary>The <see cref="BuildSettings"/> property's type: string, bool or int.</summary>
    public Type Type { get; }

    /// <summary>The current value as the fingerprint records it: invariant, "" when not set.</summary>
    public string Format(BuildSettings settings) => _get(settings) switch
    {
        null => "",
        bool value => value ? "true" : "false",
        int value => value.ToString(CultureInfo.InvariantCulture),
        var value => value.ToString() ?? "",
    };

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
        if (Type == typeof(string))
        {
            _set(settings, trimmed);
            return null;
        }
        if (Type == typeof(bool))
        {
            if (!TryParseBool(trimmed, out var flag)) return $"{PropertyName} is '{trimmed}', which is neither true nor false.";
            _set(settings, flag);
            return null;
        }
        if (Type == typeof(int))
        {
            if (!int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number <= 0)
                return $"{PropertyName} is '{trimmed}', which is not a whole number greater than 0.";
            _set(settings, number);
            return null;
        }
        throw new InvalidOperationException($"BuildSettings.{MemberName}: settings are string, bool or int.");
    }

    /// <summary>The spellings MSBuild itself accepts for a bool task parameter.</summary>
    private static bool TryParseBool(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "true":
            case "on":
            case "yes":
            case "!false":
            case "!off":
            case "!no":
                value = true;
                return true;
            case "false":
            case "off":
            case "no":
            case "!true":
            case "!on":
            case "!yes":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}

/// <summary>Why a setting cannot be used, as the task reports it.</summary>
internal sealed record SettingProblem(Diagnostic Diagnostic, string Message);
