using System.Text;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Fills in <c>${authEnv.*}</c> and <c>${buildEnv.*}</c> in AuthKit configuration strings (docs/protocol.md#templates): every match of
/// <c>\$\{([^}]+)\}</c>, no trimming, no escapes, replacement values taken literally.
/// </summary>
internal static class TemplateResolver
{
    private const string AuthEnvPrefix = "authEnv.";
    private const string BuildEnvPrefix = "buildEnv.";

    /// <param name="buildEnv">The build environment: a name → its value, or null when unset (empty counts as unset).</param>
    /// <exception cref="TemplateException">An expression is unknown or its value is missing.</exception>
    public static string Resolve(string template, WorkOSCredentials? provisioned, Func<string, string?> buildEnv)
    {
        if (template == null) throw new ArgumentNullException(nameof(template));
        if (buildEnv == null) throw new ArgumentNullException(nameof(buildEnv));
        var result = new StringBuilder(template.Length);
        var copied = 0;
        foreach (var (start, end, expression) in Expressions(template))
        {
            result.Append(template, copied, start - copied);
            result.Append(Evaluate(expression, provisioned, buildEnv));
            copied = end;
        }
        result.Append(template, copied, template.Length - copied);
        return result.ToString();
    }

    /// <summary>The distinct <c>X</c> of every <c>${buildEnv.X}</c>, in order of first use.</summary>
    public static IEnumerable<string> BuildEnvNames(string template)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, _, expression) in Expressions(template))
        {
            if (!expression.StartsWith(BuildEnvPrefix, StringComparison.Ordinal)) continue;
            var name = expression.Substring(BuildEnvPrefix.Length);
            if (seen.Add(name)) yield return name;
        }
    }

    /// <summary>The matches of <c>\$\{([^}]+)\}</c>: start, end (exclusive), and the text inside the braces.</summary>
    private static IEnumerable<(int Start, int End, string Expression)> Expressions(string template)
    {
        var i = 0;
        while (true)
        {
            var start = template.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0) yield break;
            var close = template.IndexOf('}', start + 2);
            if (close < 0) yield break; // no later `${` can close either
            if (close == start + 2)
            {
                i = start + 1; // `${}` is literal text
                continue;
            }
            yield return (start, close + 1, template.Substring(start + 2, close - start - 2));
            i = close + 1;
        }
    }

    private static string Evaluate(string expression, WorkOSCredentials? provisioned, Func<string, string?> buildEnv)
    {
        switch (expression)
        {
            case AuthEnvPrefix + "WORKOS_CLIENT_ID": return Provisioned(expression, "WORKOS_CLIENT_ID", provisioned?.ClientId);
            case AuthEnvPrefix + "WORKOS_API_KEY": return Provisioned(expression, "WORKOS_API_KEY", provisioned?.ApiKey);
            case AuthEnvPrefix + "WORKOS_ENVIRONMENT_ID": return Provisioned(expression, "WORKOS_ENVIRONMENT_ID", provisioned?.EnvironmentId);
        }
        if (expression.StartsWith(BuildEnvPrefix, StringComparison.Ordinal))
        {
            var name = expression.Substring(BuildEnvPrefix.Length);
            var value = buildEnv(name);
            if (string.IsNullOrEmpty(value))
                throw new TemplateException($"Cannot resolve template ${{{expression}}}: Environment variable {name} is not set.");
            return value!;
        }
        throw new TemplateException(
            $"Unknown template expression: ${{{expression}}}. Use ${{buildEnv.VAR_NAME}} for environment variables or ${{authEnv.WORKOS_CLIENT_ID/WORKOS_API_KEY}} for provisioned values.");
    }

    private static string Provisioned(string expression, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
            throw new TemplateException($"Cannot resolve template ${{{expression}}}: {name} not available. Ensure WorkOS environment is provisioned.");
        return value!;
    }
}
