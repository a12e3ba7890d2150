namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// One assignment dotenv reads from a file, with where it sits in the ORIGINAL text (before dotenv's CR/LF
/// normalisation), so that an editor can replace exactly this assignment and keep every other byte.
/// </summary>
public sealed class DotEnvAssignment
{
    public DotEnvAssignment(string key, string value, int keyStart, int valueLineEnd)
    {
        Key = key;
        Value = value;
        KeyStart = keyStart;
        ValueLineEnd = valueLineEnd;
    }

    public string Key { get; }

    /// <summary>The value as dotenv reads it (quotes removed, escapes expanded, trimmed).</summary>
    public string Value { get; }

    /// <summary>Offset of the key's first character (after any indentation and <c>export </c>).</summary>
    public int KeyStart { get; }

    /// <summary>
    /// Offset just past the last character of the line on which the value ends, before that line's terminator
    /// (<c>\n</c>, <c>\r\n</c>, <c>\r</c>, U+2028, U+2029) or at the end of the text. Includes any trailing comment.
    /// </summary>
    public int ValueLineEnd { get; }

    /// <summary>Length of the text from the key to <see cref="ValueLineEnd"/>.</summary>
    public int Length => ValueLineEnd - KeyStart;

    public override string ToString() => $"{Key} at {KeyStart}..{ValueLineEnd}";
}
