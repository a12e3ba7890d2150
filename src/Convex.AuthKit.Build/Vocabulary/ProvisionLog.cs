namespace Convex.AuthKit.Build.Vocabulary;

internal enum LogImportance { High, Normal, Low }

/// <summary>Where the flow's output goes: MSBuild's logger in a build, a recorder in tests.</summary>
internal interface IProvisionLogSink
{
    void Message(LogImportance importance, string text);
    /// <param name="text">One line.</param>
    void Warning(string code, string helpLink, string text, DiagnosticLocation location);

    /// <param name="text">One line.</param>
    void Error(string code, string helpLink, string text, DiagnosticLocation location);
}

/// <summary>
/// The flow's log. Applies ConvexAuthKitFailOnError=false in one place: every CAK1nnn error is then reported as a
/// warning with the same code, so NoWarn and WarningsAsErrors need one code per condition (docs/architecture.md#settings).
/// A diagnostic is one line at the file the problem is in (docs/architecture.md#output): the first line of its message,
/// which says what is wrong and what to do; the lines after it (lists, alternatives) follow as a normal message.
/// </summary>
internal sealed class ProvisionLog
{
    private static readonly char[] LineBreaks = { '\r', '\n' };

    private readonly IProvisionLogSink _sink;
    private readonly bool _failOnError;
    private readonly DiagnosticLocation _projectFile;

    /// <param name="projectFile">Where a diagnostic points when the problem is in no file of the app: the project file.</param>
    public ProvisionLog(IProvisionLogSink sink, bool failOnError, string projectFile)
    {
        _sink = sink;
        _failOnError = failOnError;
        _projectFile = new DiagnosticLocation(projectFile);
    }

    public bool HasReportedErrors { get; private set; }

    public void High(string text) => _sink.Message(LogImportance.High, "Convex.AuthKit: " + text);
    public void Normal(string text) => _sink.Message(LogImportance.Normal, "Convex.AuthKit: " + text);
    public void Low(string text) => _sink.Message(LogImportance.Low, "Convex.AuthKit: " + text);

    /// <param name="location">The file (and line) the problem is in; null for the project file.</param>
    public void Report(Diagnostic diagnostic, string text, DiagnosticLocation? location = null)
    {
        var lineBreak = text.IndexOfAny(LineBreaks);
        var headline = lineBreak < 0 ? text : text.Substring(0, lineBreak).TrimEnd();
        if (diagnostic.IsError && _failOnError)
        {
            HasReportedErrors = true;
            _sink.Error(diagnostic.Code, diagnostic.HelpLink, headline, location ?? _projectFile);
        }
        else
        {
            _sink.Warning(diagnostic.Code, diagnostic.HelpLink, headline, location ?? _projectFile);
        }
        if (lineBreak >= 0) _sink.Message(LogImportance.Normal, text.Substring(lineBreak).Trim('\r', '\n'));
    }

    public void Report(ProvisioningException failure) => Report(failure.Diagnostic, failure.Message, failure.Location);
}
