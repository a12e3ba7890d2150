namespace Convex.AuthKit.Sandbox;

/// <summary>
/// A fault for the next <see cref="Count"/> requests matching Service (any when null), Method and Path (exact, no query).
/// Effects, in order: wait <see cref="HoldMilliseconds"/> (abandoned if the client goes away); then
/// <see cref="Drop"/> aborts the connection without an answer; else <see cref="Status"/> answers with
/// <see cref="Body"/> and <see cref="RetryAfter"/>; else the request is handled normally (a pure hold).
/// With <see cref="HandleFirst"/> the request is handled (its state change happens) before the drop or fault status:
/// the "server did it but the answer was lost" case.
/// </summary>
public sealed class SandboxFault
{
    public SandboxService? Service { get; set; }
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public int Count { get; set; } = 1;
    public int? Status { get; set; }
    /// <summary>Sent as application/json when it parses as JSON, else text/plain. Empty when null.</summary>
    public string? Body { get; set; }
    public string? RetryAfter { get; set; }
    public bool Drop { get; set; }
    public int HoldMilliseconds { get; set; }
    public bool HandleFirst { get; set; }

    public override string ToString() => $"{Service?.ToString() ?? "*"} {Method} {Path} x{Count}";
}
