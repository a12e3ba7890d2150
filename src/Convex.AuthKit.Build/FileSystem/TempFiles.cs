namespace Convex.AuthKit.Build.FileSystem;

/// <summary>What a replace leaves beside its target while it runs, and what a stopped build left there.</summary>
/// <param name="Removed">The leftovers deleted.</param>
/// <param name="Kept">The leftovers of a user's file that does not exist: they may hold its only copy.</param>
internal sealed record LeftoverCleanup(IReadOnlyList<string> Removed, IReadOnlyList<string> Kept);

/// <summary>
/// The temp and backup files of <see cref="AtomicReplace"/>: <c>.&lt;file name&gt;.&lt;12 hex digits&gt;.tmp</c>
/// beside the file they replace, e.g. <c>..env.local.3f9a0c51d2e7.tmp</c>. A build killed between writing one and
/// moving it leaves it behind, with the target's mode and possibly its secrets; the next build removes it
/// (docs/architecture.md#safety-rules).
/// </summary>
internal static class TempFiles
{
    private const int HexDigits = 12;
    private const string Suffix = ".tmp";

    public static string NewPathBeside(string target)
    {
        var directory = Path.GetDirectoryName(target) ?? throw new ArgumentException("The path has no directory.", nameof(target));
        return Path.Combine(directory, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, HexDigits) + Suffix);
    }

    /// <summary>Whether <paramref name="fileName"/> is named as a temp file of the file named <paramref name="targetFileName"/>.</summary>
    public static bool IsTempFileOf(string fileName, string targetFileName)
    {
        var prefix = "." + targetFileName + ".";
        if (fileName.Length != prefix.Length + HexDigits + Suffix.Length) return false;
        if (!fileName.StartsWith(prefix, StringComparison.Ordinal) || !fileName.EndsWith(Suffix, StringComparison.Ordinal)) return false;
        for (var i = prefix.Length; i < prefix.Length + HexDigits; i++)
        {
            var c = fileName[i];
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    /// <summary>
    /// Deletes the temp files of these targets last written before <paramref name="writtenBeforeUtc"/> (the moment
    /// this build took the lock: anything older belongs to a build that stopped). Those of a user's file that does
    /// not exist are kept, since they may hold its only copy. Never throws for a file it cannot list or delete.
    /// </summary>
    public static LeftoverCleanup RemoveLeftovers(IEnumerable<string> userFiles, IEnumerable<string> stateFiles, DateTime writtenBeforeUtc)
    {
        var removed = new List<string>();
        var kept = new List<string>();
        foreach (var (target, isUserFile) in userFiles.Select(f => (f, true)).Concat(stateFiles.Select(f => (f, false))))
        {
            var leftovers = Leftovers(target, writtenBeforeUtc);
            if (leftovers.Count == 0) continue;
            if (isUserFile && !File.Exists(target))
            {
                kept.AddRange(leftovers);
                continue;
            }
            foreach (var leftover in leftovers)
            {
                if (TryDelete(leftover)) removed.Add(leftover);
            }
        }
        return new LeftoverCleanup(removed.Distinct().ToList(), kept.Distinct().ToList());
    }

    private static List<string> Leftovers(string target, DateTime writtenBeforeUtc)
    {
        var directory = Path.GetDirectoryName(target);
        var name = Path.GetFileName(target);
        if (string.IsNullOrEmpty(directory) || string.IsNullOrEmpty(name)) return new List<string>();
        try
        {
            return Directory.EnumerateFiles(directory, "." + name + ".*" + Suffix)
                .Where(path => IsTempFileOf(Path.GetFileName(path), name) && LocalFile.IsRegular(path) && File.GetLastWriteTimeUtc(path) < writtenBeforeUtc)
                .ToList();
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
        {
            return new List<string>();
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            return false;
        }
    }
}
