namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// Whether the provisioning target may be skipped: the decision MSBuild's Inputs/Outputs would make, made by the
/// inputs task itself, so that an unchanged project costs one task and no up-to-date check of MSBuild's
/// (docs/architecture.md#incremental-rules). The stamp of the last fully successful run must exist, and no input may
/// be newer than it or missing.
/// </summary>
internal static class UpToDateCheck
{
    /// <param name="stampFile">The stamp of the last fully successful run.</param>
    /// <param name="inputs">The files whose change re-runs the target: the input files that exist, the inputs file and the task assembly.</param>
    /// <returns>Why the target must run, or null when nothing changed since the stamp was written.</returns>
    public static string? WhyOutOfDate(string stampFile, IEnumerable<string> inputs)
    {
        var stamp = new FileInfo(stampFile);
        if (!stamp.Exists) return "no run has fully succeeded since the last change or Clean (there is no stamp)";
        var stampTime = stamp.LastWriteTimeUtc;
        foreach (var input in inputs)
        {
            var file = new FileInfo(input);
            if (!file.Exists) return input + " no longer exists";
            // As MSBuild: newer only, so a file written in the same tick as the stamp counts as seen by that run.
            if (file.LastWriteTimeUtc > stampTime) return input + " is newer than the stamp";
        }
        return null;
    }
}
