using Convex.AuthKit.Build.Vocabulary;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Convex.AuthKit.Build;

/// <summary>What every Convex.AuthKit task receives: the project folder and the package's settings (docs/architecture.md#settings). Never a secret.</summary>
public abstract class ConvexAuthKitTaskBase : Microsoft.Build.Utilities.Task
{
    /// <summary>
    /// The project's folder, where the search for the Convex app starts; the .targets pass
    /// <c>$(MSBuildProjectDirectory)</c>. Required: MSBuild refuses to run the task without it, and a blank value
    /// counts as missing.
    /// </summary>
    [Required] public string ProjectDirectory { get; set; } = "";

    /// <summary>
    /// The project file, where a diagnostic points when the problem is in no file of the Convex app (docs/architecture.md#output);
    /// the .targets pass <c>$(MSBuildProjectFullPath)</c>. Optional: blank points such diagnostics at the project's folder.
    /// </summary>
    public string ProjectFile { get; set; } = "";

    /// <summary>
    /// The package's settings, one item per MSBuild property (<c>@(_ConvexAuthKitSetting)</c>): Include is the
    /// property's name, metadata <c>Value</c> its value, blank when not set (the setting's default then applies).
    /// Every task receives all of them. Required; an empty list means every setting takes its default.
    /// </summary>
    [Required] public ITaskItem[] Settings { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The settings as the flow reads them; <paramref name="problems"/> holds what cannot be used.</summary>
    private protected BuildSettings ReadSettings(out IReadOnlyList<SettingProblem> problems)
    {
        var found = new List<SettingProblem>();
        var values = new KeyValuePair<string, string>[Settings.Length];
        for (var i = 0; i < values.Length; i++) values[i] = new KeyValuePair<string, string>(Settings[i].ItemSpec, Settings[i].GetMetadata("Value"));
        var settings = MSBuildSetting.Read(ProjectDirectory, values, found);
        settings.ProjectFile = string.IsNullOrWhiteSpace(ProjectFile) ? ProjectDirectory : ProjectFile;
        settings.MSBuildValues = values;
        problems = found;
        return settings;
    }

    /// <summary>
    /// The settings and the log that applies ConvexAuthKitFailOnError, or false after reporting every setting that
    /// cannot be used, when the task has nothing more to do.
    /// </summary>
    private protected bool TryReadSettings(out BuildSettings settings, out ProvisionLog log)
    {
        settings = ReadSettings(out var problems);
        log = new ProvisionLog(new MSBuildLogSink(Log), settings.FailOnError, settings.ProjectFile);
        foreach (var problem in problems) log.Report(problem.Diagnostic, problem.Message);
        return problems.Count == 0;
    }

    /// <summary>ConvexAuthKitEnvironmentVariable items: Include is the name, metadata Value the value, taken literally.</summary>
    private protected static ITaskItem[] ToItems(IReadOnlyList<KeyValuePair<string, string>> entries)
    {
        var items = new ITaskItem[entries.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var item = new TaskItem(entries[i].Key);
            ((ITaskItem2)item).SetMetadataValueLiteral("Value", entries[i].Value);
            items[i] = item;
        }
        return items;
    }
}
