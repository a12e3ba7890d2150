using System.Globalization;
using System.Text.RegularExpressions;

namespace Convex.AuthKit.Build.Config;

/// <summary>The few JavaScript value rules a config read without running it needs: Number(), truthiness, String(), parseInt, parseFloat.</summary>
internal static class JsValues
{
    /// <summary>JavaScript's <c>Number(value)</c>.</summary>
    public static double ToNumber(object? value)
    {
        switch (value)
        {
            case null: return double.NaN;
            case double d: return d;
            case string s:
                var trimmed = s.Trim();
                if (trimmed.Length == 0) return 0;
                if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                    return long.TryParse(trimmed.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : double.NaN;
                return Regex.IsMatch(trimmed, @"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$") ? double.Parse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture) : double.NaN;
            default: return double.NaN;
        }
    }

    /// <summary>
    /// A value as a message shows it: <c>undefined</c>, <c>NaN</c>, a number. A string may come from a variable, so
    /// its text is never shown.
    /// </summary>
    public static string Describe(object? value) => value switch
    {
        null => "undefined",
        double d => double.IsNaN(d) ? "NaN" : ToJsString(d),
        string => "a string that is not a port number",
        _ => "?",
    };

    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        string s => s.Length > 0,
        double d => d != 0 && !double.IsNaN(d),
        _ => true,
    };

    public static string ToJsString(object? value) => value switch
    {
        null => "undefined",
        string s => s,
        double d when double.IsNaN(d) => "NaN",
        double d => d == Math.Floor(d) && Math.Abs(d) < 1e15 ? ((long)d).ToString(CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture),
        _ => "",
    };

    /// <summary>JavaScript's <c>parseInt(text, 10)</c>: leading whitespace and sign, then the longest run of digits.</summary>
    public static double ParseInt(string text)
    {
        var match = Regex.Match(text.TrimStart(), @"^([+-]?)(\d+)");
        if (!match.Success) return double.NaN;
        var value = double.Parse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return match.Groups[1].Value == "-" ? -value : value;
    }

    public static double ParseFloat(string text)
    {
        var match = Regex.Match(text.TrimStart(), @"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?");
        return match.Success ? double.Parse(match.Value, NumberStyles.Float, CultureInfo.InvariantCulture) : double.NaN;
    }
}
