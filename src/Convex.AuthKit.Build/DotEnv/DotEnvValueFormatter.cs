namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// The CLI's <c>formatEnvValueForDotfile</c> (docs/protocol.md#value-formatting), corrected: its text is kept when dotenv reads it back as
/// the value; otherwise the first form of <see cref="DotEnvValueForms"/> that does, without a warning.
/// </summary>
internal static class DotEnvValueFormatter
{
    internal const string HashWarning =
        "includes a '#' which may be interpreted as a comment if you save this value to a .env file, resulting in only reading a partial value.";
    internal const string QuotesAndNewlinesWarning =
        "includes single quotes, newlines and \"\\n\" in the value. If you save this value to a .env file, it may not round-trip.";
    internal const string CarriageReturnWarning =
        "includes carriage return (\\r) which cannot be preserved in .env files (dotenv limitation)";

    public static DotEnvFormatResult Format(string value)
    {
        if (value == null) throw new ArgumentNullException(nameof(value));
        var reference = ReferenceFormat(value, out var warning);
        if (DotEnvValueForms.ReadsBackAs(reference, value)) return DotEnvFormatResult.Success(reference, warning);
        foreach (var candidate in DotEnvValueForms.Candidates(value))
        {
            if (DotEnvValueForms.ReadsBackAs(candidate, value)) return DotEnvFormatResult.Success(candidate, null);
        }
        return DotEnvFormatResult.Failure(DotEnvValueException.CannotBeRepresented);
    }

    /// <summary>The reference implementation's text and warning, defects included.</summary>
    private static string ReferenceFormat(string value, out string? warning)
    {
        warning = null;
        string formatted;
        var hasSingleQuote = value.IndexOf('\'') >= 0;
        var hasDoubleQuote = value.IndexOf('"') >= 0;
        var hasHash = value.IndexOf('#') >= 0;
        var hasLiteralBackslashN = value.IndexOf("\\n", StringComparison.Ordinal) >= 0;
        if (value.IndexOf('\n') >= 0)
        {
            if (!hasSingleQuote)
            {
                formatted = "'" + value + "'";
            }
            else if (!hasLiteralBackslashN)
            {
                formatted = "\"" + value.Replace("\n", "\\n") + "\"";
                if (hasDoubleQuote && hasHash) warning = HashWarning;
            }
            else
            {
                formatted = "'" + value + "'";
                warning = QuotesAndNewlinesWarning;
            }
        }
        else if (NeedsQuotes(value))
        {
            if (hasSingleQuote && !hasDoubleQuote && !hasLiteralBackslashN)
            {
                formatted = "\"" + value + "\"";
            }
            else
            {
                formatted = "'" + value + "'";
                if (hasSingleQuote && hasHash) warning = HashWarning;
            }
        }
        else
        {
            formatted = value;
        }
        if (value.IndexOf('\r') >= 0) warning = warning == null ? CarriageReturnWarning : warning + " It also " + CarriageReturnWarning;
        return formatted;
    }

    private static bool NeedsQuotes(string value) =>
        (value.Length > 0 && value[0] == '"' && value[value.Length - 1] == '"') ||
        (value.Length > 0 && value[0] == '\'' && value[value.Length - 1] == '\'') ||
        value.StartsWith("`", StringComparison.Ordinal) ||
        value.EndsWith("`", StringComparison.Ordinal) ||
        value.IndexOf('\f') >= 0 ||
        value.IndexOf('\v') >= 0 ||
        value.IndexOf('#') >= 0;
}
