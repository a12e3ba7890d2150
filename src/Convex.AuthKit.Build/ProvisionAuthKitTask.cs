using System;
using System.Threading;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Provisioning;
using Microsoft.Build.Framework;

namespace Convex.AuthKit.Build;

/// <summary>
/// ConvexAuthKitProvision's task: a thin adapter. Settings in, log and items out; the flow is plain C# in Provisioning/.
/// Cancellable (Ctrl+C stops in-flight calls and leaves the env file as it was).
/// </summary>
public sealed class ProvisionAuthKitTask : ConvexAuthKitTaskBase, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

    /// <summary>The inputs file in obj/: rewritten with the fingerprint the stamp records.</summary>
    [Required] public string InputsFile { get; set; } = "";

    /// <summary>The stamp in obj/: written after a fully successful run, deleted after a failed one.</summary>
    [Required] public string StampFile { get; set; } = "";

    /// <summary>The items file in obj/: the non-secret env-file entries of this run.</summary>
    [Required] public string ItemsFile { get; set; } = "";

    /// <summary>The file in obj/ whose only line is the path of the Convex app's shared stamp, for Clean to delete.</summary>
    [Required] public string AppStampPathFile { get; set; } = "";

    /// <summary>
    /// In: the items the last run recorded (from CollectConvexAuthKitInputsTask). Out: the non-secret env-file
    /// entries after this run (Include is the name, metadata Value the value). When MSBuild skips the target on a
    /// stamp hit, it infers this output from the input, so the recorded items stand.
    /// </summary>
    [Output] public ITaskItem[] EnvironmentVariables { get; set; } = Array.Empty<ITaskItem>();

    public void Cancel() => _cancellation.Cancel();

    public override bool Execute()
    {
        if (!TryReadSettings(out var settings, out var log)) return !Log.HasLoggedErrors;

        var files = new StateFilePaths(InputsFile, StampFile, ItemsFile, AppStampPathFile);
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
