using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Status;

/// <summary>
/// The status's log: messages and errors go through; warnings (the ones the next build would show) are kept so the
/// block can list them, instead of turning a status into a build with warnings.
/// </summary>
internal sealed class StatusLogSink : IProvisionLogSink
{
    private readonly IProvisionLogSink _inner;
    private readonly List<string> _warnings = new List<string>();

    public StatusLogSink(IProvisionLogSink inner) { _inner = inner; }

    public IReadOnlyList<string> Warnings => _warnings;

    public void Message(LogImportance importance, string text) => _inner.Message(importance, text);

    public void Warning(string code, string helpLink, string text, DiagnosticLocation location)
    {
        lock (_warnings) _warnings.Add(code + ": " + text);
    }

    public void Error(string code, string helpLink, string text, DiagnosticLocation location) => _inner.Error(code, helpLink, text, location);
}
