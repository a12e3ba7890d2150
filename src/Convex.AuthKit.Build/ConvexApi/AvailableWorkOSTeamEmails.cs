using System.Collections.Generic;

namespace Convex.AuthKit.Build.ConvexApi
{
    /// <summary>The answer of <c>workos/available_workos_team_emails</c>.</summary>
    public sealed class AvailableWorkOSTeamEmails
    {
        public AvailableWorkOSTeamEmails(IReadOnlyList<string> availableEmails, IReadOnlyList<string> usedEmails)
        {
            AvailableEmails = availableEmails;
            UsedEmails = usedEmails;
        }

        /// <summary>The user's verified emails that may become the WorkOS team admin.</summary>
        public IReadOnlyList<string> AvailableEmails { get; }

        /// <summary>Emails that already have a WorkOS account.</summary>
        public IReadOnlyList<string> UsedEmails { get; }
    }
}
