using Convex.AuthKit.Build.Vocabulary;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Convex.AuthKit.Build;

/// <summary>Adapts the flow's log to MSBuild's, with codes, help links and the file the problem is in.</summary>
internal sealed class MSBuildLogSink : IProvisionLogSink
{
    private readonly TaskLoggingHelper _log;

    public MSBuildLogSink(TaskLoggingHelper log) { _log = log; }

    public void Message(LogImportance importance, string text) =>
        _log.LogMessage(importance switch
        {
            LogImportance.High => MessageImportance.High,
            LogImportance.Normal => MessageImportance.Normal,
            _ => MessageImportance.Low,
        }, "{0}", text);

    public void Warning(string code, string helpLink, string text, DiagnosticLocation location) =>
        _log.LogWarning(null, code, null, helpLink, location.File, location.Line, location.Column, 0, 0, "{0}", text);

    public void Error(string code, string helpLink, string text, DiagnosticLocation location) =>
        _log.LogError(null, code, null, helpLink, location.File, location.Line, location.Column, 0, 0, "{0}", text);
}
