namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>The answer of <c>teams/&lt;teamId&gt;/workos_team_health</c>; the team's fields are null without <c>teamInfo</c>.</summary>
/// <param name="ProductionState"><c>active</c>, <c>inactive</c>, <c>suspended</c> or <c>deleting</c> (any other text is kept as sent).</param>
internal sealed record WorkOSTeamHealth(bool TeamProvisioned, string? Id, string? Name, string? ProductionState)
{
    /// <summary>The production states that mean trouble for the team's environments.</summary>
    public static readonly IReadOnlyList<string> ProblemStates = new[] { "inactive", "suspended", "deleting" };

    public bool HasProblemState => ProductionState != null && ProblemStates.Contains(ProductionState);
}
