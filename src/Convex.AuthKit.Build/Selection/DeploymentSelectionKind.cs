namespace Convex.AuthKit.Build.Selection;

/// <summary>What the build does with the selected deployment (docs/architecture.md#which-deployment).</summary>
internal enum DeploymentSelectionKind
{
    /// <summary><c>CONVEX_DEPLOYMENT=dev:&lt;name&gt;</c> with an access token: provision and configure.</summary>
    DevWithAccessToken,
    /// <summary>A <c>dev:</c> deploy key: configure only; never a Big Brain WorkOS call with the key.</summary>
    DevDeployKey,
    /// <summary>A deployment we deliberately leave alone (<see cref="DeploymentSelection.SkipReason"/>); normal message.</summary>
    Skipped,
    /// <summary>No deployment configured: warning saying to run <c>npx convex dev</c> once.</summary>
    NotConfigured,
    /// <summary>A dev deployment but no credentials: warning saying to run <c>npx convex login</c>.</summary>
    NoCredentials,
    /// <summary>The configuration is contradictory or unusable (the CLI would crash): error with the CLI's message.</summary>
    Invalid,
}
