using System.Text;
using Convex.AuthKit.Build.FileSystem;

namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// The package's own small files (inputs, stamp, items, the shared stamp's path, the shared stamp): written whole or
/// not at all, retried while another process holds them (<see cref="AtomicReplace"/>). One that is not a regular file,
/// or too large, reads as absent (the build checks again) and is never replaced (docs/architecture.md#safety-rules).
/// </summary>
internal static class StateFiles
{
    private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

    /// <summary>The file's text; null when it is missing, unreadable, not a regular file or larger than the cap.</summary>
    public static string? ReadText(string? path)
    {
        if (path == null) return null;
        try
        {
            var bytes = LocalFile.ReadBounded(path, LocalFile.TextFileLimit);
            return bytes == null ? null : Utf8.GetString(bytes);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The file's lines, as <see cref="File.ReadAllLines(string)"/> splits them; null as for <see cref="ReadText"/>.</summary>
    public static string[]? ReadLines(string? path)
    {
        var text = ReadText(path);
        if (text == null) return null;
        var lines = new List<string>();
        using var reader = new StringReader(text);
        for (var line = reader.ReadLine(); line != null; line = reader.ReadLine()) lines.Add(line);
        return lines.ToArray();
    }

    public static void WriteAtomically(string path, string text, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        AtomicReplace.Current.Write(path, Utf8.GetBytes(text), cancellationToken);
    }

    /// <summary>Writes only when the text differs, so the file's timestamp means "the inputs changed".</summary>
    public static bool WriteIfDifferent(string path, string text, CancellationToken cancellationToken = default)
    {
        if (ReadText(path) == text) return false;
        WriteAtomically(path, text, cancellationToken);
        return true;
    }
}
