namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>The answer of <c>deployment/authorize_within_current_project</c>.</summary>
/// <param name="AdminKey">Secret.</param>
/// <param name="DeploymentType">e.g. <c>dev</c>; null when the service didn't say.</param>
internal sealed record DeploymentCredentials(string DeploymentName, Uri Url, string AdminKey, string? DeploymentType)
{
    public override string ToString() => $"{DeploymentName} ({DeploymentType ?? "unknown type"}) at {Url}, admin key ***";
}
