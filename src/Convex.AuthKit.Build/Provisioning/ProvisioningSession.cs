using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.FileSystem;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Provisioning;

/// <summary>
/// One run of ConvexAuthKitProvision: find the Convex app, take the app's lock, skip when the stamp says nothing
/// changed, otherwise run the provisioning and, after full success, record the stamp (docs/architecture.md#incremental-rules, docs/architecture.md#safety-rules).
/// </summary>
internal static class ProvisioningSession
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
            if (settings.DryRun) return; // a dry run leaves every file as it was, the stamp included
            RecordState(files, log, () =>
            {
                EnvironmentVariableItems.Write(files.ItemsFile, Array.Empty<KeyValuePair<string, string>>(), cancellationToken);
                RecordSuccess(settings, files, Array.Empty<string>(), Array.Empty<string>(), null, shareWithTheApp: false, cancellationToken);
            });
            return;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            await RunLockedAsync(app.Directory, settings, files, log, budget.Token).ConfigureAwait(false);
        }
        catch (AppLockException e)
        {
            // Not contention: waiting would not help (docs/architecture.md#parallel-builds).
            log.Report(Diagnostics.LockUnusable, e.Message);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is OperationCanceledException || e is TimeoutException))
        {
            if (!settings.DryRun)
            {
                Stamp.Delete(files.StampFile);
                Stamp.Delete(AppLock.StampPathFor(app.Directory));
            }
            log.Report(Diagnostics.TimedOut, $"AuthKit provisioning did not finish within ConvexAuthKitTimeoutSeconds ({settings.TimeoutSeconds} s){(e is TimeoutException ? ": " + e.Message : "")}. Build again, or raise ConvexAuthKitTimeoutSeconds on a slow network.");
        }
    }

    private static async Task RunLockedAsync(string appDirectory, BuildSettings settings, StateFilePaths files, ProvisionLog log, CancellationToken cancellationToken)
    {
        using var appLock = await AppLock.AcquireAsync(appDirectory, TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken).ConfigureAwait(false);
        if (appLock.Path == null)
            log.Normal("no folder of this user's own holds the Convex.AuthKit lock (HOME is unset or read-only, and another user took /tmp's), so this build runs without it. Set XDG_CACHE_HOME to a folder of yours to share it again.");
        if (!settings.DryRun) RemoveLeftovers(appDirectory, settings, files, DateTime.UtcNow, log);

        // Another build may have finished the same work while this one waited for the lock: an inner build of this
        // project (they share the stamp), or another project of the same Convex app (the app's shared stamp).
        if (!settings.Force && !settings.DryRun
            && (IsUpToDate(settings, files, log, cancellationToken) || AdoptedTheAppStamp(appDirectory, settings, files, log, cancellationToken))) return;

        var outcome = await AuthKitProvisioning.RunAsync(appDirectory, settings, log, cancellationToken).ConfigureAwait(false);
        if (settings.DryRun) return;
        RecordState(files, log, () =>
        {
            EnvironmentVariableItems.Write(files.ItemsFile, outcome.EnvironmentVariableItems, cancellationToken);
            if (outcome.Succeeded && !log.HasReportedErrors)
            {
                RecordSuccess(settings, files, outcome.WatchedFiles, outcome.WatchedVariables, appDirectory, shareWithTheApp: true, cancellationToken);
            }
            else
            {
                Stamp.Delete(files.StampFile);
                Stamp.Delete(AppLock.StampPathFor(appDirectory));
            }
        });
    }

    /// <summary>
    /// docs/architecture.md#safety-rules: the temp files a stopped build left beside the env file and the state files,
    /// written before this build took the lock, go (those of a missing env file stay: they may be its only copy).
    /// </summary>
    private static void RemoveLeftovers(string appDirectory, BuildSettings settings, StateFilePaths files, DateTime lockedAtUtc, ProvisionLog log)
    {
        var envFile = settings.EnvFilePath(appDirectory);
        string envFileTarget;
        try
        {
            envFileTarget = LinkTarget.FinalPath(envFile) ?? envFile;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            envFileTarget = envFile; // a broken link: the env-file step reports it
        }
        var cleanup = TempFiles.RemoveLeftovers(
            new[] { envFile, envFileTarget }.Distinct(),
            new[] { files.InputsFile, files.StampFile, files.ItemsFile, files.UpToDateTargetsFile, AppLock.StampPathFor(appDirectory), BuildWritesFile.PathFor(appDirectory) }
                .Where(path => !string.IsNullOrEmpty(path)).OfType<string>(),
            lockedAtUtc);
        if (cleanup.Removed.Count > 0) log.Low($"removed the temp files a stopped build left: {string.Join(", ", cleanup.Removed)}.");
        if (cleanup.Kept.Count > 0)
            log.Report(Diagnostics.LeftoverTempFilesKept,
                $"Kept {string.Join(", ", cleanup.Kept)}: {envFile} does not exist, and they may hold its only copy. Rename one of them to {Path.GetFileName(envFileTarget)}, or delete them.");
    }

    /// <summary>
    /// The state files only save later builds work: one that cannot be written (held by another process after the
    /// retries, a full disk, a read-only obj/) is warning CAK2110, and without the stamp the next build checks again.
    /// </summary>
    private static void RecordState(StateFilePaths files, ProvisionLog log, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            Stamp.Delete(files.StampFile);
            log.Report(Diagnostics.StateFileNotWritten,
                $"Could not write the package's state files in obj/ ({e.Message}), so the next build checks again. If this repeats, close the program that holds the file, or check the folder's permissions and free space.");
        }
    }

    /// <summary>
    /// When the stamp matches and the target ran anyway (a file touched by a checkout or an editor, or the inputs
    /// file rewritten by a parallel inner build), the stamp is rewritten so that it is newer than every input
    /// again, or every later build would find an input newer than it; and the generated file is written again, so
    /// that the next build needs no task.
    /// </summary>
    private static bool IsUpToDate(BuildSettings settings, StateFilePaths files, ProvisionLog log, CancellationToken cancellationToken)
    {
        var stamp = Stamp.Read(files.StampFile);
        if (!StampMatch.Matches(stamp, settings, out var current)) return false;
        log.Low("up to date (the stamp matches every input); nothing to do.");
        RecordState(files, log, () =>
        {
            StateFiles.WriteIfDifferent(files.InputsFile, current!.Fingerprint, cancellationToken);
            stamp!.Write(files.StampFile, cancellationToken);
            UpToDateTargetsFile.Write(files.UpToDateTargetsFile, files.StampFile, current, settings, EnvironmentVariableItems.Read(files.ItemsFile), cancellationToken);
        });
        return true;
    }

    /// <summary>
    /// docs/architecture.md#parallel-builds: the projects of a solution that share one Convex app take turns under its lock; once one of them
    /// has succeeded with the same inputs (files, environment, settings other than the project folder), the next
    /// one has nothing to do and records that success as its own.
    /// </summary>
    private static bool AdoptedTheAppStamp(string appDirectory, BuildSettings settings, StateFilePaths files, ProvisionLog log, CancellationToken cancellationToken)
    {
        var shared = Stamp.Read(AppLock.StampPathFor(appDirectory));
        if (!StampMatch.SharedMatches(shared, settings)) return false;
        log.Low("up to date (another project of this Convex app just succeeded with the same inputs); nothing to do.");
        RecordState(files, log, () =>
        {
            StateFiles.WriteIfDifferent(files.ItemsFile, string.Concat(shared!.ItemLines.Select(line => line + "\n")), cancellationToken);
            RecordSuccess(settings, files, shared!.WatchedFiles, shared.WatchedVariables, appDirectory, shareWithTheApp: false, cancellationToken);
        });
        return true;
    }

    /// <summary>
    /// The stamp's fingerprint is computed exactly as the next build will compute it: with the watched files and
    /// variables this run discovered, and after this run's own writes (the env file is an input). The generated file
    /// follows the stamp, from the same inputs.
    /// </summary>
    private static void RecordSuccess(BuildSettings settings, StateFilePaths files, IEnumerable<string> watchedFiles, IEnumerable<string> watchedVariables,
        string? appDirectory, bool shareWithTheApp, CancellationToken cancellationToken)
    {
        var watching = new Stamp("", watchedFiles, watchedVariables);
        var inputs = InputsFingerprint.Collect(settings, watching);
        StateFiles.WriteIfDifferent(files.InputsFile, inputs.Fingerprint, cancellationToken);
        var appStamp = appDirectory == null ? null : AppLock.StampPathFor(appDirectory);
        if (appStamp != null && shareWithTheApp) ShareWithTheApp(appStamp, inputs, watching, files, cancellationToken);
        new Stamp(inputs.FingerprintWithContents(), watching.WatchedFiles, watching.WatchedVariables).Write(files.StampFile, cancellationToken);
        UpToDateTargetsFile.Write(files.UpToDateTargetsFile, files.StampFile, inputs, settings, EnvironmentVariableItems.Read(files.ItemsFile), cancellationToken);
    }

    /// <summary>Best effort: the shared stamp only saves the app's other projects a check.</summary>
    private static void ShareWithTheApp(string appStamp, CollectedInputs inputs, Stamp watching, StateFilePaths files, CancellationToken cancellationToken)
    {
        try
        {
            new Stamp(inputs.AppFingerprintWithContents(), watching.WatchedFiles, watching.WatchedVariables, StateFiles.ReadLines(files.ItemsFile) ?? Array.Empty<string>()).Write(appStamp, cancellationToken);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            Stamp.Delete(appStamp);
        }
    }
}
