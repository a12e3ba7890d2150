using System.Collections;
using Microsoft.Build.Framework;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>The least IBuildEngine a task needs: records what the task logs (thread-safe), builds no project.</summary>
public sealed class FakeBuildEngine : IBuildEngine
{
    private readonly List<BuildEventArgs> _events = new();

    public IReadOnlyList<BuildErrorEventArgs> Errors => Of<BuildErrorEventArgs>();
    public IReadOnlyList<BuildWarningEventArgs> Warnings => Of<BuildWarningEventArgs>();
    public IReadOnlyList<BuildMessageEventArgs> Messages => Of<BuildMessageEventArgs>();

    /// <summary>Everything logged, one event a line, for failure messages and secret scans.</summary>
    public string All
    {
        get
        {
            lock (_events) return string.Join("\n", _events.Select(e => e switch
            {
                BuildErrorEventArgs error => $"error {error.Code}: {error.Message}",
                BuildWarningEventArgs warning => $"warning {warning.Code}: {warning.Message}",
                BuildMessageEventArgs message => $"{message.Importance}: {message.Message}",
                _ => e.Message,
            }));
        }
    }

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "Fake.csproj";

    public void LogErrorEvent(BuildErrorEventArgs e) => Add(e);
    public void LogWarningEvent(BuildWarningEventArgs e) => Add(e);
    public void LogMessageEvent(BuildMessageEventArgs e) => Add(e);
    public void LogCustomEvent(CustomBuildEventArgs e) => Add(e);

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

    private void Add(BuildEventArgs e)
    {
        lock (_events) _events.Add(e);
    }

    private List<T> Of<T>() where T : BuildEventArgs
    {
        lock (_events) return _events.OfType<T>().ToList();
    }
}
