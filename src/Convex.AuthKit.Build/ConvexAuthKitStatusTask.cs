using Convex.AuthKit.Build.Facts;
using Convex.AuthKit.Build.Status;
using Convex.AuthKit.Build.Vocabulary;
using Microsoft.Build.Framework;

namespace Convex.AuthKit.Build;

/// <summary>
/// ConvexAuthKitStatus's task: prints one block telling the AuthKit state of the project and what the next build
/// would do. Reads only; runs in any configuration. Fails only on a real error (e.g. an invalid convex.json).
/// </summary>
public sealed class ConvexAuthKitStatusTask : ConvexAuthKitTaskBase, ICancelableTask, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

    /// <summary>
    /// The project's name, for the block's title; the .targets pass <c>$(MSBuildProjectName)</c>. Optional: blank
    /// leaves the title without a name.
    /// </summary>
    public string? ProjectName { get; set; }

    /// <summary>
    /// The configuration asked about, which decides whether its next build provisions at all; the .targets pass
    /// <c>$(Configuration)</c>. Optional: blank means Debug.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// The project's stamp in obj/, read to tell whether the next build would find nothing changed; the .targets
    /// pass <c>obj/$(MSBuildProjectName).ConvexAuthKit.stamp</c>. Required: MSBuild refuses to run the task without
    /// it, and a blank value counts as missing.
    /// </summary>
    [Required] public string StampFile { get; set; } = "";

    /// <summary>Stops the reads in flight; the task fails.</summary>
    public void Cancel() => _cancellation.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _cancellation.Dispose();

    /// <summary>Prints the status block.</summary>
    /// <returns>False when an error was logged or the task was cancelled.</returns>
    public override bool Execute()
    {
        if (!TryReadSettings(out var settings, out var log)) return !Log.HasLoggedErrors;

        var request = new StatusRequest(settings, ProjectName ?? "", StampFile, Configuration, settings.Configurations, settings.Enabled);
        try
        {
            StatusInspection.RunAsync(request, new MSBuildLogSink(Log), _cancellation.Token).GetAwaiter().GetResult();
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
        return !Log.HasLoggedErrors;
    }
}
