namespace Convex.AuthKit.Build.Vocabulary;

/// <summary>
/// Marks a <see cref="BuildSettings"/> property as the value of one MSBuild property. The tasks fill every marked
/// property from the .targets' settings items, and the stamp fingerprints every marked property whose
/// <see cref="Stamp"/> is <see cref="SettingStamp.Input"/> (docs/architecture.md#settings).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class MSBuildSettingAttribute : Attribute
{
    public MSBuildSettingAttribute(string propertyName) { PropertyName = propertyName; }

    /// <summary>The MSBuild property, e.g. ConvexAuthKitEnvFile.</summary>
    public string PropertyName { get; }

    public SettingStamp Stamp { get; set; } = SettingStamp.Input;

    /// <summary>A blank value has no meaning for this setting: it is reported as CAK1019 instead of "not set".</summary>
    public bool BlankIsInvalid { get; set; }
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
