namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// The Convex app's record of what the build last wrote (docs/architecture.md#lines-the-build-wrote), beside the app's shared
/// stamp: one line per place, <c>place-hash value-hash</c>. Hashes only, never a value; a missing or unreadable file
/// is no record.
/// </summary>
internal static class BuildWritesFile
{
    public static string PathFor(string appDirectory) => AppLock.StampPathFor(appDirectory) + ".writes";

    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            return hashes;
        }
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            if (parts.Length == 2) hashes[parts[0]] = parts[1];
        }
        return hashes;
    }

    public static void Write(string path, IReadOnlyDictionary<string, string> hashes, CancellationToken cancellationToken) =>
        StateFiles.WriteIfDifferent(path, string.Concat(hashes.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + " " + e.Value + "\n")), cancellationToken);
}
