using System.Threading;
using System;
using Convex.AuthKit.Build.Provisioning;
using Convex.AuthKit.Build.Status;
using Microsoft.Build.Framework;

namespace Convex.AuthKit.Build
{
    /// <summary>
    /// ConvexAuthKitStatus's task: prints one block telling the AuthKit state of the project and what the next build
    /// would do. Reads only; runs in any configuration. Fails only on a real error (e.g. an invalid convex.json).
    /// </summary>
    public sealed class ConvexAuthKitStatusTask : ConvexAuthKitTaskBase, ICancelableTask
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

        public string? ProjectName { get; set; }
        public string? Configuration { get; set; }

        /// <summary>ConvexAuthKitConfigurations, to tell whether the next build of this configuration runs at all.</summary>
        public string? Configurations { get; set; }

        /// <summary>ConvexAuthKitEnabled as written (anything but "false" counts as enabled, as in the .targets).</summary>
        public string? Enabled { get; set; }

        public bool Force { get; set; }
        [Required] public string StampFile { get; set; } = "";

        public void Cancel() => _cancellation.Cancel();

        public override bool Execute()
        {
            var settings = CreateSettings();
            settings.Force = Force;
            var enabled = !string.Equals(Enabled?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
            var request = new StatusRequest(settings, ProjectName ?? "", StampFile, Configuration, Configurations, enabled);
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
                new ProvisionLog(new MSBuildLogSink(Log), settings.FailOnError).Report(Diagnostics.Unexpected, FailureTranslation.UnexpectedMessage(e));
            }
            return !Log.HasLoggedErrors;
        }
    }
}
