using System;
using System.Threading;
using Convex.AuthKit.Build.Provisioning;
using Convex.AuthKit.Build.Status;
using Microsoft.Build.Framework;

namespace Convex.AuthKit.Build;

/// <summary>
/// ConvexAuthKitStatus's task: prints one block telling the AuthKit state of the project and what the next build
/// would do. Reads only; runs in any configuration. Fails only on a real error (e.g. an invalid convex.json).
/// </summary>
public sealed class ConvexAuthKitStatusTask : ConvexAuthKitTaskBase, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

    /// <summary>The project's name (<c>$(MSBuildProjectName)</c>), for the block's title.</summary>
    public string? ProjectName { get; set; }

    /// <summary>The configuration asked about (<c>$(Configuration)</c>): whether its next build runs at all.</summary>
    public string? Configuration { get; set; }

    /// <summary>The project's stamp in obj/: whether the next build would find nothing changed.</summary>
    [Required] public string StampFile { get; set; } = "";

    public void Cancel() => _cancellation.Cancel();

    public override bool Execute()
    {
        if (!TryReadSettings(out var settings, out var log)) return !Log.HasLoggedErrors;

        var enabled = !string.Equals(settings.Enabled, "false", StringComparison.OrdinalIgnoreCase);
        var request = new StatusRequest(settings, ProjectName ?? "", StampFile, Configuration, settings.Configurations, enabled);
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
