using System.Globalization;

namespace Convex.AuthKit.Build.Vocabulary;

/// <summary>
/// One MSBuild property the tasks receive and the <see cref="BuildSettings"/> property it sets: the table of
/// settings (docs/architecture.md#settings). Written out, with one switch to get and one to set, rather than read
/// from <see cref="MSBuildSettingAttribute"/> by reflection or a delegate per setting, because every build reads it
/// on the no-op path, where each method compiled costs time (docs/architecture.md#incremental-rules). A test keeps
/// the table, the switches and the attributes equal, so a new setting is still converted and fingerprinted by
/// construction.
/// </summary>
internal sealed class MSBuildSetting
{
    private MSBuildSetting(string propertyName, string memberName, Type type, SettingStamp stamp = SettingStamp.Input, bool blankIsInvalid = false)
    {
        PropertyName = propertyName;
        MemberName = memberName;
        Type = type;
        Stamp = stamp;
        BlankIsInvalid = blankIsInvalid;
    }

    /// <summary>Every setting, ordered by MSBuild property name.</summary>
    public static IReadOnlyList<MSBuildSetting> All { get; } = new[]
    {
        new MSBuildSetting("ConvexAuthKitAcceptWorkOSTerms", nameof(BuildSettings.AcceptWorkOSTerms), typeof(bool)),
        new MSBuildSetting("ConvexAuthKitConfigurations", nameof(BuildSettings.Configurations), typeof(string), SettingStamp.Gating),
        new MSBuildSetting("ConvexAuthKitDevOrigin", nameof(BuildSettings.DevOrigin), typeof(string)),
        new MSBuildSetting("ConvexAuthKitDryRun", nameof(BuildSettings.DryRun), typeof(bool), SettingStamp.BypassesStamp),
        new MSBuildSetting("ConvexAuthKitEnabled", nameof(BuildSettings.Enabled), typeof(string), SettingStamp.Gating),
        new MSBuildSetting("ConvexAuthKitEnvFile", nameof(BuildSettings.EnvFile), typeof(string), blankIsInvalid: true),
        new MSBuildSetting("ConvexAuthKitFailOnError", nameof(BuildSettings.FailOnError), typeof(bool)),
        new MSBuildSetting("ConvexAuthKitForce", nameof(BuildSettings.Force), typeof(bool), SettingStamp.BypassesStamp),
        new MSBuildSetting("ConvexAuthKitTimeoutSeconds", nameof(BuildSettings.TimeoutSeconds), typeof(int), blankIsInvalid: true),
        new MSBuildSetting("ConvexAuthKitWorkOSApiUrl", nameof(BuildSettings.WorkOSApiUrl), typeof(string)),
        new MSBuildSetting("ConvexAuthKitWorkOSTeamEmail", nameof(BuildSettings.WorkOSTeamEmail), typeof(string)),
        new MSBuildSetting("ConvexProjectDirectory", nameof(BuildSettings.ConvexProjectDirectory), typeof(string)),
        new MSBuildSetting("SpaProxyServerUrl", nameof(BuildSettings.SpaProxyServerUrl), typeof(string)),
        new MSBuildSetting("SpaRoot", nameof(BuildSettings.SpaRoot), typeof(string)),
    };

    private object? Get(BuildSettings settings) => MemberName switch
    {
        nameof(BuildSettings.AcceptWorkOSTerms) => settings.AcceptWorkOSTerms,
        nameof(BuildSettings.Configurations) => settings.Configurations,
        nameof(BuildSettings.DevOrigin) => settings.DevOrigin,
        nameof(BuildSettings.DryRun) => settings.DryRun,
        nameof(BuildSettings.Enabled) => settings.Enabled,
        nameof(BuildSettings.EnvFile) => settings.EnvFile,
        nameof(BuildSettings.FailOnError) => settings.FailOnError,
        nameof(BuildSettings.Force) => settings.Force,
        nameof(BuildSettings.TimeoutSeconds) => settings.TimeoutSeconds,
        nameof(BuildSettings.WorkOSApiUrl) => settings.WorkOSApiUrl,
        nameof(BuildSettings.WorkOSTeamEmail) => settings.WorkOSTeamEmail,
        nameof(BuildSettings.ConvexProjectDirectory) => settings.ConvexProjectDirectory,
        nameof(BuildSettings.SpaProxyServerUrl) => settings.SpaProxyServerUrl,
        nameof(BuildSettings.SpaRoot) => settings.SpaRoot,
        _ => throw NotInTheSwitch(),
    };

    private void Set(BuildSettings settings, object value)
    {
        switch (MemberName)
        {
            case nameof(BuildSettings.AcceptWorkOSTerms): settings.AcceptWorkOSTerms = (bool)value; break;
            case nameof(BuildSettings.Configurations): settings.Configurations = (string)value; break;
            case nameof(BuildSettings.DevOrigin): settings.DevOrigin = (string)value; break;
            case nameof(BuildSettings.DryRun): settings.DryRun = (bool)value; break;
            case nameof(BuildSettings.Enabled): settings.Enabled = (string)value; break;
            case nameof(BuildSettings.EnvFile): settings.EnvFile = (string)value; break;
            case nameof(BuildSettings.FailOnError): settings.FailOnError = (bool)value; break;
            case nameof(BuildSettings.Force): settings.Force = (bool)value; break;
            case nameof(BuildSettings.TimeoutSeconds): settings.TimeoutSeconds = (int)value; break;
            case nameof(BuildSettings.WorkOSApiUrl): settings.WorkOSApiUrl = (string)value; break;
            case nameof(BuildSettings.WorkOSTeamEmail): settings.WorkOSTeamEmail = (string)value; break;
            case nameof(BuildSettings.ConvexProjectDirectory): settings.ConvexProjectDirectory = (string)value; break;
            case nameof(BuildSettings.SpaProxyServerUrl): settings.SpaProxyServerUrl = (string)value; break;
            case nameof(BuildSettings.SpaRoot): settings.SpaRoot = (string)value; break;
            default: throw NotInTheSwitch();
        }
    }

    private InvalidOperationException NotInTheSwitch() =>
        new InvalidOperationException($"BuildSettings.{MemberName} is in MSBuildSetting.All but not in its Get and Set switches.");

    /// <summary>
    /// The settings of one task invocation, from the .targets' items (Include: MSBuild property name, metadata Value:
    /// its value), plus what is wrong with them: a value that cannot be used (CAK1019), or a name the .targets and
    /// this assembly do not agree on (CAK1000: the package's .targets and task assembly come from different builds).
    /// </summary>
    public static BuildSettings Read(string projectDirectory, KeyValuePair<string, string>[] values, ICollection<SettingProblem> problems)
    {
        var settings = new BuildSettings { ProjectDirectory = projectDirectory };
        var received = new bool[All.Count];
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
        for (var i = 0; i < All.Count; i++)
        {
            if (!received[i])
                problems.Add(new SettingProblem(Diagnostics.Unexpected, $"The package's targets do not pass the setting {All[i].PropertyName}. Please report this; set ConvexAuthKitEnabled=false to build without it meanwhile."));
        }
        return settings;
    }

    private static int IndexOf(string propertyName)
    {
        for (var i = 0; i < All.Count; i++)
            if (string.Equals(All[i].PropertyName, propertyName, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>The MSBuild property, e.g. ConvexAuthKitEnvFile.</summary>
    public string PropertyName { get; }

    /// <summary>The <see cref="BuildSettings"/> property it sets, e.g. EnvFile.</summary>
    public string MemberName { get; }

    public SettingStamp Stamp { get; }

    public bool BlankIsInvalid { get; }

    /// <summary>The <see cref="BuildSettings"/> property's type: string, bool or int.</summary>
    public Type Type { get; }

    /// <summary>The current value as the fingerprint records it: invariant, "" when not set.</summary>
    public string Format(BuildSettings settings) => Get(settings) switch
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
            Set(settings, trimmed);
            return null;
        }
        if (Type == typeof(bool))
        {
            if (!TryParseBool(trimmed, out var flag)) return $"{PropertyName} is '{trimmed}', which is neither true nor false.";
            Set(settings, flag);
            return null;
        }
        if (Type == typeof(int))
        {
            if (!int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number <= 0)
                return $"{PropertyName} is '{trimmed}', which is not a whole number greater than 0.";
            Set(settings, number);
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
