using Convex.AuthKit.Sandbox;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>One HTTP call of the cold flow (docs/architecture.md#fewest-round-trips), as the sandbox sees it.</summary>
public sealed record FaultCall(string Name, SandboxService Service, string Method, string Path, FaultStage Stage)
{
    /// <summary>Whether the flow needs the answer's body (a malformed body is then an error; writes only need a 2xx).</summary>
    public bool ReadsBody => Stage is FaultStage.Convex;

    public bool Matches(SandboxRequest request) => request.Service == Service && request.Method == Method && request.Path == Path;

    public override string ToString() => Name;
}

/// <summary>Where in the flow a call sits, which decides what a lasting failure leaves behind.</summary>
public enum FaultStage
{
    /// <summary>Reads before anything is written: authorize, team question, variables, get-or-provision.</summary>
    Convex,
    /// <summary>The deployment variable write: nothing is written locally until it succeeds.</summary>
    VariableWrite,
    /// <summary>A WorkOS call: runs beside the variable write, so the env file is complete when it fails.</summary>
    WorkOS,
}

/// <summary>
/// A fault the sandbox injects into one call; <see cref="Lasting"/> faults outlast the 3 attempts; <see cref="Hangs"/>
/// faults are noticed only by the per-request timeout.
/// </summary>
public sealed record FaultKind(string Name, Func<FaultCall, SandboxFault> Make, int Attempts, bool Lasting, bool Hangs = false)
{
    public override string ToString() => Name;
}

/// <summary>The fault matrix: every call of the cold flow × every fault, and what each case must end in.</summary>
public static class FaultMatrix
{
    /// <summary>Longer than <see cref="FaultPolicy.RequestTimeout"/>; the sandbox abandons the hold when the client gives up.</summary>
    private const int HangMilliseconds = 10_000;

    public const string RetryAfterSeconds = "1";

    /// <summary>Valid JSON one byte over the response body limit.</summary>
    private static readonly string OversizedBody = "{\"a\":\"" + new string('x', 1024 * 1024 + 1 - 8) + "\"}";

    public static readonly IReadOnlyList<FaultCall> Calls = new[]
    {
        new FaultCall("authorize_within_current_project", SandboxService.BigBrain, "POST", "/api/deployment/authorize_within_current_project", FaultStage.Convex),
        new FaultCall("has_associated_workos_team", SandboxService.BigBrain, "POST", "/api/workos/has_associated_workos_team", FaultStage.Convex),
        new FaultCall("list_environment_variables", SandboxService.Deployment, "GET", "/api/v1/list_environment_variables", FaultStage.Convex),
        new FaultCall("get_or_provision_workos_environment", SandboxService.BigBrain, "POST", "/api/workos/get_or_provision_workos_environment", FaultStage.Convex),
        new FaultCall("update_environment_variables", SandboxService.Deployment, "POST", "/api/v1/update_environment_variables", FaultStage.VariableWrite),
        new FaultCall("redirect_uris", SandboxService.WorkOS, "POST", "/user_management/redirect_uris", FaultStage.WorkOS),
        new FaultCall("cors_origins", SandboxService.WorkOS, "POST", "/user_management/cors_origins", FaultStage.WorkOS),
        new FaultCall("app_homepage_url", SandboxService.WorkOS, "PUT", "/user_management/app_homepage_url", FaultStage.WorkOS),
    };

    public static readonly IReadOnlyList<FaultKind> Kinds = new[]
    {
        new FaultKind("429 with Retry-After, once", c => Fault(c, 1, f => { f.Status = 429; f.RetryAfter = RetryAfterSeconds; }), Attempts: 2, Lasting: false),
        new FaultKind("503 twice", c => Fault(c, 2, f => f.Status = 503), Attempts: 3, Lasting: false),
        new FaultKind("503 always", c => Fault(c, 3, f => f.Status = 503), Attempts: 3, Lasting: true),
        new FaultKind("hang past the timeout, once", c => Fault(c, 1, f => f.HoldMilliseconds = HangMilliseconds), Attempts: 2, Lasting: false, Hangs: true),
        new FaultKind("hang past the timeout, always", c => Fault(c, 3, f => f.HoldMilliseconds = HangMilliseconds), Attempts: 3, Lasting: true, Hangs: true),
        // The server did the work and the answer came back garbled: not retried (it is not a transport failure).
        new FaultKind("malformed JSON", c => Fault(c, 1, f => { f.Status = 200; f.Body = "{\"truncated\": "; f.HandleFirst = true; }), Attempts: 1, Lasting: false),
        // The server did the work and the connection dropped before the answer: the retry must not do it twice.
        // An answer larger than the 1 MiB body limit is malformed, whatever the call: not retried, never "offline".
        new FaultKind("body over 1 MiB", c => Fault(c, 1, f => { f.Status = 200; f.Body = OversizedBody; f.HandleFirst = true; }), Attempts: 1, Lasting: false),
        new FaultKind("dropped connection, once", c => Fault(c, 1, f => { f.Drop = true; f.HandleFirst = true; }), Attempts: 2, Lasting: false),
        new FaultKind("dropped connection, always", c => Fault(c, 3, f => { f.Drop = true; f.HandleFirst = true; }), Attempts: 3, Lasting: true),
    };

    /// <summary>Every call × every fault that is answered or dropped at once.</summary>
    public static IEnumerable<object[]> Cases => CasesOf(Kinds.Where(k => !k.Hangs));

    /// <summary>Every call × the hang that ends (<paramref name="lasting"/> false) or outlasts the attempts: each waits out the per-request timeout.</summary>
    public static IEnumerable<object[]> HangCases(bool lasting) => CasesOf(Kinds.Where(k => k.Hangs && k.Lasting == lasting));

    public static FaultCall Call(string name) => Calls.Single(c => c.Name == name);

    public static FaultKind Kind(string name) => Kinds.Single(k => k.Name == name);

    /// <summary>
    /// The diagnostic a case must end in: null for success after retries; else the CAK code (an error CAK1nnn, or the
    /// offline warning CAK2105 when the env file was already complete).
    /// </summary>
    public static string? ExpectedCode(FaultCall call, FaultKind kind)
    {
        if (kind.Name == "malformed JSON") return call.ReadsBody ? "CAK1012" : null;
        if (kind.Name == "body over 1 MiB") return call.Stage == FaultStage.WorkOS ? "CAK1013" : "CAK1012";
        if (!kind.Lasting) return null;
        var unreachable = !kind.Name.StartsWith("503", StringComparison.Ordinal);
        return (unreachable, call.Stage) switch
        {
            (false, FaultStage.WorkOS) => "CAK1013",
            (false, _) => "CAK1012",
            // The variables were written and the env file with them: offline with every entry in place (docs/architecture.md#offline).
            (true, FaultStage.WorkOS) => "CAK2105",
            (true, _) => "CAK1014",
        };
    }

    /// <summary>Whether the first run leaves the env file complete (else it must be byte-identical to before).</summary>
    public static bool ExpectsEnvFileWritten(FaultCall call, FaultKind kind) =>
        ExpectedCode(call, kind) == null || call.Stage == FaultStage.WorkOS;

    private static IEnumerable<object[]> CasesOf(IEnumerable<FaultKind> kinds) =>
        from call in Calls from kind in kinds select new object[] { call.Name, kind.Name };

    private static SandboxFault Fault(FaultCall call, int count, Action<SandboxFault> shape)
    {
        var fault = new SandboxFault { Service = call.Service, Method = call.Method, Path = call.Path, Count = count };
        shape(fault);
        return fault;
    }
}
