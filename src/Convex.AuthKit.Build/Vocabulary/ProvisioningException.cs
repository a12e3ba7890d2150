namespace Convex.AuthKit.Build.Vocabulary;

/// <summary>A failure the flow reports with a code and a message that says what to do. Never holds a secret.</summary>
internal sealed class ProvisioningException : Exception
{
    public ProvisioningException(Diagnostic diagnostic, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Diagnostic = diagnostic;
    }

    public Diagnostic Diagnostic { get; }
}
