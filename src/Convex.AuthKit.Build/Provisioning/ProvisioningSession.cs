using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Convex.AuthKit.Build.Provisioning
{
    /// <summary>
    /// One run of ConvexAuthKitProvision: find the Convex app, take the app's lock, skip when the stamp says nothing
    /// changed, otherwise run the provisioning and, after full success, record the stamp (DESIGN §5, §6).
    /// </summary>
    public static class ProvisioningSession
    {
        public static async Task RunAsync(BuildSettings settings, StateFilePaths files, ProvisionLog log, CancellationToken cancellationToken)
        {
            var inputs = InputsFingerprint.Collect(settings, Stamp.Read(files.StampFile));
            var app = inputs.Location;
            if (app.MissingExplicitDirectory != null)
            {
                log.Report(Diagnostics.MissingConvexProjectDirectory,
                    $"ConvexProjectDirectory is '{settings.ConvexProjectDirectory}', but {app.MissingExplicitDirectory} does not exist. Point it at the folder that holds convex.json (or remove it to let the package look for the Convex app).");
                return;
            }
            if (app.Directory == null)
            {
                log.Low($"no Convex app found for this project (no convex.json or convex/ folder in the project, SpaRoot, ClientApp/ or a parent folder up to the repository root); nothing to do.");
                EnvironmentVariableItems.Write(files.ItemsFile, Array.Empty<KeyValuePair<string, string>>());
                RecordSuccess(settings, files, null);
                return;
            }

            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            try
            {
                await RunLockedAsync(app.Directory, settings, files, log, budget.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is OperationCanceledException || e is TimeoutException))
            {
                Stamp.Delete(files.StampFile);
                log.Report(Diagnostics.TimedOut, $"AuthKit provisioning did not finish within ConvexAuthKitTimeoutSeconds ({settings.TimeoutSeconds} s){(e is TimeoutException ? ": " + e.Message : "")}. Build again, or raise ConvexAuthKitTimeoutSeconds on a slow network.");
            }
        }

        private static async Task RunLockedAsync(string appDirectory, BuildSettings settings, StateFilePaths files, ProvisionLog log, CancellationToken cancellationToken)
        {
            using var appLock = await AppLock.AcquireAsync(appDirectory, TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken).ConfigureAwait(false);

            // Another build may have finished the same work while this one waited for the lock.
            var stamp = Stamp.Read(files.StampFile);
            var current = stamp == null ? null : InputsFingerprint.Collect(settings, stamp);
            if (!settings.Force && !settings.DryRun && stamp != null && stamp.Fingerprint == current!.FingerprintWithContents())
            {
                log.Low("up to date (the stamp matches every input); nothing to do.");
                Refresh(stamp, current, files);
                return;
            }

            var outcome = await AuthKitProvisioning.RunAsync(appDirectory, settings, log, cancellationToken).ConfigureAwait(false);
            if (settings.DryRun) return;
            EnvironmentVariableItems.Write(files.ItemsFile, outcome.EnvironmentVariableItems);
            if (outcome.Succeeded && !log.HasReportedErrors) RecordSuccess(settings, files, outcome);
            else Stamp.Delete(files.StampFile);
        }

        /// <summary>
        /// The target ran although nothing changed in content (a file touched by a checkout or an editor, or the
        /// inputs file rewritten by a parallel inner build): rewrite the stamp so that it is newer than every input
        /// again, or Inputs/Outputs would run the target on every later build.
        /// </summary>
        private static void Refresh(Stamp stamp, CollectedInputs current, StateFilePaths files)
        {
            StateFiles.WriteIfDifferent(files.InputsFile, current.Fingerprint + "\n");
            stamp.Write(files.StampFile);
        }

        /// <summary>
        /// The stamp's fingerprint is computed exactly as the next build will compute it: with the watched files and
        /// variables this run discovered, and after this run's own writes (the env file is an input).
        /// </summary>
        private static void RecordSuccess(BuildSettings settings, StateFilePaths files, ProvisioningOutcome? outcome)
        {
            var watching = new Stamp("", outcome?.WatchedFiles ?? Array.Empty<string>(), outcome?.WatchedVariables ?? Array.Empty<string>());
            var inputs = InputsFingerprint.Collect(settings, watching);
            StateFiles.WriteIfDifferent(files.InputsFile, inputs.Fingerprint + "\n");
            new Stamp(inputs.FingerprintWithContents(), watching.WatchedFiles, watching.WatchedVariables).Write(files.StampFile);
        }
    }
}
