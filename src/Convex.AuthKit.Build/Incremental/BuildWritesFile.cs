namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// The Convex app's record of what the build last wrote (docs/architecture.md#lines-the-build-wrote), beside the app's shared
/// stamp: one line per place, <c>place-hash value-hash</c>. Hashes only, never a value; a missing or unreadable file
/// is no record, and so is a build without the app's lock folder (docs/architecture.md#safety-rules): it keeps none.
/// </summary>
internal static class BuildWritesFile
{
    /// <summary>Null when there is no lock folder to keep the record in.</summary>
    public static string? PathFor(string appDirectory) => AppLock.StampPathFor(appDirectory) is { } stamp ? stamp + ".writes" : null;

    public static IReadOnlyDictionary<string, string> Read(string? path)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in StateFiles.ReadLines(path) ?? Array.Empty<string>())
        {
            var parts = line.Split(' ');
            if (parts.Length == 2) hashes[parts[0]] = parts[1];
        }
        return hashes;
    }

    public static void Write(string? path, IReadOnlyDictionary<string, string> hashes, CancellationToken cancellationToken)
    {
        if (path == null) return;
        StateFiles.WriteIfDifferent(path, string.Concat(hashes.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + " " + e.Value + "\n")), cancellationToken);
    }
}
