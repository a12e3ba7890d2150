using System.Diagnostics;

namespace Convex.AuthKit.Build.Selection;

/// <summary>
/// The deploy key of the build environment: none, a classified <see cref="DeployKey"/>, or an error the CLI
/// would crash with. <see cref="ErrorMessage"/> never contains the key.
/// </summary>
/// <param name="VariableName"><c>CONVEX_DEPLOY_KEY</c> or <c>CONVEX_DEPLOYMENT_TOKEN</c>, whichever held the value; null when not set.</param>
/// <param name="ErrorMessage">Set when the value cannot be used: the <c>&lt;missing_deploy_key:TEXT&gt;</c> sentinel's TEXT, or the legacy-key message.</param>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed record DeployKeyRead(string? VariableName, DeployKey? Key, string? ErrorMessage)
{
    public static readonly DeployKeyRead NotSet = new(null, null, null);

    public static DeployKeyRead Of(DeployKey key) => new(key.VariableName, key, null);

    public static DeployKeyRead Error(string variableName, string message) => new(variableName, null, message);

    public override string ToString() =>
        Key?.ToString() ?? (ErrorMessage != null ? $"{VariableName}: {ErrorMessage}" : "no deploy key");
}
