using System.Diagnostics;

namespace Convex.AuthKit.Build.Selection;

/// <summary>The outcome of reading the CLI's global config file (docs/protocol.md#access-token-file).</summary>
internal enum AccessTokenReadStatus
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
/// <param name="Token">The access token (secret); set only when <paramref name="Status"/> is <see cref="AccessTokenReadStatus.Found"/>.</param>
/// <param name="Diagnostic">For <see cref="AccessTokenReadStatus.Invalid"/>: <c>Failed to parse global config in &lt;path&gt; with error …</c>.</param>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed record AccessTokenRead(
    string Path,
    AccessTokenReadStatus Status,
    [property: DebuggerBrowsable(DebuggerBrowsableState.Never)] string? Token,
    string? Diagnostic)
{
    public static AccessTokenRead Found(string path, string token) => new(path, AccessTokenReadStatus.Found, token, null);

    public static AccessTokenRead Missing(string path) => new(path, AccessTokenReadStatus.Missing, null, null);

    public static AccessTokenRead Invalid(string path, string diagnostic) => new(path, AccessTokenReadStatus.Invalid, null, diagnostic);

    public override string ToString() => Status switch
    {
        AccessTokenReadStatus.Found => $"access token in {Path}",
        AccessTokenReadStatus.Missing => $"no access token file at {Path}",
        _ => Diagnostic ?? $"invalid access token file {Path}",
    };
}
