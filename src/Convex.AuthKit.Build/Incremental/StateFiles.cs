using System.Text;
using Convex.AuthKit.Build.FileSystem;

namespace Convex.AuthKit.Build.Incremental;

/// <summary>The package's own small files in obj/ (inputs, stamp, items): written whole or not at all.</summary>
internal static class StateFiles
{
    public static void WriteAtomically(string path, string text)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        AtomicReplace.Current.Write(path, new UTF8Encoding(false).GetBytes(text));
    }

    /// <summary>Writes only when the text differs, so the file's timestamp means "the inputs changed".</summary>
    public static bool WriteIfDifferent(string path, string text)
    {
        try
        {
            if (File.Exists(path) && File.ReadAllText(path) == text) return false;
        }
        catch (IOException) { }
        WriteAtomically(path, text);
        return true;
    }
}
