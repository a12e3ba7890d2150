using System.Text;
using Convex.AuthKit.Build.FileSystem;

namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// Reads an env file and replaces it safely (docs/architecture.md#env-file-edits, docs/architecture.md#safety-rules): only when the content changes, atomically (a temp file
/// beside the target, then a move over it, retried while another process holds the file), keeping the BOM, the Unix
/// permission bits and symlinks; a new file is created owner-only on Unix.
/// </summary>
internal static class DotEnvFile
{
    private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };
    private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The file's text without a UTF-8 BOM, or null when the file (or a symlink's target) does not exist. A file that
    /// is not a regular file (a named pipe a secret manager serves) is never opened: it reads as empty, and the write
    /// that would follow is refused (docs/architecture.md#safety-rules).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not UTF-8, or larger than 16 MiB; it must not be rewritten.</exception>
    public static DotEnvDocument? Read(string path)
    {
        if (path == null) throw new ArgumentNullException(nameof(path));
        if (LocalFile.WhyNotRegular(path) != null) return new DotEnvDocument("", false);
        byte[]? bytes;
        try
        {
            bytes = LocalFile.ReadBounded(path, LocalFile.TextFileLimit);
        }
        catch (UnusableFileException e)
        {
            throw new InvalidDataException($"{path} is {e.What}, so it is left unchanged.", e);
        }
        if (bytes == null) return null;
        var hasBom = StartsWithBom(bytes);
        var offset = hasBom ? Utf8Bom.Length : 0;
        try
        {
            return new DotEnvDocument(StrictUtf8.GetString(bytes, offset, bytes.Length - offset), hasBom);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"{path} is not UTF-8 text, so it is left unchanged.");
        }
    }

    /// <summary>
    /// Writes <paramref name="newTextWithoutBom"/> (with a BOM when <paramref name="original"/> had one) unless the file
    /// already holds exactly that. Returns whether the file was written.
    /// </summary>
    /// <param name="original">What <see cref="Read"/> returned before the edit; null for a missing file.</param>
    /// <param name="cancellationToken">Stops the waits for a file another process holds (<see cref="AtomicReplace"/>).</param>
    /// <exception cref="IOException">The file could not be replaced; it is as it was.</exception>
    public static bool WriteIfChanged(string path, string newTextWithoutBom, DotEnvDocument? original, CancellationToken cancellationToken = default)
    {
        if (path == null) throw new ArgumentNullException(nameof(path));
        if (newTextWithoutBom == null) throw new ArgumentNullException(nameof(newTextWithoutBom));
        var hasBom = original?.HasBom ?? false;
        if (original != null && original.Text == newTextWithoutBom) return false;

        var bytes = Encode(newTextWithoutBom, hasBom);
        var target = LinkTarget.FinalPath(path);
        if (target == null)
        {
            // Only on .NET Framework: a symlink it cannot resolve is written through in place, not atomically.
            if (HasContent(path, bytes)) return false;
            File.WriteAllBytes(path, bytes);
            return true;
        }
        if (HasContent(target, bytes)) return false;
        AtomicReplace.Current.Write(target, bytes, cancellationToken);
        return true;
    }

    private static byte[] Encode(string text, bool withBom)
    {
        var body = StrictUtf8.GetBytes(text);
        if (!withBom) return body;
        var bytes = new byte[Utf8Bom.Length + body.Length];
        Buffer.BlockCopy(Utf8Bom, 0, bytes, 0, Utf8Bom.Length);
        Buffer.BlockCopy(body, 0, bytes, Utf8Bom.Length, body.Length);
        return bytes;
    }

    private static bool HasContent(string path, byte[] bytes)
    {
        if (!LocalFile.IsRegular(path)) return false;
        byte[]? current;
        try
        {
            current = LocalFile.ReadBounded(path, LocalFile.TextFileLimit);
        }
        catch (UnusableFileException)
        {
            return false;
        }
        if (current == null || current.Length != bytes.Length) return false;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (current[i] != bytes[i]) return false;
        }
        return true;
    }

    private static bool StartsWithBom(byte[] bytes) =>
        bytes.Length >= Utf8Bom.Length && bytes[0] == Utf8Bom[0] && bytes[1] == Utf8Bom[1] && bytes[2] == Utf8Bom[2];
}
