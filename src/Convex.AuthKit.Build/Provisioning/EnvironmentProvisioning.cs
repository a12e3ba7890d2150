using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Provisioning;

/// <summary>
/// Round trip 3 (docs/protocol.md#reference-flow without a prompt, docs/architecture.md#no-team-prompt): the plan's <see cref="CreateWorkOSTeam"/>
/// when it has one, then its <see cref="ProvisionEnvironment"/>. Only ever with an access token.
/// </summary>
internal static class EnvironmentProvisioning
{
    public static async Task<ProvisionedEnvironment> RunAsync(BigBrainClient bigBrain, ProvisioningPlan plan, ProvisioningReport report, CancellationToken cancellationToken)
    {
        var team = plan.Find<CreateWorkOSTeam>();
        if (team != null) await CreateTeamAsync(bigBrain, team, report, cancellationToken).ConfigureAwait(false);

        var provision = plan.Find<ProvisionEnvironment>()!;
        try
        {
            return await bigBrain.GetOrProvisionWorkOSEnvironmentAsync(provision.DeploymentName, provision.EnvironmentType, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException e) when (e.Code == ConvexErrorCodes.WorkOSTeamNotProvisioned)
        {
            throw ProvisioningPlanner.TeamNotAssociated(provision.DeploymentName, $"Team unexpectedly has no provisioned WorkOS team: {e.ServiceMessage}").ToException();
        }
    }

    /// <summary>The admin email must be one of the account's available ones: checked first, as the CLI's prompt offers only those.</summary>
    private static async Task CreateTeamAsync(BigBrainClient bigBrain, CreateWorkOSTeam step, ProvisioningReport report, CancellationToken cancellationToken)
    {
        var email = step.AdminEmail;
        var emails = await bigBrain.AvailableWorkOSTeamEmailsAsync(cancellationToken).ConfigureAwait(false);
        if (!emails.AvailableEmails.Contains(email, StringComparer.OrdinalIgnoreCase))
            throw new ProvisioningException(Diagnostics.WorkOSTeamCreationFailed,
                $"ConvexAuthKitWorkOSTeamEmail '{email}' cannot become the WorkOS team's admin: it is not one of your verified Convex account emails that are still available"
                + (emails.AvailableEmails.Count > 0 ? $" ({string.Join(", ", emails.AvailableEmails)})." : " (there are none: verify an email in the Convex dashboard)."));
        try
        {
            var team = await bigBrain.ProvisionAssociatedWorkOSTeamAsync(step.TeamId, email, cancellationToken).ConfigureAwait(false);
            report.TeamCreated(team.WorkOSTeamName, team.AdminEmail);
        }
        catch (ServiceException e) when (e.Code == ConvexErrorCodes.WorkosAccountAlreadyExistsWithThisEmail)
        {
            throw new ProvisioningException(Diagnostics.WorkOSTeamCreationFailed,
                (e.ServiceMessage ?? "WorkOS account with this email already exists") + $". Choose another ConvexAuthKitWorkOSTeamEmail (available: {string.Join(", ", emails.AvailableEmails.Where(a => !a.Equals(email, StringComparison.OrdinalIgnoreCase)))}), or run `npx convex dev` once interactively.");
        }
    }
}
