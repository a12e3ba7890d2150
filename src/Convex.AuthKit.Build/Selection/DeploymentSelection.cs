using System.Diagnostics;
using System.Text;

namespace Convex.AuthKit.Build.Selection;

/// <summary>
/// Which Convex deployment the build works on and with which credential, or why it works on none.
/// <see cref="Credential"/> is a secret: <see cref="ToString"/> and the debugger display leave it out, and no
/// other property contains it.
/// </summary>
/// <param name="ProvisionHost">
/// <c>{PH}</c>: <c>CONVEX_PROVISION_HOST</c>, else <c>https://api.convex.dev</c>. Null only when
/// <paramref name="Kind"/> is <see cref="DeploymentSelectionKind.Invalid"/> because the value is not a URL.
/// </param>
/// <param name="InputFiles">Full paths of the files the selection depended on (existing or not): env file, <c>.env</c>, token file.</param>
/// <param name="InputVariables">Names of the environment variables the selection read.</param>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed record DeploymentSelection(
    DeploymentSelectionKind Kind,
    Uri? ProvisionHost,
    IReadOnlyList<string> InputFiles,
    IReadOnlyList<string> InputVariables)
{
    public DeploymentSelectionSkipReason SkipReason { get; init; }

    /// <summary>The deployment's name, when one is named (e.g. <c>happy-animal-123</c>).</summary>
    public string? DeploymentName { get; init; }

    /// <summary>The deployment type as configured (<c>dev</c>, <c>prod</c>, <c>preview</c>, <c>local</c>), or null when unknown.</summary>
    public string? DeploymentType { get; init; }

    public DeploymentSelectionCredentialKind CredentialKind { get; init; }

    /// <summary>The access token or deploy key (secret); null unless <see cref="Kind"/> is a dev kind.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? Credential { get; init; }

    /// <summary>Where the credential came from, e.g. <c>access token from ~/.convex/config.json</c>; never its value.</summary>
    public string? CredentialSource { get; init; }

    /// <summary>What named the deployment, e.g. <c>CONVEX_DEPLOYMENT in .env.local</c>.</summary>
    public string? DeploymentSource { get; init; }

    /// <summary>For every kind but the two dev kinds: what happened and what to do. Never contains a secret.</summary>
    public string? Message { get; init; }

    /// <summary>A note that does not stop the build, e.g. the unreadable token file's diagnostic.</summary>
    public string? Diagnostic { get; init; }

    /// <summary>True for the two kinds that go on to talk to the deployment.</summary>
    public bool IsDevDeployment =>
        Kind == DeploymentSelectionKind.DevWithAccessToken || Kind == DeploymentSelectionKind.DevDeployKey;

    // Leaves out the credential, a secret.
    public override string ToString()
    {
        var text = new StringBuilder(Kind.ToString());
        if (SkipReason != DeploymentSelectionSkipReason.None) text.Append('(').Append(SkipReason).Append(')');
        if (DeploymentName != null) text.Append(' ').Append(DeploymentType ?? "?").Append(':').Append(DeploymentName);
        if (DeploymentSource != null) text.Append(" [").Append(DeploymentSource).Append(']');
        if (CredentialSource != null) text.Append(" with ").Append(CredentialSource);
        if (IsDevDeployment && ProvisionHost != null) text.Append(" via ").Append(ProvisionHost);
        if (Message != null) text.Append(": ").Append(Message);
        return text.ToString();
    }
}
