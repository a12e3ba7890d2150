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

    /// <summary>Everything, one entry a line, for failure messages and secret scans.</summary>
    public string All => string.Join("\n", _entries.Select(e => $"{e.Kind} {e.Code} {e.Text}"));

    public void Message(LogImportance importance, string text)
    {
        lock (_entries) _entries.Add((importance.ToString(), "", text));
    }

    public void Warning(string code, string helpLink, string text)
    {
        lock (_entries) { _entries.Add(("Warning", code, text)); ((List<string>)HelpLinks).Add(helpLink); }
    }

    public void Error(string code, string helpLink, string text)
    {
        lock (_entries) { _entries.Add(("Error", code, text)); ((List<string>)HelpLinks).Add(helpLink); }
    }

    private List<string> Select(string kind) => _entries.Where(e => e.Kind == kind).Select(e => e.Text).ToList();
}
