namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>The answer of <c>workos/has_associated_workos_team</c>.</summary>
/// <param name="TeamId">The Convex team's id, used to provision a WorkOS team for it.</param>
/// <param name="Disabled">The undocumented <c>disabled</c> flag the CLI reads (truthy = the team chose not to associate).</param>
internal sealed record WorkOSTeamAssociation(bool HasAssociatedWorkOSTeam, long TeamId, bool Disabled, string? AdminEmail)
{
    public override string ToString() =>
        $"team {TeamId}: {(HasAssociatedWorkOSTeam ? "associated" : "not associated")}{(Disabled ? ", disabled" : "")}";
}
