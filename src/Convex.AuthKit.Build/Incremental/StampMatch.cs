using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// Whether a stamp records every input as it is now, file contents included: the check the session makes under the
/// lock (docs/architecture.md#incremental-rules), and the status's forecast of it.
/// </summary>
internal static class StampMatch
{
    /// <summary>
    /// What a build decides under the lock, without changing anything: the project's stamp matches every input, or
    /// another project of the same Convex app succeeded with them (docs/architecture.md#parallel-builds).
    /// </summary>
    public static bool NothingToDo(string appDirectory, BuildSettings settings, string stampFile) =>
        Matches(Stamp.Read(stampFile), settings, out _) || SharedMatches(Stamp.Read(AppLock.StampPathFor(appDirectory)), settings);

    /// <param name="current">The inputs as collected now, when there is a stamp.</param>
    public static bool Matches(Stamp? stamp, BuildSettings settings, out CollectedInputs? current)
    {
        current = stamp == null ? null : InputsFingerprint.Collect(settings, stamp);
        return current != null && stamp!.Fingerprint == current.FingerprintWithContents();
    }

    /// <summary>The app's shared stamp records the inputs as every project of the app sees them.</summary>
    public static bool SharedMatches(Stamp? shared, BuildSettings settings) =>
        shared != null && shared.Fingerprint == InputsFingerprint.Collect(settings, shared).AppFingerprintWithContents();
}
