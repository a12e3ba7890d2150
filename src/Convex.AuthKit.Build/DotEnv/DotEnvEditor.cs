using System.Text.RegularExpressions;

namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// The CLI's <c>changedEnvVarFile</c> (docs/protocol.md#env-file-writes) with its defects corrected (docs/architecture.md#env-file-edits, the <c>env_file_edit</c> vectors):
/// the assignment changed is the one dotenv takes the value from, every other byte is kept, appended lines use the
/// file's line ending, and the value is written in the first form dotenv reads back exactly.
/// </summary>
internal static class DotEnvEditor
{
    private static readonly Regex ValidName = new Regex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);
    private static readonly char[] LineEndings = { '\r', '\n' };
    private static readonly char[] LineBreaks = { '\r', '\n', '\u2028', '\u2029' };

    /// <summary>
    /// The new text of the file after setting <paramref name="name"/> to <paramref name="value"/>, or null when
    /// dotenv already reads that value from <paramref name="existingContent"/> (null content: the file is missing).
    /// </summary>
    /// <param name="commentOnPreviousLine">A whole line (e.g. <c># See ...</c>) put before an appended assignment.</param>
    /// <param name="alsoReadsBack">
    /// Another reader the new text must satisfy too (docs/architecture.md#env-file-edits: the front ends' readers); a form it rejects is skipped.
    /// </param>
    /// <exception cref="DotEnvValueException">No form of the value reads back exactly.</exception>
    public static string? Change(string? existingContent, string name, string value, string? commentOnPreviousLine = null,
        Func<string, bool>? alsoReadsBack = null)
    {
        if (name == null) throw new ArgumentNullException(nameof(name));
        if (value == null) throw new ArgumentNullException(nameof(value));
        if (!ValidName.IsMatch(name)) throw new ArgumentException($"'{name}' is not a name dotenv can read (letters, digits, '_', '.', '-').", nameof(name));
        if (commentOnPreviousLine != null && commentOnPreviousLine.IndexOfAny(LineBreaks) >= 0)
            throw new ArgumentException("A comment must be a single line.", nameof(commentOnPreviousLine));

        var assignments = existingContent == null ? new List<DotEnvAssignment>() : DotEnvParser.ParseAssignments(existingContent);
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in assignments) current[assignment.Key] = assignment.Value;
        if (existingContent != null && current.TryGetValue(name, out var existingValue) && existingValue == value) return null;

        var wanted = new Dictionary<string, string>(current, StringComparer.Ordinal) { [name] = value };
        var target = assignments.LastOrDefault(a => a.Key == name);
        foreach (var form in DotEnvValueForms.Candidates(value))
        {
            var line = name + "=" + form;
            var text = existingContent == null ? NewFile(line, commentOnPreviousLine)
                : target == null ? Append(existingContent, line, commentOnPreviousLine)
                : existingContent.Substring(0, target.KeyStart) + line + existingContent.Substring(target.ValueLineEnd);
            if (ReadsAs(text, wanted) && (alsoReadsBack == null || alsoReadsBack(text))) return text;
        }
        throw new DotEnvValueException();
    }

    private static string NewFile(string line, string? commentOnPreviousLine) =>
        (commentOnPreviousLine == null ? string.Empty : commentOnPreviousLine + "\n") + line + "\n";

    /// <summary>One blank line, the optional comment line, then the assignment, all ending with the file's line ending.</summary>
    private static string Append(string content, string line, string? commentOnPreviousLine)
    {
        var eol = FirstLineEnding(content);
        var endsWithLineBreak = content.EndsWith("\n", StringComparison.Ordinal) || content.EndsWith("\r", StringComparison.Ordinal);
        return content + (endsWithLineBreak ? eol : eol + eol)
            + (commentOnPreviousLine == null ? string.Empty : commentOnPreviousLine + eol)
            + line + eol;
    }

    /// <summary>CRLF, a lone CR (old Mac files; dotenv reads it as a line break too) or LF, as the file's first line ends.</summary>
    private static string FirstLineEnding(string content)
    {
        var first = content.IndexOfAny(LineEndings);
        if (first < 0 || content[first] == '\n') return "\n";
        return first + 1 < content.Length && content[first + 1] == '\n' ? "\r\n" : "\r";
    }

    private static bool ReadsAs(string text, Dictionary<string, string> wanted)
    {
        var parsed = DotEnvParser.Parse(text);
        return parsed.Count == wanted.Count && wanted.All(pair => parsed.TryGetValue(pair.Key, out var read) && read == pair.Value);
    }
}
