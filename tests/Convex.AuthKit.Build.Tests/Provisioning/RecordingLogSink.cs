using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>Collects what the flow logs, for assertions.</summary>
internal sealed class RecordingLogSink : IProvisionLogSink
{
    private readonly List<(string Kind, string Code, string Text)> _entries = new();

    public IReadOnlyList<string> High => Select("High");
    public IReadOnlyList<string> Messages => _entries.Where(e => e.Kind is "High" or "Normal" or "Low").Select(e => e.Text).ToList();
    public IReadOnlyList<(string Code, string Text)> Warnings => _entries.Where(e => e.Kind == "Warning").Select(e => (e.Code, e.Text)).ToList();
    public IReadOnlyList<(string Code, string Text)> Errors => _entries.Where(e => e.Kind == "Error").Select(e => (e.Code, e.Text)).ToList();
    public IReadOnlyList<string> HelpLinks { get; private set; } = new List<string>();

    /// <summary>Where each warning and error points, in the order they were reported.</summary>
    public IReadOnlyList<(string Code, DiagnosticLocation Location)> Locations { get; private set; } = new List<(string, DiagnosticLocation)>();

    /// <summary>Everything, one entry a line, for failure messages and secret scans.</summary>
    public string All => string.Join("\n", _entries.Select(e => $"{e.Kind} {e.Code} {e.Text}"));

    public void Message(LogImportance importance, string text)
    {
        lock (_entries) _entries.Add((importance.ToString(), "", text));
    }

    public void Warning(string code, string helpLink, string text, DiagnosticLocation location) => Diagnostic("Warning", code, helpLink, text, location);

    public void Error(string code, string helpLink, string text, DiagnosticLocation location) => Diagnostic("Error", code, helpLink, text, location);

    private void Diagnostic(string kind, string code, string helpLink, string text, DiagnosticLocation location)
    {
        lock (_entries)
        {
            _entries.Add((kind, code, text));
            ((List<string>)HelpLinks).Add(helpLink);
            ((List<(string, DiagnosticLocation)>)Locations).Add((code, location));
        }
    }

    private List<string> Select(string kind) => _entries.Where(e => e.Kind == kind).Select(e => e.Text).ToList();
}
