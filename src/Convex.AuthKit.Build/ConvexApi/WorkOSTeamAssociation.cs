namespace Convex.AuthKit.Build.ConvexApi
{
    /// <summary>The answer of <c>workos/has_associated_workos_team</c>.</summary>
    public sealed class WorkOSTeamAssociation
    {
        public WorkOSTeamAssociation(bool hasAssociatedWorkOSTeam, long teamId, bool disabled, string? adminEmail)
        {
            HasAssociatedWorkOSTeam = hasAssociatedWorkOSTeam;
            TeamId = teamId;
            Disabled = disabled;
            AdminEmail = adminEmail;
        }

        public bool HasAssociatedWorkOSTeam { get; }

        /// <summary>The Convex team's id, used to provision a WorkOS team for it.</summary>
        public long TeamId { get; }

        /// <summary>The undocumented <c>disabled</c> flag the CLI reads (truthy = the team chose not to associate).</summary>
        public bool Disabled { get; }

        public string? AdminEmail { get; }

        public override string ToString() =>
            $"team {TeamId}: {(HasAssociatedWorkOSTeam ? "associated" : "not associated")}{(Disabled ? ", disabled" : "")}";
    }
}
