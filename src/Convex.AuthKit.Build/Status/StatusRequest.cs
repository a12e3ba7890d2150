using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Status;

/// <summary>What ConvexAuthKitStatus is asked about: the build's settings plus the gating the next build applies.</summary>
internal sealed class StatusRequest
{
    public StatusRequest(BuildSettings settings, string projectName, string stampFile, string? configuration, string? configurations, bool enabled)
    {
        Settings = settings;
        ProjectName = projectName;
        StampFile = stampFile;
        Configuration = string.IsNullOrWhiteSpace(configuration) ? "Debug" : configuration!.Trim();
        Configurations = string.IsNullOrWhiteSpace(configurations) ? "Debug" : configurations!.Trim();
        Enabled = enabled;
    }

    public BuildSettings Settings { get; }
    public string ProjectName { get; }
    public string StampFile { get; }
    public string Configuration { get; }

    /// <summary>ConvexAuthKitConfigurations, as written.</summary>
    public string Configurations { get; }

    /// <summary>ConvexAuthKitEnabled is true (or on/yes).</summary>
    public bool Enabled { get; }

    /// <summary>
    /// Why a build of this configuration would not run the provisioning at all, or null when it would. Same rule
    /// as the .targets: case-insensitive, spaces ignored.
    /// </summary>
    public string? GateReason()
    {
        if (!Enabled) return "ConvexAuthKitEnabled is false";
        var listed = Configurations.Replace(" ", "").Split(';')
            .Any(c => string.Equals(c, Configuration, StringComparison.OrdinalIgnoreCase));
        return listed ? null : $"{Configuration} is not in ConvexAuthKitConfigurations ({Configurations})";
    }
}
