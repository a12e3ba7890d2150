namespace Convex.AuthKit.Build.Selection;

/// <summary>The credential the flow authenticates with.</summary>
internal enum DeploymentSelectionCredentialKind
{
    None,
    /// <summary>A Convex access token (Big Brain <c>Authorization: Bearer</c>).</summary>
    AccessToken,
    /// <summary>A <c>dev:</c> deploy key: Big Brain <c>url_for_key</c> only, and the deployment's admin key.</summary>
    DeployKey,
}
