namespace Convex.AuthKit.Build.Vocabulary;

/// <summary>A failure the flow reports with a code and a message that says what to do. Never holds a secret.</summary>
internal sealed class ProvisioningException : Exception
{
    public ProvisioningException(Diagnostic diagnostic, string message, Exception? innerException = null, DiagnosticLocation? location = null)
        : base(message, innerException)
    {
        Diagnostic = diagnostic;
        Location = location;
    }

    public Diagnostic Diagnostic { get; }

    /// <summary>The file (and line) the problem is in; null for the project file.</summary>
    public DiagnosticLocation? Location { get; }
}
