namespace Convex.AuthKit.Build.Selection;

/// <summary>Why a configured deployment is left alone.</summary>
internal enum DeploymentSelectionSkipReason
{
    None,
    /// <summary><c>CONVEX_SELF_HOSTED_URL</c>: a self-hosted backend has no WorkOS team association.</summary>
    SelfHosted,
    /// <summary><c>local:</c> or an <c>anonymous-</c> deployment.</summary>
    Local,
    /// <summary>A <c>prod:</c> deployment or production deploy key: we never touch production.</summary>
    Production,
    /// <summary>A <c>preview:</c> deployment or a preview deployment's own key.</summary>
    Preview,
    /// <summary>A preview deploy key (<c>preview:&lt;team&gt;:&lt;project&gt;|…</c>).</summary>
    PreviewDeployKey,
    /// <summary>A project key (<c>project:…|…</c>).</summary>
    ProjectKey,
    /// <summary><c>CONVEX_DEPLOYMENT</c> or a deploy key without a known type (legacy value): re-select with <c>npx convex dev</c>.</summary>
    UnknownDeploymentType,
}
