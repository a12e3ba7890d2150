using Convex.AuthKit.Build.Incremental;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Convex.AuthKit.Build;

/// <summary>
/// Runs on every build: fingerprints the inputs that are not files (settings, environment, which files exist)
/// into the inputs file, rewritten only when the fingerprint changes, and lists the input files, so that
/// ConvexAuthKitProvision is skipped by Inputs/Outputs when nothing changed. Reports the items the last run
/// recorded, which stand when it is skipped. In Visual Studio's design-time builds it only lists the input files
/// for the fast up-to-date check (<see cref="ListOnly"/>). No network, no secret leaves it.
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
    /// The stamp in obj/ (the provisioning target's output), read for the files and variables the last run watched,
    /// and deleted when the inputs cannot be fingerprinted. The .targets pass
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
    /// True in Visual Studio's design-time builds, which collect the fast up-to-date check's items: only list the
    /// input files, reading nothing but what the list needs (the settings, which files exist, the stamp's watched
    /// files) and writing nothing, the stamp and the inputs file included. Not set: false.
    /// </summary>
    public bool ListOnly { get; set; }

    /// <summary>
    /// Output: the input files that exist, full paths: the provisioning target's Inputs, and Visual Studio's fast
    /// up-to-date check inputs (the same list, docs/architecture.md#gating). Empty when a setting cannot be used or
    /// the inputs cannot be read.
    /// </summary>
    [Output] public ITaskItem[] InputFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// Output: the non-secret env-file entries the last run recorded (Include is the name, metadata Value the
    /// value). Empty when nothing was recorded.
    /// </summary>
    [Output] public ITaskItem[] EnvironmentVariables { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>Writes the inputs file and reports the input files and the recorded items.</summary>
    /// <returns>Always true: whatever it cannot do, the provisioning target re-checks.</returns>
    public override bool Execute()
    {
        if (ListOnly) return ListInputFiles();
        EnvironmentVariables = ToItems(EnvironmentVariableItems.Read(ItemsFile));
        var settings = ReadSettings(out var problems);
        if (problems.Count > 0)
        {
            // The provisioning target then runs and reports the problems.
            Log.LogMessage(MessageImportance.Low, "Convex.AuthKit: a setting cannot be used; the provisioning reports it.");
            Stamp.Delete(StampFile);
            return true;
        }
        try
        {
            var inputs = InputsFingerprint.Collect(settings, Stamp.Read(StampFile));
            StateFiles.WriteIfDifferent(InputsFile, inputs.Fingerprint + "\n");
            InputFiles = ToFileItems(inputs);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            // Without a fingerprint the provisioning target simply runs and re-checks everything itself.
            Log.LogMessage(MessageImportance.Low, "Convex.AuthKit: could not fingerprint the inputs ({0}); the provisioning re-checks.", e.Message);
            Stamp.Delete(StampFile);
        }
        return true;
    }

    /// <summary>The design-time list: the same files as a build's, from the same fingerprint, nothing written.</summary>
    private bool ListInputFiles()
    {
        var settings = ReadSettings(out var problems);
        if (problems.Count > 0) return true; // the build reports them, and deletes the stamp, so VS builds
        try
        {
            InputFiles = ToFileItems(InputsFingerprint.Collect(settings, Stamp.Read(StampFile)));
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Low, "Convex.AuthKit: could not list the inputs ({0}); the build re-checks.", e.Message);
        }
        return true;
    }

    private static ITaskItem[] ToFileItems(CollectedInputs inputs) =>
        inputs.ExistingFiles.Select(f => (ITaskItem)new TaskItem(Path.GetFullPath(f))).ToArray();
}
