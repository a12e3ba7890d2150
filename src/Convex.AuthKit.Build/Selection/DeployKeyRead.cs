using System.Diagnostics;

namespace Convex.AuthKit.Build.Selection;

/// <summary>
/// The deploy key of the build environment: none, a classified <see cref="DeployKey"/>, or an error the CLI
/// would crash with. <see cref="ErrorMessage"/> never contains the key.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class DeployKeyRead
{
    public static readonly DeployKeyRead NotSet = new DeployKeyRead(null, null, null);

    private DeployKeyRead(string? variableName, DeployKey? key, string? errorMessage)
    {
        VariableName = variableName;
        Key = key;
        ErrorMessage = errorMessage;
    }

    /// <summary><c>CONVEX_DEPLOY_KEY</c> or <c>CONVEX_DEPLOYMENT_TOKEN</c>, whichever held the value; null when not set.</summary>
    public string? VariableName { get; }

    public DeployKey? Key { get; }

    /// <summary>Set when the value cannot be used: the <c>&lt;missing_deploy_key:TEXT&gt;</c> sentinel's TEXT, or the legacy-key message.</summary>
    public string? ErrorMessage { get; }

    public bool IsSet => Key != null || ErrorMessage != null;

    internal static DeployKeyRead Of(DeployKey key) => new DeployKeyRead(key.VariableName, key, null);

    internal static DeployKeyRead Error(string variableName, string message) => new DeployKeyRead(variableName, null, message);

    public override string ToString() =>
        Key?.ToString() ?? (ErrorMessage != null ? $"{VariableName}: {ErrorMessage}" : "no deploy key");
}
