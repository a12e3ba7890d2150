using System.Threading;
using System;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Provisioning;
using Microsoft.Build.Framework;

namespace Convex.AuthKit.Build
{
    /// <summary>
    /// ConvexAuthKitProvision's task: a thin adapter. Properties in, log out; the flow is plain C# in Provisioning/.
    /// Cancellable (Ctrl+C stops in-flight calls and leaves the env file as it was).
    /// </summary>
    public sealed class ProvisionAuthKitTask : ConvexAuthKitTaskBase, ICancelableTask
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

        public bool DryRun { get; set; }
        public bool Force { get; set; }
        [Required] public string InputsFile { get; set; } = "";
        [Required] public string StampFile { get; set; } = "";
        [Required] public string ItemsFile { get; set; } = "";

        public void Cancel() => _cancellation.Cancel();

        public override bool Execute()
        {
            var settings = CreateSettings();
            settings.DryRun = DryRun;
            settings.Force = Force;
            var log = new ProvisionLog(new MSBuildLogSink(Log), settings.FailOnError);
            var files = new StateFilePaths(InputsFile, StampFile, ItemsFile);
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
            return !Log.HasLoggedErrors;
        }
    }
}
