namespace Convex.AuthKit.Build.Selection;

/// <summary>How the CLI classifies a deploy key for deployment selection (docs/protocol.md#deploy-keys), checked in this order.</summary>
internal enum DeployKeyKind
{
    /// <summary><c>preview:&lt;team&gt;:&lt;project&gt;|…</c>: creates preview deployments; names no deployment.</summary>
    PreviewDeployKey,
    /// <summary><c>project:…|…</c>: acts on any deployment of a project.</summary>
    ProjectKey,
    /// <summary>Everything else with a <c>|</c>: one deployment's key (<c>dev:</c>, <c>prod:</c>, <c>preview:&lt;name&gt;</c>, …).</summary>
    DeploymentKey,
}
