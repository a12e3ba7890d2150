namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>Error <c>code</c>s Convex services answer with that the AuthKit flow reacts to (docs/protocol.md#error-bodies-and-codes).</summary>
internal static class ConvexErrorCodes
{
    public const string DeploymentNotFound = "DeploymentNotFound";
    public const string ProjectNotFound = "ProjectNotFound";
    public const string WorkOSTeamNotProvisioned = "WorkOSTeamNotProvisioned";
    public const string WorkosAccountAlreadyExistsWithThisEmail = "WorkosAccountAlreadyExistsWithThisEmail";

    /// <summary>Environment health: the deployment has no WorkOS environment (any more). Read by the status only.</summary>
    public const string WorkOSEnvironmentNotProvisioned = "WorkOSEnvironmentNotProvisioned";
}
