using System.Diagnostics;

namespace Convex.AuthKit.Build.Selection;

/// <summary>The outcome of reading the CLI's global config file (docs/protocol.md#access-token-file).</summary>
public enum AccessTokenReadStatus
{
    /// <summary>The file holds a non-empty <c>accessToken</c>.</summary>
    Found,
    /// <summary>No file: not logged in.</summary>
    Missing,
    /// <summary>The file exists but is unreadable, not JSON, or has no non-empty <c>accessToken</c>: not logged in.</summary>
    Invalid,
}

/// <summary>
/// The access token read from the global config file, or why there is none. <see cref="Token"/> is a secret;
/// <see cref="Diagnostic"/> and <see cref="ToString"/> never contain it or any other content of the file.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class AccessTokenRead
{
    private AccessTokenRead(string path, AccessTokenReadStatus status, string? token, string? diagnostic)
    {
        Path = path;
        Status = status;
        Token = token;
        Diagnostic = diagnostic;
    }

    public string Path { get; }

    public AccessTokenReadStatus Status { get; }

    /// <summary>The access token (secret); set only when <see cref="Status"/> is <see cref="AccessTokenReadStatus.Found"/>.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? Token { get; }

    /// <summary>For <see cref="AccessTokenReadStatus.Invalid"/>: <c>Failed to parse global config in &lt;path&gt; with error …</c>.</summary>
    public string? Diagnostic { get; }

    internal static AccessTokenRead Found(string path, string token) =>
        new AccessTokenRead(path, AccessTokenReadStatus.Found, token, null);

    internal static AccessTokenRead Missing(string path) =>
        new AccessTokenRead(path, AccessTokenReadStatus.Missing, null, null);

    internal static AccessTokenRead Invalid(string path, string diagnostic) =>
        new AccessTokenRead(path, AccessTokenReadStatus.Invalid, null, diagnostic);

    public override string ToString() => Status switch
    {
        AccessTokenReadStatus.Found => $"access token in {Path}",
        AccessTokenReadStatus.Missing => $"no access token file at {Path}",
        _ => Diagnostic ?? $"invalid access token file {Path}",
    };
}
