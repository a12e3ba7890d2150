namespace Convex.AuthKit.Build.WorkOS;

/// <summary>What a WorkOS configuration call did.</summary>
internal enum WorkOSChangeResult
{
    /// <summary>WorkOS accepted the change (any 2xx).</summary>
    Changed,

    /// <summary>The redirect URI or CORS origin was already registered (409, or 422 saying "already exists").</summary>
    AlreadyPresent,

    /// <summary>
    /// WorkOS answered 422 to the homepage URL. The CLI treats this as "nothing to do" (its comment: "likely localhost
    /// URL or other invalid format"); it is not an error, but the homepage was not set.
    /// </summary>
    NotAccepted,
}
