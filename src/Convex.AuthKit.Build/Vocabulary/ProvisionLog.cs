namespace Convex.AuthKit.Build.Vocabulary;

internal enum LogImportance { High, Normal, Low }

/// <summary>Where the flow's output goes: MSBuild's logger in a build, a recorder in tests.</summary>
internal interface IProvisionLogSink
{
    void Message(LogImportance importance, string text);
    void Warning(string code, string helpLink, string text);
    void Error(string code, string helpLink, string text);
}

/// <summary>
/// The flow's log. Applies ConvexAuthKitFailOnError=false in one place: every CAK1nnn error is then reported as a
/// warning with the same code, so NoWarn and WarningsAsErrors need one code per condition (docs/architecture.md#settings).
/// </summary>
internal sealed class ProvisionLog
{
    private readonly IProvisionLogSink _sink;
    private readonly bool _failOnError;

    public ProvisionLog(IProvisionLogSink sink, bool failOnError)
    {
        _sink = sink;
        _failOnError = failOnError;
    }

    public bool HasReportedErrors { get; private set; }

    public void High(string text) => _sink.Message(LogImportance.High, "Convex.AuthKit: " + text);
    public void Normal(string text) => _sink.Message(LogImportance.Normal, "Convex.AuthKit: " + text);
    public void Low(string text) => _sink.Message(LogImportance.Low, "Convex.AuthKit: " + text);

    public void Report(Diagnostic diagnostic, string text)
    {
        if (diagnostic.IsError && _failOnError)
        {
            HasReportedErrors = true;
            _sink.Error(diagnostic.Code, diagnostic.HelpLink, text);
            return;
        }
        _sink.Warning(diagnostic.Code, diagnostic.HelpLink, text);
    }
}
