namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>The answer of <c>workos/available_workos_team_emails</c>.</summary>
/// <param name="AvailableEmails">The user's verified emails that may become the WorkOS team admin.</param>
/// <param name="UsedEmails">Emails that already have a WorkOS account.</param>
internal sealed record AvailableWorkOSTeamEmails(IReadOnlyList<string> AvailableEmails, IReadOnlyList<string> UsedEmails);
