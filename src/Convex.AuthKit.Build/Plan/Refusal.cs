using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Plan;

/// <summary>
/// Why the build does not go on (docs/architecture.md#the-provisioning-plan): the diagnostic it reports, the message that says what
/// to do, and the few words the status shows instead when the message is long. Never holds a secret.
/// </summary>
/// <param name="Location">The file (and line) the problem is in; null for the project file.</param>
internal sealed record Refusal(Diagnostic Diagnostic, string Message, string? ShortMessage = null, DiagnosticLocation? Location = null)
{
    /// <summary>What the status's last line says.</summary>
    public string Summary => ShortMessage ?? Message;

    public ProvisioningException ToException() => new ProvisioningException(Diagnostic, Message, location: Location);

    public override string ToString() => $"{Diagnostic.Code}: {Summary}";
}
