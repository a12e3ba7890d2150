using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Convex.AuthKit.Build.ConvexApi;

namespace Convex.AuthKit.Build.Provisioning
{
    /// <summary>
    /// ConvexAuthKitDryRun=true: every call the run would make (method, service, path; never a secret) and every
    /// env-file line it would add or change. Only the reads are sent (the dry run needs their answers); nothing is
    /// written, here or remotely.
    /// </summary>
    internal static class DryRunPlan
    {
        private const string BigBrain = "Convex management API /api/";

        public static async Task PrintAsync(ProvisionLog log, string subject, ConvexConnection connection, BuildSettings settings, bool provisions,
            IReadOnlyList<EnvironmentVariableChange> variableWrites, WorkOSConfiguration workOS, EnvFilePlan? envFile)
        {
            var lines = Reads(connection);
            var writes = new List<string>();
            if (provisions)
            {
                writes.AddRange(await TeamCreationAsync(connection, settings).ConfigureAwait(false));
                writes.Add($"POST {BigBrain}workos/get_or_provision_workos_environment (provision the deployment's AuthKit environment, or get the one it has)");
            }
            if (variableWrites.Count > 0)
                writes.Add($"POST deployment {(connection.Deployment.UsesCliPaths ? "/api/update_environment_variables" : "/api/v1/update_environment_variables")} (set {string.Join(", ", variableWrites.Select(v => v.Name))})");
            foreach (var setting in workOS.Settings)
                writes.Add(setting.Kind switch
                {
                    WorkOSSettingKind.RedirectUri => $"POST WorkOS /user_management/redirect_uris ({setting.Value})",
                    WorkOSSettingKind.CorsOrigin => $"POST WorkOS /user_management/cors_origins ({setting.Value})",
                    _ => $"PUT WorkOS /user_management/app_homepage_url ({setting.Value})",
                });
            if (envFile != null)
                foreach (var change in envFile.Changes)
                    writes.Add($"{envFile.DisplayName}: {(change.CommentOnPreviousLine != null ? "add " + change.CommentOnPreviousLine + " / " : "")}set {change.Display}");

            if (writes.Count == 0)
            {
                log.High($"{subject}: dry run, up to date, nothing would change.");
                foreach (var line in lines) log.Normal("  - " + line);
                return;
            }
            // One line a step, like the change report (tools and the demo read the package's output line by line).
            log.High($"{subject}: dry run, nothing changed; a build would:");
            foreach (var line in lines.Concat(writes)) log.High("  - " + line);
        }

        /// <summary>The reads of round trips 1 and 2, which the dry run made too.</summary>
        private static List<string> Reads(ConvexConnection connection)
        {
            var lines = new List<string>();
            if (connection.UsesDeployKey)
                lines.Add($"POST {BigBrain}deployment/url_for_key (read: the deployment's URL)");
            else
            {
                lines.Add($"POST {BigBrain}deployment/authorize_within_current_project (read: the deployment's URL and admin key)");
                lines.Add($"POST {BigBrain}workos/has_associated_workos_team (read)");
            }
            lines.Add(connection.Deployment.UsesCliPaths
                ? "POST deployment /api/query _system/cli/queryEnvironmentVariables (read: the deployment's variables)"
                : "GET deployment /api/v1/list_environment_variables (read: the deployment's variables)");
            return lines;
        }

        /// <summary>
        /// Provisioning needs the Convex team to have a WorkOS team. The dry run stops where the build would: the same
        /// codes, because a plan that succeeds where the build fails would mislead.
        /// </summary>
        private static async Task<IEnumerable<string>> TeamCreationAsync(ConvexConnection connection, BuildSettings settings)
        {
            var team = await connection.TeamAssociationAsync().ConfigureAwait(false);
            if (team.Disabled)
                throw new ProvisioningException(Diagnostics.WorkOSProvisioningDisabled,
                    $"Dry run: a build would stop here: the Convex team of deployment {connection.DeploymentName} chose not to connect a WorkOS team, so AuthKit environments are not provisioned automatically. Set WORKOS_CLIENT_ID and WORKOS_API_KEY on the deployment yourself, or remove authKit.dev from convex.json.");
            if (team.HasAssociatedWorkOSTeam) return Enumerable.Empty<string>();
            if (settings.WorkOSTeamEmail == null || !settings.AcceptWorkOSTerms)
                throw new ProvisioningException(Diagnostics.WorkOSTeamNotAssociated,
                    $"Dry run: a build would stop here: the Convex team of deployment {connection.DeploymentName} has no WorkOS team yet, and a build never prompts. "
                    + "Run `npx convex dev` once interactively, or set ConvexAuthKitWorkOSTeamEmail and ConvexAuthKitAcceptWorkOSTerms=true.");
            return new[]
            {
                $"GET {BigBrain}workos/available_workos_team_emails (read: check {settings.WorkOSTeamEmail} may be the admin)",
                $"POST {BigBrain}workos/provision_associated_workos_team (create the Convex team's WorkOS team, admin {settings.WorkOSTeamEmail})",
            };
        }
    }
}
