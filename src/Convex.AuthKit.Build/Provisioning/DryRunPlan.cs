using System.Collections.Generic;
using System.Linq;
using Convex.AuthKit.Build.Convex;

namespace Convex.AuthKit.Build.Provisioning
{
    /// <summary>
    /// ConvexAuthKitDryRun=true: every call the run would make (method, service, path; never a secret) and every
    /// env-file line it would add or change. Nothing is sent or written.
    /// </summary>
    internal static class DryRunPlan
    {
        public static void Print(ProvisionLog log, string subject, ConvexConnection connection, WorkOSCredentials credentials,
            IReadOnlyList<EnvironmentVariableChange> variableWrites, WorkOSConfiguration workOS, EnvFilePlan? envFile)
        {
            var lines = new List<string>();
            if (credentials.ClientId == WorkOSCredentials.Placeholders().ClientId)
                lines.Add("POST Convex management API /api/workos/get_or_provision_workos_environment (provision the deployment's AuthKit environment)");
            if (variableWrites.Count > 0)
                lines.Add($"POST deployment /api/v1/update_environment_variables (set {string.Join(", ", variableWrites.Select(v => v.Name))})");
            foreach (var setting in workOS.Settings)
                lines.Add(setting.Kind switch
                {
                    WorkOSSettingKind.RedirectUri => $"POST WorkOS /user_management/redirect_uris ({setting.Value})",
                    WorkOSSettingKind.CorsOrigin => $"POST WorkOS /user_management/cors_origins ({setting.Value})",
                    _ => $"PUT WorkOS /user_management/app_homepage_url ({setting.Value})",
                });
            if (envFile != null)
                foreach (var change in envFile.Changes)
                    lines.Add($"{envFile.DisplayName}: {(change.CommentOnPreviousLine != null ? change.CommentOnPreviousLine + " / " : "")}{change.Display}");

            if (lines.Count == 0)
            {
                log.High($"{subject}: dry run, up to date, nothing would change.");
                return;
            }
            log.High($"{subject}: dry run, nothing changed; a build would:");
            foreach (var line in lines) log.High("  - " + line);
        }
    }
}
