namespace Convex.AuthKit.Build.FileSystem;

/// <summary>
/// The file operations a safe replace is made of. The package uses <see cref="PhysicalFileOperations"/>; tests put a
/// fault-injecting one in its place to play the failures Windows reports (docs/architecture.md#safety-rules).
/// </summary>
internal interface IFileOperations
{
    bool Exists(string path);

    /// <summary>
    /// Why the file at <paramref name="path"/> must not be replaced, in words ("a named pipe, not a regular file",
    /// "read-only"); null when it is a writable regular file or nothing is there.
    /// </summary>
    string? WhyNotReplaceable(string path);

    /// <summary>Creates <paramref name="path"/>, which must not exist, owner-only on Unix, and flushes it to disk.</summary>
    void WriteNew(string path, byte[] bytes);

    /// <summary>Gives <paramref name="to"/> the Unix permission bits of <paramref name="from"/> (nothing on Windows).</summary>
    void CopyMode(string from, string to);

    /// <summary><see cref="File.Replace(string, string, string)"/>: Windows' ReplaceFile.</summary>
    void Replace(string source, string target, string? backup);

    /// <summary>Renames a file; fails when <paramref name="target"/> exists.</summary>
    void Move(string source, string target);

    /// <summary>Renames a file over an existing one in a single step (.NET only).</summary>
    void MoveOverwrite(string source, string target);

    void Delete(string path);
}
