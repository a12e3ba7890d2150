using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;

namespace Convex.AuthKit.Build.Provisioning
{
    /// <summary>
    /// docs/protocol.md#reference-flow without a prompt (docs/architecture.md#no-team-prompt): the team must have a WorkOS team (created here only when the
    /// build says so), then get-or-provision the deployment's environment. Only ever with an access token.
    /// </summary>
    public static class EnvironmentProvisioning
    {
        public const string TermsUrl = "https://workos.com/legal/terms-of-service";
        public const string PrivacyUrl = "https://workos.com/legal/privacy";

        public static async Task<ProvisionedEnvironment> GetOrProvisionAsync(
            ConvexConnection connection, AuthKitEnvironmentConfig dev, BuildSettings settings, ProvisioningReport report, CancellationToken cancellationToken)
        {
            var association = await connection.TeamAssociationAsync().ConfigureAwait(false);
            if (association.Disabled)
                throw new ProvisioningException(Diagnostics.WorkOSProvisioningDisabled,
                    $"The Convex team of deployment {connection.DeploymentName} chose not to connect a WorkOS team, so AuthKit environments are not provisioned automatically. "
                    + "Set WORKOS_CLIENT_ID and WORKOS_API_KEY on the deployment yourself (npx convex env set ...), or remove authKit.dev from convex.json; set ConvexAuthKitEnabled=false to silence this.");
            if (!association.HasAssociatedWorkOSTeam)
                await CreateTeamOrExplainAsync(connection, association.TeamId, settings, report, cancellationToken).ConfigureAwait(false);

            try
            {
                return await connection.BigBrain.GetOrProvisionWorkOSEnvironmentAsync(connection.DeploymentName, EnvironmentType(dev), cancellationToken).ConfigureAwait(false);
            }
            catch (ServiceException e) when (e.Code == "WorkOSTeamNotProvisioned")
            {
                throw TeamNotAssociated(connection.DeploymentName, $"Team unexpectedly has no provisioned WorkOS team: {e.ServiceMessage}");
            }
        }

        /// <summary>docs/protocol.md#reference-flow: dev and preview map to "nonproduction" unless environmentType says otherwise.</summary>
        private static string EnvironmentType(AuthKitEnvironmentConfig dev) =>
            dev.EnvironmentType == "production" ? "production" : "nonproduction";

        private static async Task CreateTeamOrExplainAsync(ConvexConnection connection, long teamId, BuildSettings settings, ProvisioningReport report, CancellationToken cancellationToken)
        {
            var email = settings.WorkOSTeamEmail;
            if (email == null || !settings.AcceptWorkOSTerms)
                throw TeamNotAssociated(connection.DeploymentName, email != null
                    ? $"ConvexAuthKitWorkOSTeamEmail is set, but creating a WorkOS team also needs ConvexAuthKitAcceptWorkOSTerms=true (WorkOS Terms of Service: {TermsUrl}, Privacy Policy: {PrivacyUrl})."
                    : null);

            var emails = await connection.BigBrain.AvailableWorkOSTeamEmailsAsync(cancellationToken).ConfigureAwait(false);
            if (!emails.AvailableEmails.Contains(email, StringComparer.OrdinalIgnoreCase))
                throw new ProvisioningException(Diagnostics.WorkOSTeamCreationFailed,
                    $"ConvexAuthKitWorkOSTeamEmail '{email}' cannot become the WorkOS team's admin: it is not one of your verified Convex account emails that are still available"
                    + (emails.AvailableEmails.Count > 0 ? $" ({string.Join(", ", emails.AvailableEmails)})." : " (there are none: verify an email in the Convex dashboard)."));
            try
            {
                var team = await connection.BigBrain.ProvisionAssociatedWorkOSTeamAsync(teamId, email, cancellationToken).ConfigureAwait(false);
                report.TeamCreated(team.WorkOSTeamName, team.AdminEmail);
            }
            catch (ServiceException e) when (e.Code == "WorkosAccountAlreadyExistsWithThisEmail")
            {
                throw new ProvisioningException(Diagnostics.WorkOSTeamCreationFailed,
                    (e.ServiceMessage ?? "WorkOS account with this email already exists") + $". Choose another ConvexAuthKitWorkOSTeamEmail (available: {string.Join(", ", emails.AvailableEmails.Where(a => !a.Equals(email, StringComparison.OrdinalIgnoreCase)))}), or run `npx convex dev` once interactively.");
            }
        }

        private static ProvisioningException TeamNotAssociated(string deploymentName, string? detail) =>
            new ProvisioningException(Diagnostics.WorkOSTeamNotAssociated,
                (detail != null ? detail + "\n" : "")
                + $"The Convex team of deployment {deploymentName} has no WorkOS team yet, and a build never prompts. Either:\n"
                + "  1. run `npx convex dev` once in an interactive terminal and accept creating the WorkOS team, or\n"
                + "  2. let the build create it: set ConvexAuthKitWorkOSTeamEmail to one of your verified Convex account emails and "
                + $"ConvexAuthKitAcceptWorkOSTerms=true to accept the WorkOS Terms of Service ({TermsUrl}) and Privacy Policy ({PrivacyUrl}).");
    }
}
