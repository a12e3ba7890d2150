using System.Diagnostics;
using System.Text;
using Convex.AuthKit.Build.FileSystem;

namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// One dotenv file as it was when the build read it: its path, whether it exists, and the variables dotenv
/// (16.6.1) reads from it. The values may hold secrets, so <see cref="ToString"/> never shows them.
/// </summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="DisplayName">The path relative to the Convex app directory when inside it (e.g. <c>.env.local</c>), else the full path.</param>
/// <param name="Values">The parsed file (empty when it does not exist), without its placeholders.</param>
/// <param name="Placeholders">
/// docs/architecture.md#placeholders: the non-empty values equal to the same key's value in an example file beside it. They count as absent.
/// </param>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed record BuildEnvironmentFile(
    string Path,
    string DisplayName,
    bool Exists,
    [property: DebuggerBrowsable(DebuggerBrowsableState.Never)] IReadOnlyDictionary<string, string> Values,
    [property: DebuggerBrowsable(DebuggerBrowsableState.Never)] IReadOnlyDictionary<string, EnvFilePlaceholder> Placeholders)
{
    private static readonly IReadOnlyDictionary<string, string> NoValues =
        new Dictionary<string, string>(StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<string, EnvFilePlaceholder> NoPlaceholders =
        new Dictionary<string, EnvFilePlaceholder>(StringComparer.Ordinal);

    /// <summary>Reads and parses <paramref name="fullPath"/>; a missing file is an empty, non-existing snapshot.</summary>
    /// <exception cref="BuildEnvironmentFileException">The file exists but cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is UTF-16 or UTF-32, not UTF-8.</exception>
    public static BuildEnvironmentFile Read(string fullPath, string displayName)
    {
        if (Directory.Exists(fullPath))
            throw new BuildEnvironmentFileException(fullPath, "it is a directory, not a file", null);
        // A named pipe, a device: never opened, so never a hang; it counts as empty, and a write it needs is refused.
        if (LocalFile.WhyNotRegular(fullPath) != null) return FromText(fullPath, displayName, "");
        if (!File.Exists(fullPath)) return new BuildEnvironmentFile(fullPath, displayName, false, NoValues, NoPlaceholders);

        byte[]? bytes;
        try
        {
            bytes = LocalFile.ReadBounded(fullPath, LocalFile.TextFileLimit);
            if (bytes == null) return new BuildEnvironmentFile(fullPath, displayName, false, NoValues, NoPlaceholders);
        }
        catch (UnusableFileException e)
        {
            throw new BuildEnvironmentFileException(fullPath, "it is " + e.What, e);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException)
        {
            throw new BuildEnvironmentFileException(fullPath, e.Message.TrimEnd('.'), e);
        }
        // UTF-16 (or UTF-32) has NUL bytes in every ASCII character: no reader finds a line in it, so it is not UTF-8
        // text, as a Latin-1 file is not, rather than a file that sets nothing.
        if (Array.IndexOf(bytes, (byte)0) >= 0) throw new InvalidDataException($"{fullPath} is not UTF-8 text (UTF-16?), so it is left unchanged.");
        // As Node's readFileSync(path, "utf8"): a BOM stays in the text (dotenv treats it as white space),
        // invalid sequences become U+FFFD.
        return FromText(fullPath, displayName, new UTF8Encoding(false, false).GetString(bytes));
    }

    /// <summary>The file as it would be with <paramref name="text"/> (null: missing), its placeholders set apart.</summary>
    /// <exception cref="BuildEnvironmentFileException">An example file beside it exists but cannot be read.</exception>
    public static BuildEnvironmentFile FromText(string fullPath, string displayName, string? text)
    {
        if (text == null) return new BuildEnvironmentFile(fullPath, displayName, false, NoValues, NoPlaceholders);
        var examples = EnvFileExamples.For(fullPath);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var placeholders = new Dictionary<string, EnvFilePlaceholder>(StringComparer.Ordinal);
        foreach (var pair in DotEnvParser.Parse(text))
        {
            var example = pair.Value.Length > 0 ? examples.ExampleWith(pair.Key, pair.Value) : null;
            if (example != null) placeholders[pair.Key] = new EnvFilePlaceholder(pair.Value, example);
            else values[pair.Key] = pair.Value;
        }
        return new BuildEnvironmentFile(fullPath, displayName, true, values, placeholders) { SkippedExamples = examples.Skipped };
    }

    /// <summary>The example files beside it that exist but could not be read for placeholders (CAK2114).</summary>
    public IReadOnlyList<SkippedExampleFile> SkippedExamples { get; init; } = Array.Empty<SkippedExampleFile>();

    /// <summary>The file as dotenv reads it, its placeholders counted as values.</summary>
    public BuildEnvironmentFile WithPlaceholdersAsValues()
    {
        if (Placeholders.Count == 0) return this;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Values) values[pair.Key] = pair.Value;
        foreach (var pair in Placeholders) values[pair.Key] = pair.Value.Value;
        return this with { Values = values, Placeholders = NoPlaceholders };
    }

    // The values may be secrets.
    public override string ToString() => DisplayName + (Exists ? "" : " (missing)");
}
