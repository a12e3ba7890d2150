namespace Convex.AuthKit.Sandbox.Hosting;

/// <summary>Injected faults, consumed one match at a time, first injected first used.</summary>
internal sealed class FaultBook
{
    private readonly object gate = new object();
    private readonly List<SandboxFault> pending = new List<SandboxFault>();

    public void Add(SandboxFault fault)
    {
        if (fault.Count < 1) throw new ArgumentException("A fault needs Count >= 1.", nameof(fault));
        if (string.IsNullOrEmpty(fault.Method) || string.IsNullOrEmpty(fault.Path))
            throw new ArgumentException("A fault needs Method and Path.", nameof(fault));
        if (!fault.Drop && fault.Status == null && fault.HoldMilliseconds <= 0)
            throw new ArgumentException("A fault needs Drop, Status or HoldMilliseconds.", nameof(fault));
        lock (gate) pending.Add(Copy(fault));
    }

    public void Clear()
    {
        lock (gate) pending.Clear();
    }

    /// <summary>The first fault matching the request, with one use consumed; null when none matches.</summary>
    public SandboxFault? Take(SandboxService service, string method, string path)
    {
        lock (gate)
        {
            for (var i = 0; i < pending.Count; i++)
            {
                var fault = pending[i];
                if (fault.Service != null && fault.Service != service) continue;
                if (!string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
                if (fault.Path != path) continue;
                fault.Count--;
                if (fault.Count == 0) pending.RemoveAt(i);
                return Copy(fault);
            }
            return null;
        }
    }

    private static SandboxFault Copy(SandboxFault fault) => new SandboxFault
    {
        Service = fault.Service,
        Method = fault.Method,
        Path = fault.Path,
        Count = fault.Count,
        Status = fault.Status,
        Body = fault.Body,
        RetryAfter = fault.RetryAfter,
        Drop = fault.Drop,
        HoldMilliseconds = fault.HoldMilliseconds,
        HandleFirst = fault.HandleFirst,
    };
}
