namespace Convex.AuthKit.Build.Vocabulary;

/// <summary>
/// Where a diagnostic points (docs/architecture.md#output): the file the problem is in, with its 1-based line and column
/// when known (0 when not). Visual Studio's Error List and the console logger's <c>file(line,column):</c> prefix use it.
/// </summary>
internal sealed record DiagnosticLocation(string File, int Line = 0, int Column = 0)
{
    /// <summary>The location of an offset in a text: lines break at LF, CRLF and CR; the column counts characters.</summary>
    public static DiagnosticLocation At(string file, string text, int offset)
    {
        var (line, column) = (1, 1);
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            var lineBreak = text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'));
            (line, column) = lineBreak ? (line + 1, 1) : (line, text[i] == '\r' ? column : column + 1);
        }
        return new DiagnosticLocation(file, line, column);
    }
}
