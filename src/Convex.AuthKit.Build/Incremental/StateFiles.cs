using System.Text;
using Convex.AuthKit.Build.FileSystem;

namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// The package's own small files (inputs, stamp, items, the shared stamp's path, the shared stamp): written whole or
/// not at all, retried while another process holds them (<see cref="AtomicReplace"/>).
/// </summary>
internal static class StateFiles
{
    public static void WriteAtomically(string path, string text, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        AtomicReplace.Current.Write(path, new UTF8Encoding(false).GetBytes(text), cancellationToken);
    }

    /// <summary>Writes only when the text differs, so the file's timestamp means "the inputs changed".</summary>
    public static bool WriteIfDifferent(string path, string text, CancellationToken cancellationToken = default)
    {
        try
        {
            if (File.Exists(path) && File.ReadAllText(path) == text) return false;
        }
        catch (IOException) { }
        WriteAtomically(path, text, cancellationToken);
        return true;
    }
}
