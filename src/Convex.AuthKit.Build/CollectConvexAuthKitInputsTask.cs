using Convex.AuthKit.Build.Incremental;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Convex.AuthKit.Build;

/// <summary>
/// Runs on every build and decides whether the provisioning target runs: fingerprints the inputs that are not files
/// (settings, environment, which files exist) into the inputs file, rewritten only when the fingerprint changes, and
/// reports <see cref="UpToDate"/> when the stamp of the last fully successful run is newer than every input file, as
/// Inputs/Outputs would. Reports the items the last run recorded, which stand when the provisioning is skipped. In
/// Visual Studio's design-time builds and for <c>dotnet watch</c> it only lists the input files, for the fast
/// up-to-date check and the Watch items (<see cref="ListOnly"/>). No network, no secret leaves it.
/// </summary>
public sealed class CollectConvexAuthKitInputsTask : ConvexAuthKitTaskBase
{
    /// <summary>
    /// The inputs file in obj/: the fingerprint, rewritten only when it changes (an input of the provisioning
    /// target). The .targets pass <c>obj/$(MSBuildProjectName).ConvexAuthKit.inputs</c>. Required: MSBuild refuses
    /// to run the task without it, and a blank value counts as missing.
    /// </summary>
    [Required] public string InputsFile { get; set; } = "";

    /// <summary>
    /// The stamp in obj/, written by the last fully successful run: read for the files and variables it watched, its
    /// time compared with every input's, and deleted when the inputs cannot be fingerprinted. The .targets pass
    /// <c>obj/$(MSBuildProjectName).ConvexAuthKit.stamp</c>. Required: MSBuild refuses to run the task without it,
    /// and a blank value counts as missing.
    /// </summary>
    [Required] public string StampFile { get; set; } = "";

    /// <summary>
    /// The items file in obj/: the non-secret env-file entries the last run recorded. The .targets pass
    /// <c>obj/$(MSBuildProjectName).ConvexAuthKit.items</c>. Required: MSBuild refuses to run the task without it,
    /// and a blank value counts as missing.
    /// </summary>
    [Required] public string ItemsFile { get; set; } = "";

    /// <summary>
    /// The generated MSBuild file in obj/ that lets MSBuild skip this task while nothing changes
    /// (docs/architecture.md#incremental-rules): written when the project is up to date, deleted when the provisioning
    /// must run. The .targets pass <c>obj/$(MSBuildProjectName).ConvexAuthKit.g.targets</c>. Optional: blank writes none.
    /// </summary>
    public string UpToDateTargetsFile { get; set; } = "";

    /// <summary>
    /// True in Visual Studio's design-time builds, which collect the fast up-to-date check's items, and when
    /// <c>dotnet watch</c> collects its Watch items: only list the input files, reading nothing but what the list
    /// needs (the settings, which files exist, the stamp's watched files) and writing nothing, the stamp and the
    /// inputs file included. Not set: false.
    /// </summary>
    public bool ListOnly { get; set; }

    /// <summary>
    /// Output, with <see cref="ListOnly"/>: the input files that exist, full paths, for Visual Studio's fast up-to-date
    /// check (the files whose times decide <see cref="UpToDate"/>, docs/architecture.md#gating). Empty otherwise, and
    /// when a setting cannot be used or the inputs cannot be read.
    /// </summary>
    [Output] public ITaskItem[] InputFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// Output, with <see cref="ListOnly"/>: of <see cref="InputFiles"/>, the files the user edits (convex.json,
    /// package.json, vite.config.*, the auth config and what it imports), full paths, for <c>dotnet watch</c>'s Watch
    /// items (docs/architecture.md#gating). Never an env file (the build writes one) nor the Convex CLI's login file.
    /// Empty otherwise, and when a setting cannot be used or the inputs cannot be read.
    /// </summary>
    [Output] public ITaskItem[] EditedFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// Output: true when nothing changed since the last fully successful run (the fingerprint is unchanged and no
    /// input file is newer than the stamp), so the provisioning target is skipped. False when it must run: something
    /// changed, there is no stamp, ConvexAuthKitForce or ConvexAuthKitDryRun is true, a setting cannot be used, the
    /// inputs cannot be read, or with <see cref="ListOnly"/>.
    /// </summary>
    [Output] public bool UpToDate { get; private set; }

    /// <summary>
    /// Output: the non-secret env-file entries the last run recorded (Include is the name, metadata Value the
    /// value): the ConvexAuthKitEnvironmentVariable items when <see cref="UpToDate"/>. Empty when nothing was recorded.
    /// </summary>
    [Output] public ITaskItem[] EnvironmentVariables { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// Writes the inputs file, decides <see cref="UpToDate"/> and reports the recorded items; writes the generated
    /// file when up to date, so that the next build needs no task, and deletes it otherwise.
    /// </summary>
    /// <returns>Always true: whatever it cannot do, the provisioning target re-checks.</returns>
    public override bool Execute()
    {
        if (ListOnly) return ListInputFiles();
        var recorded = EnvironmentVariableItems.Read(ItemsFile);
        EnvironmentVariables = ToItems(recorded);
        var settings = ReadSettings(out var problems);
        if (problems.Count > 0)
        {
            // The provisioning target then runs and reports the problems.
            Log.LogMessage(MessageImportance.Low, "Convex.AuthKit: a setting cannot be used; the provisioning reports it.");
            Stamp.Delete(StampFile);
            Incremental.UpToDateTargetsFile.Delete(UpToDateTargetsFile);
            return true;
        }
        try
        {
            var inputs = InputsFingerprint.Collect(settings, Stamp.Read(StampFile));
            var changed = StateFiles.WriteIfDifferent(InputsFile, inputs.Fingerprint);
            var whyRun = settings.Force ? "ConvexAuthKitForce is true"
                : settings.DryRun ? "ConvexAuthKitDryRun is true"
                : changed ? "a setting, an environment variable or the set of input files changed"
                : UpToDateCheck.WhyOutOfDate(StampFile, TimedInputs(inputs, InputsFile));
            UpToDate = whyRun == null;
            if (UpToDate)
            {
                Log.LogMessage(MessageImportance.Low, "Convex.AuthKit: up to date, nothing changed since the last successful run ({0}).", StampFile);
                Incremental.UpToDateTargetsFile.Write(UpToDateTargetsFile, StampFile, inputs, settings, recorded);
            }
            else
            {
                Log.LogMessage(MessageImportance.Low, "Convex.AuthKit: the provisioning runs: {0}.", whyRun);
                Incremental.UpToDateTargetsFile.Delete(UpToDateTargetsFile);
            }
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            // Without a fingerprint the provisioning target simply runs and re-checks everything itself.
            Log.LogMessage(MessageImportance.Low, "Convex.AuthKit: could not fingerprint the inputs ({0}); the provisioning re-checks.", e.Message);
            Stamp.Delete(StampFile);
            Incremental.UpToDateTargetsFile.Delete(UpToDateTargetsFile);
        }
        return true;
    }

    /// <summary>
    /// The files whose times count (<see cref="CollectedInputs.TimedFiles"/>), plus the inputs file: rewritten when the
    /// fingerprint changes, here or by a parallel inner build.
    /// </summary>
    internal static List<string> TimedInputs(CollectedInputs inputs, string inputsFile)
    {
        var files = inputs.TimedFiles();
        files.Insert(inputs.ExistingFiles.Count, inputsFile);
        return files;
    }

    private static ITaskItem[] FullPathItems(IReadOnlyList<string> paths)
    {
        var items = new ITaskItem[paths.Count];
        for (var i = 0; i < items.Length; i++) items[i] = new TaskItem(Path.GetFullPath(paths[i]));
        return items;
    }

    /// <summary>The design-time lists: the same files as a build's, from the same fingerprint, nothing written.</summary>
    private bool ListInputFiles()
    {
        var settings = ReadSettings(out var problems);
        if (problems.Count > 0) return true; // the build reports them, and deletes the stamp, so VS builds
        try
        {
            var inputs = InputsFingerprint.Collect(settings, Stamp.Read(StampFile));
            InputFiles = FullPathItems(inputs.ExistingFiles);
            EditedFiles = FullPathItems(InputsFingerprint.EditedFiles(inputs, settings));
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Low, "Convex.AuthKit: could not list the inputs ({0}); the build re-checks.", e.Message);
        }
        return true;
    }
}
