using System.Security.Cryptography;
using System.Text;
using Convex.AuthKit.Build.FileSystem;

namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// Written after a fully successful run (docs/architecture.md#incremental-rules): the fingerprint of every input, plus the extra files and
/// environment variables the run found it depends on (the token file it used, localEnvVars names, buildEnv names),
/// so the cheap inputs task can watch them on later builds. Holds hashes only, never a secret value. The Convex
/// app's shared stamp (in the user's lock folder, beside the app's lock) also holds the non-secret item lines, for the next
/// project of the same app.
/// </summary>
internal sealed class Stamp
{
    private const string Header = "# Convex.AuthKit.Build stamp: hashes of the inputs of the last successful run. Safe to delete.";

    public Stamp(string fingerprint, IEnumerable<string> watchedFiles, IEnumerable<string> watchedVariables,
        IEnumerable<string>? itemLines = null)
    {
        Fingerprint = fingerprint;
        WatchedFiles = SortedDistinct(watchedFiles);
        WatchedVariables = SortedDistinct(watchedVariables);
        ItemLines = new List<string>(itemLines ?? Array.Empty<string>());
    }

    // Read on every build: a sort and a loop, not LINQ, whose lambdas would be compiled on each one.
    private static List<string> SortedDistinct(IEnumerable<string> values)
    {
        var list = new List<string>(values);
        list.Sort(StringComparer.Ordinal);
        var kept = 0;
        for (var i = 0; i < list.Count; i++)
            if (kept == 0 || !string.Equals(list[kept - 1], list[i], StringComparison.Ordinal)) list[kept++] = list[i];
        list.RemoveRange(kept, list.Count - kept);
        return list;
    }

    public string Fingerprint { get; }
    public IReadOnlyList<string> WatchedFiles { get; }
    public IReadOnlyList<string> WatchedVariables { get; }

    /// <summary>The items file's lines (NAME=VALUE, non-secret), in the Convex app's shared stamp.</summary>
    public IReadOnlyList<string> ItemLines { get; }

    /// <summary>The stamp; null when there is none, or none of the user's own (<paramref name="path"/> null).</summary>
    public static Stamp? Read(string? path)
    {
        var lines = StateFiles.ReadLines(path);
        if (lines == null) return null;
        string? fingerprint = null;
        var files = new List<string>();
        var variables = new List<string>();
        var items = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("fingerprint=", StringComparison.Ordinal)) fingerprint = line.Substring("fingerprint=".Length);
            else if (line.StartsWith("file=", StringComparison.Ordinal)) files.Add(line.Substring("file=".Length));
            else if (line.StartsWith("env=", StringComparison.Ordinal)) variables.Add(line.Substring("env=".Length));
            else if (line.StartsWith("item=", StringComparison.Ordinal)) items.Add(line.Substring("item=".Length));
        }
        return fingerprint == null ? null : new Stamp(fingerprint, files, variables, items);
    }

    public void Write(string path, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder().AppendLine(Header).Append("fingerprint=").AppendLine(Fingerprint);
        foreach (var f in WatchedFiles) text.Append("file=").AppendLine(f);
        foreach (var v in WatchedVariables) text.Append("env=").AppendLine(v);
        foreach (var item in ItemLines) text.Append("item=").AppendLine(item);
        StateFiles.WriteAtomically(path, text.ToString(), cancellationToken);
    }

    /// <summary>Removes a stamp; a path that is not a regular file is left alone (docs/architecture.md#safety-rules).</summary>
    public static void Delete(string? path)
    {
        if (path == null || !LocalFile.IsRegular(path)) return;
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public static string Hash(string text)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        const string Hex = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = Hex[bytes[i] >> 4];
            chars[2 * i + 1] = Hex[bytes[i] & 0xF];
        }
        return new string(chars);
    }
}
