using System.Globalization;
using System.Reflection;

namespace Convex.AuthKit.Build.Provisioning;

/// <summary>
/// One MSBuild property the tasks receive and the <see cref="BuildSettings"/> property it sets: the table of
/// settings, read from <see cref="MSBuildSettingAttribute"/> so a new setting is converted and fingerprinted by
/// construction (docs/architecture.md#settings).
/// </summary>
internal sealed class MSBuildSetting
{
    private readonly PropertyInfo _property;

    private MSBuildSetting(PropertyInfo property, MSBuildSettingAttribute attribute)
    {
        _property = property;
        PropertyName = attribute.PropertyName;
        Stamp = attribute.Stamp;
        BlankIsInvalid = attribute.BlankIsInvalid;
    }

    /// <summary>Every setting, ordered by MSBuild property name.</summary>
    public static IReadOnlyList<MSBuildSetting> All { get; } = typeof(BuildSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => (Property: p, Attribute: p.GetCustomAttribute<MSBuildSettingAttribute>()))
        .Where(p => p.Attribute != null)
        .Select(p => new MSBuildSetting(p.Property, p.Attribute!))
        .OrderBy(s => s.PropertyName, StringComparer.Ordinal)
        .ToList();

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
            var setting = All.FirstOrDefault(s => string.Equals(s.PropertyName, pair.Key, StringComparison.OrdinalIgnoreCase));
            if (setting == null)
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

    /// <summary>The MSBuild property, e.g. ConvexAuthKitEnvFile.</summary>
    public string PropertyName { get; }

    public SettingStamp Stamp { get; }

    public bool BlankIsInvalid { get; }

    /// <summary>The <see cref="BuildSettings"/> property's type: string, bool or int.</summary>
    public Type Type => _property.PropertyType;

    /// <summary>The current value as the fingerprint records it: invariant, "" when not set.</summary>
    public string Format(BuildSettings settings) => _property.GetValue(settings) switch
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
            _property.SetValue(settings, trimmed);
            return null;
        }
        if (Type == typeof(bool))
        {
            if (!TryParseBool(trimmed, out var flag)) return $"{PropertyName} is '{trimmed}', which is neither true nor false.";
            _property.SetValue(settings, flag);
            return null;
        }
        if (Type == typeof(int))
        {
            if (!int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number <= 0)
                return $"{PropertyName} is '{trimmed}', which is not a whole number greater than 0.";
            _property.SetValue(settings, number);
            return null;
        }
        throw new InvalidOperationException($"BuildSettings.{_property.Name}: settings are string, bool or int.");
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
