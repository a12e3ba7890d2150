namespace Convex.AuthKit.Build.ConvexApi
{
    /// <summary>The answer of <c>workos/provision_associated_workos_team</c>.</summary>
    public sealed class ProvisionedWorkOSTeam
    {
        public ProvisionedWorkOSTeam(string workOSTeamId, string workOSTeamName, string adminEmail)
        {
            WorkOSTeamId = workOSTeamId;
            WorkOSTeamName = workOSTeamName;
            AdminEmail = adminEmail;
        }

        public string WorkOSTeamId { get; }

        public string WorkOSTeamName { get; }

        public string AdminEmail { get; }

        public override string ToString() => $"{WorkOSTeamName} ({WorkOSTeamId}), admin {AdminEmail}";
    }
}
