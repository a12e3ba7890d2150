using Convex.AuthKit.Build.Facts;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Provisioning;
using Convex.AuthKit.Build.Vocabulary;
using Microsoft.Build.Framework;

namespace Convex.AuthKit.Build;

/// <summary>
/// ConvexAuthKitProvision's task: a thin adapter. Settings in, log and items out; the flow is plain C# in Provisioning/.
/// Cancellable (Ctrl+C stops in-flight calls and leaves the env file as it was).
/// </summary>
public sealed class ProvisionAuthKitTask : ConvexAuthKitTaskBase, ICancelableTask, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

    /// <summary>
    /// The inputs file in obj/, rewritten with the fingerprint the stamp records; the .targets pass
    /// <c>obj/$(MSBuildProjectName).ConvexAuthKit.inputs</c>. Required: MSBuild refuses to run the task without it,
    /// and a blank value counts as missing.
    /// </summary>
    [Required] public string InputsFile { get; set; } = "";

    /// <summary>
    /// The stamp in obj/, written after a fully successful run and deleted after a failed one; the .targets pass
    /// <c>obj/$(MSBuildProjectName).ConvexAuthKit.stamp</c>. Required: MSBuild refuses to run the task without it,
    /// and a blank value counts as missing.
    /// </summary>
    [Required] public string StampFile { get; set; } = "";

    /// <summary>
    /// The items file in obj/, where this run records the non-secret env-file entries; the .targets pass
    /// <c>obj/$(MSBuildProjectName).ConvexAuthKit.items</c>. Required: MSBuild refuses to run the task without it,
    /// and a blank value counts as missing.
    /// </summary>
    [Required] public string ItemsFile { get; set; } = "";

    /// <summary>
    /// The generated MSBuild file in obj/ that lets MSBuild skip both tasks while nothing changes
    /// (docs/architecture.md#incremental-rules), written after the stamp. The .targets pass
    /// <c>obj/$(MSBuildProjectName).ConvexAuthKit.g.targets</c>. Optional: blank writes none.
    /// </summary>
    public string UpToDateTargetsFile { get; set; } = "";

    /// <summary>
    /// In: the items the last run recorded (from CollectConvexAuthKitInputsTask). Out: the non-secret env-file
    /// entries after this run (Include is the name, metadata Value the value). On a stamp hit this task does not run
    /// and the recorded items stand. Optional: none by default, and an empty list on input means the last run
    /// recorded nothing.
    /// </summary>
    [Output] public ITaskItem[] EnvironmentVariables { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Stops the calls in flight; the env file is left as it was and the task fails.</summary>
    public void Cancel() => _cancellation.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _cancellation.Dispose();

    /// <summary>Provisions what is missing and writes the state files.</summary>
    /// <returns>False when an error was logged or the task was cancelled.</returns>
    public override bool Execute()
    {
        if (!TryReadSettings(out var settings, out var log)) return !Log.HasLoggedErrors;

        var files = new StateFilePaths(InputsFile, StampFile, ItemsFile, UpToDateTargetsFile);
        try
        {
            ProvisioningSession.RunAsync(settings, files, log, _cancellation.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            Log.LogMessage(MessageImportance.High, "Convex.AuthKit: cancelled.");
            return false;
        }
        catch (Exception e)
        {
            log.Report(Diagnostics.Unexpected, FailureTranslation.UnexpectedMessage(e));
        }
        EnvironmentVariables = ToItems(EnvironmentVariableItems.Read(ItemsFile));
        return !Log.HasLoggedErrors;
    }
}
