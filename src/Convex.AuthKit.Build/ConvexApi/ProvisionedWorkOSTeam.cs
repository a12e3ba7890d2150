namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>The answer of <c>workos/provision_associated_workos_team</c>.</summary>
internal sealed record ProvisionedWorkOSTeam(string WorkOSTeamId, string WorkOSTeamName, string AdminEmail)
{
    public override string ToString() => $"{WorkOSTeamName} ({WorkOSTeamId}), admin {AdminEmail}";
}
