using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Plan;

namespace Convex.AuthKit.Build.Status;

/// <summary>The env-file entries the configuration defines, split into present and missing. Names only.</summary>
internal sealed class EnvFileEntries
{
    private EnvFileEntries(string fileName, bool fileExists, bool disabled, IReadOnlyList<string> present, IReadOnlyList<string> missing)
    {
        FileName = fileName;
        FileExists = fileExists;
        Disabled = disabled;
        Present = present;
        Missing = missing;
    }

    public string FileName { get; }
    public bool FileExists { get; }

    /// <summary>localEnvVars is absent or false: the build writes nothing.</summary>
    public bool Disabled { get; }

    /// <summary>Defined names with a non-empty value, annotated when the value comes from elsewhere than the env file.</summary>
    public IReadOnlyList<string> Present { get; }

    /// <summary>Defined names without a value; a placeholder (docs/architecture.md#placeholders) is annotated with its example file.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <param name="credentials">What the deployment's environment gives, when it was read: a placeholder equal to what the build would write counts as present.</param>
    public static EnvFileEntries Of(AuthKitDecision decision, BuildEnvironment environment, WorkOSCredentials? credentials)
    {
        var dev = decision.Dev!;
        var disabled = !EnvFilePlan.IsWanted(dev);
        var missingNames = EnvFilePlan.MissingEntries(dev, decision.WantsCookiePassword, environment, credentials);
        var present = new List<string>();
        var missing = new List<string>();
        foreach (var name in EnvFilePlan.EntryNames(dev, decision.WantsCookiePassword))
        {
            var placeholder = environment.PlaceholderOf(name);
            if (missingNames.Contains(name))
                missing.Add(placeholder != null ? $"{name} (a placeholder from {placeholder.ExampleFile})" : name);
            else if (string.IsNullOrEmpty(environment.GetRaw(name)) || environment.SourceOf(name) == BuildEnvironmentSource.EnvFile)
                present.Add(name);
            else
                present.Add($"{name} (from {environment.DescribeSource(name)})");
        }
        return new EnvFileEntries(environment.EnvFile.DisplayName, environment.EnvFile.Exists, disabled, present, missing);
    }

    /// <summary>The client ID as the env file holds it (an entry filled from ${authEnv.WORKOS_CLIENT_ID}), for when the deployment was not read.</summary>
    public static string? ClientIdFromEnvFile(AuthKitEnvironmentConfig dev, BuildEnvironment environment)
    {
        foreach (var entry in dev.LocalEnvVars ?? Array.Empty<KeyValuePair<string, string>>())
        {
            if (entry.Value.Trim() != "${authEnv.WORKOS_CLIENT_ID}") continue;
            var value = environment.Get(entry.Key);
            if (value != null) return $"{value} ({entry.Key} in {environment.DescribeSource(entry.Key)})";
        }
        return null;
    }

    /// <summary>The entries the env file itself holds that were filled from the WorkOS environment (${authEnv.*}).</summary>
    public static IReadOnlyList<string> FilledFromWorkOS(AuthKitEnvironmentConfig dev, BuildEnvironment environment)
    {
        if (!EnvFilePlan.IsWanted(dev)) return Array.Empty<string>();
        return dev.LocalEnvVars!
            .Where(entry => entry.Value.Contains("${authEnv.") && environment.SourceOf(entry.Key) == BuildEnvironmentSource.EnvFile
                && !string.IsNullOrEmpty(environment.GetRaw(entry.Key)))
            .Select(entry => entry.Key).Distinct().ToList();
    }

    public string Describe()
    {
        if (Disabled) return "no entries defined (authKit.dev.localEnvVars is absent or false)";
        var parts = new List<string>();
        if (!FileExists) parts.Add("the file does not exist");
        parts.Add("present: " + (Present.Count == 0 ? "none" : string.Join(", ", Present)));
        parts.Add("missing: " + (Missing.Count == 0 ? "none" : string.Join(", ", Missing)));
        return string.Join("; ", parts);
    }
}
