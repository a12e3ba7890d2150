namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// One assignment dotenv reads from a file, with where it sits in the ORIGINAL text (before dotenv's CR/LF
/// normalisation), so that an editor can replace exactly this assignment and keep every other byte.
/// </summary>
/// <param name="Value">The value as dotenv reads it (quotes removed, escapes expanded, trimmed). May be a secret.</param>
/// <param name="KeyStart">Offset of the key's first character (after any indentation and <c>export </c>).</param>
/// <param name="ValueLineEnd">
/// Offset just past the last character of the line on which the value ends, before that line's terminator
/// (<c>\n</c>, <c>\r\n</c>, <c>\r</c>, U+2028, U+2029) or at the end of the text. Includes any trailing comment.
/// </param>
internal sealed record DotEnvAssignment(string Key, string Value, int KeyStart, int ValueLineEnd)
{
    // The value may be a secret.
    public override string ToString() => $"{Key} at {KeyStart}..{ValueLineEnd}";
}
