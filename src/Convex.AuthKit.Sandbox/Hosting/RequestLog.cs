namespace Convex.AuthKit.Sandbox.Hosting;

/// <summary>The request log, in arrival order. Entries are copied out, never shared.</summary>
internal sealed class RequestLog
{
    private readonly object gate = new object();
    private readonly List<SandboxRequest> entries = new List<SandboxRequest>();
    private long sequence;

    /// <summary>Adds an entry at arrival; the caller fills it in and calls <see cref="Complete"/>.</summary>
    public SandboxRequest Begin(SandboxRequest entry)
    {
        lock (gate)
        {
            entry.Sequence = ++sequence;
            entries.Add(entry);
            return entry;
        }
    }

    /// <summary>Runs the final update of an entry under the log's lock, so snapshots never see half an update.</summary>
    public void Complete(System.Action update)
    {
        lock (gate) update();
    }

    public void Clear()
    {
        lock (gate) entries.Clear();
    }

    public IReadOnlyList<SandboxRequest> Snapshot()
    {
        lock (gate)
        {
            var copy = new List<SandboxRequest>(entries.Count);
            foreach (var entry in entries) copy.Add(entry.Copy());
            return copy;
        }
    }
}
