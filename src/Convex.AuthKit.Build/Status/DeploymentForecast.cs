using System.Collections.Generic;
using System.Linq;
using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Provisioning;
using Convex.AuthKit.Build.Selection;

namespace Convex.AuthKit.Build.Status
{
    /// <summary>
    /// What the flow would do with the facts the status read, decided by the flow's own pieces (WorkOSCredentials,
    /// WorkOSConfiguration, EnvFilePlan) so status and build cannot disagree. Computes; never sends or writes.
    /// </summary>
    internal sealed class DeploymentForecast
    {
        private readonly AuthKitDecision _decision;
        private readonly AuthKitEnvironmentConfig _dev;
        private readonly BuildEnvironment _environment;
        private readonly DeploymentSelection _selection;
        private readonly DeploymentFacts? _facts;
        private readonly BuildSettings _settings;
        private readonly WorkOSCredentials? _credentials;

        public DeploymentForecast(AuthKitDecision decision, BuildEnvironment environment, DeploymentSelection selection, DeploymentFacts? facts, BuildSettings settings)
        {
            _decision = decision;
            _dev = decision.Dev!;
            _environment = environment;
            _selection = selection;
            _facts = facts;
            _settings = settings;
            _credentials = facts?.Variables != null ? WorkOSCredentials.Resolve(facts.Variables, environment) : null;
        }

        public string ClientIdText()
        {
            if (_credentials?.ClientId != null)
                return $"{_credentials.ClientId} (from {_environment.DescribeSource(WorkOSCredentials.ClientIdName) ?? "the deployment"})";
            if (_environment.Get(WorkOSCredentials.ClientIdName) is { } fromEnvironment)
                return $"{fromEnvironment} (from {_environment.DescribeSource(WorkOSCredentials.ClientIdName)})";
            var fromEnvFile = EnvFileEntries.ClientIdFromEnvFile(_dev, _environment);
            if (_facts?.Variables != null) return "none yet: the deployment has no WorkOS environment";
            return fromEnvFile != null ? fromEnvFile + ", not checked against the deployment" : "unknown (the deployment was not read)";
        }

        /// <summary>The redirect URIs, CORS origins and homepage convex.json (or the framework defaults) asks for.</summary>
        public void DescribeWorkOSSettings(StatusBlock block)
        {
            if (_dev.Configure == null || _dev.ConfigureDisabled)
            {
                block.Add("WorkOS settings", "none (authKit.dev.configure is absent or false)");
                return;
            }
            WorkOSConfiguration workOS;
            try
            {
                workOS = WorkOSConfiguration.Resolve(_dev, KnownOrPlaceholderCredentials(), _environment.GetRaw);
            }
            catch (ProvisioningException e)
            {
                block.Add("WorkOS settings", $"cannot be resolved: {e.Message}");
                return;
            }
            block.Add("redirect URIs", Join(workOS, WorkOSSettingKind.RedirectUri));
            block.Add("CORS origins", Join(workOS, WorkOSSettingKind.CorsOrigin));
            block.Add("homepage", Join(workOS, WorkOSSettingKind.AppHomepageUrl));
        }

        /// <summary>The next build's work, in words, and whether it changes anything.</summary>
        public (string Outcome, bool ChangesSomething) Plan()
        {
            var variables = _facts!.Variables!;
            var actions = new List<string>();
            var credentials = _credentials!;
            IReadOnlyList<EnvironmentVariableChange> variableWrites;
            var fresh = !credentials.Complete;
            try
            {
                if (!fresh)
                {
                    credentials.EnsureMatches(variables, _environment);
                    variableWrites = credentials.GapsIn(variables);
                }
                else
                {
                    var refusal = ProvisioningRefusal();
                    if (refusal != null) return (refusal, true);
                    if (_facts.Team != null && !_facts.Team.HasAssociatedWorkOSTeam)
                        actions.Add($"create the Convex team's WorkOS team (admin {_settings.WorkOSTeamEmail})");
                    actions.Add($"provision the AuthKit environment of deployment {_selection.DeploymentName} (or reuse the one Convex already has for it)");
                    credentials = WorkOSCredentials.Placeholders();
                    variableWrites = credentials.AllThree();
                }
                if (variableWrites.Count > 0) actions.Add($"set {string.Join(", ", variableWrites.Select(v => v.Name))} on the deployment");

                var workOS = WorkOSConfiguration.Resolve(_dev, credentials, _environment.GetRaw);
                var envFile = _dev.LocalEnvVars != null && !_dev.LocalEnvVarsDisabled
                    ? EnvFilePlan.Create(_dev, _decision.WantsCookiePassword, credentials, _environment)
                    : null;
                if (!workOS.IsEmpty && (fresh || actions.Count > 0 || envFile?.Changes.Count > 0))
                    actions.Add($"register the {workOS.Settings.Count} WorkOS setting{(workOS.Settings.Count == 1 ? "" : "s")} with WorkOS");
                if (envFile != null && envFile.Changes.Count > 0)
                    actions.Add($"write {string.Join(", ", envFile.Changes.Select(c => c.Name))} to {envFile.DisplayName}");
                return actions.Count == 0
                    ? (NextBuildForecast.NothingToChange(workOS.Settings.Count), false)
                    : (NextBuildForecast.Work(actions), true);
            }
            catch (ProvisioningException e)
            {
                return (NextBuildForecast.Fails(e.Diagnostic, _settings.FailOnError, e.Message), true);
            }
        }

        /// <summary>Why the build could not provision here (deploy key, WorkOS disabled, no WorkOS team), or null.</summary>
        private string? ProvisioningRefusal()
        {
            if (_selection.Kind == DeploymentSelectionKind.DevDeployKey)
                return NextBuildForecast.Fails(Diagnostics.DeployKeyCannotProvision, _settings.FailOnError,
                    "the deployment has no WorkOS credentials, and a deploy key cannot provision them");
            var team = _facts!.Team;
            if (team == null) return null;
            if (team.Disabled)
                return NextBuildForecast.Fails(Diagnostics.WorkOSProvisioningDisabled, _settings.FailOnError, "the Convex team chose not to connect WorkOS");
            if (!team.HasAssociatedWorkOSTeam && (_settings.WorkOSTeamEmail == null || !_settings.AcceptWorkOSTerms))
                return NextBuildForecast.Fails(Diagnostics.WorkOSTeamNotAssociated, _settings.FailOnError,
                    "the Convex team has no WorkOS team yet; set ConvexAuthKitWorkOSTeamEmail and ConvexAuthKitAcceptWorkOSTerms=true, or run `npx convex dev` once");
            return null;
        }

        private WorkOSCredentials KnownOrPlaceholderCredentials() =>
            _credentials != null && _credentials.Complete ? _credentials : WorkOSCredentials.Placeholders();

        private static string Join(WorkOSConfiguration workOS, WorkOSSettingKind kind)
        {
            var values = workOS.Settings.Where(s => s.Kind == kind).Select(s => s.Value).ToList();
            return values.Count == 0 ? "none" : string.Join(", ", values);
        }
    }
}
