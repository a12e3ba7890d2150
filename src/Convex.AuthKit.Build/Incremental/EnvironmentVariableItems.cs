using System.Text;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// The non-secret env-file entries, as NAME=VALUE lines in obj/: what the tasks report as ConvexAuthKitEnvironmentVariable
/// items on every build, stamp hit or not (docs/architecture.md#output). A secret is never written, nor read back.
/// </summary>
internal static class EnvironmentVariableItems
{
    private static readonly char[] LineEndings = { '\r', '\n' };

    public static void Write(string path, IEnumerable<KeyValuePair<string, string>> entries, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        foreach (var entry in entries.Where(IsItem))
            text.Append(entry.Key).Append('=').Append(entry.Value).Append('\n');
        StateFiles.WriteIfDifferent(path, text.ToString(), cancellationToken);
    }

    /// <summary>The entries last written; none when the file does not exist or cannot be read.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string path)
    {
        var lines = StateFiles.ReadLines(path);
        if (lines == null) return Array.Empty<KeyValuePair<string, string>>();
        // A plain loop: this runs on every build, where each generic instantiation compiled costs time.
        var entries = new List<KeyValuePair<string, string>>(lines.Length);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=');
            if (equals <= 0) continue;
            var entry = new KeyValuePair<string, string>(line.Substring(0, equals), line.Substring(equals + 1));
            if (IsItem(entry)) entries.Add(entry);
        }
        return entries;
    }

    private static bool IsItem(KeyValuePair<string, string> entry) =>
        !SecretNames.LooksSecret(entry.Key) && entry.Value.IndexOfAny(LineEndings) < 0;
}
