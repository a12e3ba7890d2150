namespace Convex.AuthKit.Build.Convex
{
    /// <summary>The answer of <c>deployment/&lt;name&gt;/team_and_project</c>.</summary>
    public sealed class TeamAndProject
    {
        public TeamAndProject(string team, string project, long teamId, long projectId)
        {
            Team = team;
            Project = project;
            TeamId = teamId;
            ProjectId = projectId;
        }

        /// <summary>The team's slug.</summary>
        public string Team { get; }

        /// <summary>The project's slug.</summary>
        public string Project { get; }

        public long TeamId { get; }

        public long ProjectId { get; }

        public override string ToString() => $"team: {Team}, project: {Project}";
    }
}
