namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// The literal forms a value may be written in after <c>NAME=</c>, in the order they are tried (docs/protocol.md#value-formatting):
/// as is; <c>'...'</c>; <c>"..."</c> with newline and CR written as <c>\n</c> and <c>\r</c>; <c>`...`</c>.
/// Each form is offered only for values it can enclose; <see cref="DotEnvEditor"/> still checks that dotenv reads it back.
/// </summary>
internal static class DotEnvValueForms
{
    public static IEnumerable<string> Candidates(string value)
    {
        yield return value;
        if (value.IndexOf('\'') < 0 && value.IndexOf('\n') < 0 && value.IndexOf('\r') < 0) yield return "'" + value + "'";
        if (value.IndexOf('"') < 0) yield return "\"" + value.Replace("\n", "\\n").Replace("\r", "\\r") + "\"";
        if (value.IndexOf('`') < 0) yield return "`" + value + "`";
    }
}
