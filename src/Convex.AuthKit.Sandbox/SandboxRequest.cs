using System.Globalization;

namespace Convex.AuthKit.Sandbox;

public enum SandboxService
{
    BigBrain,
    Deployment,
    WorkOS,
}

/// <summary>What the Authorization header held, without the credential itself.</summary>
public enum SandboxAuthKind
{
    /// <summary>No Authorization header.</summary>
    None,
    /// <summary>A header whose scheme is not the one the service expects, or with no credential.</summary>
    Malformed,
    /// <summary>A well-formed header whose credential the service does not know.</summary>
    Unknown,
    AccessToken,
    DeployKey,
    AdminKey,
    WorkOSApiKey,
}

/// <summary>One request as the sandbox saw it. Secrets in bodies are replaced by <c>***</c>.</summary>
public sealed class SandboxRequest
{
    public long Sequence { get; set; }
    public SandboxService Service { get; set; }
    public string Method { get; set; } = "";
    /// <summary>The path without the query string.</summary>
    public string Path { get; set; } = "";
    public string Query { get; set; } = "";
    /// <summary>The answered status; 0 when the connection was dropped without an answer.</summary>
    public int Status { get; set; }
    /// <summary>The scheme as sent (Bearer, Convex, …) or null without a header.</summary>
    public string? AuthScheme { get; set; }
    public SandboxAuthKind AuthKind { get; set; }
    /// <summary>The deployment that the credential belongs to (deploy keys, admin keys), else null.</summary>
    public string? AuthDeployment { get; set; }
    public string? ConvexClient { get; set; }
    public string? UserAgent { get; set; }
    public string? ContentType { get; set; }
    public string RequestBody { get; set; } = "";
    public string ResponseBody { get; set; } = "";
    public DateTimeOffset Started { get; set; }
    public DateTimeOffset Ended { get; set; }
    /// <summary>The connection was aborted without an answer (a Drop fault, or the client gave up during a hold).</summary>
    public bool Dropped { get; set; }
    /// <summary>An injected fault decided this request's fate.</summary>
    public bool Faulted { get; set; }

    internal SandboxRequest Copy() => (SandboxRequest)MemberwiseClone();

    public override string ToString() => $"#{Sequence} {Service} {Method} {Path} -> {(Dropped ? "dropped" : Status.ToString(CultureInfo.InvariantCulture))}";
}
