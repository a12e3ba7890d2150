using System.Collections.Generic;
using System.Linq;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;

namespace Convex.AuthKit.Build.Provisioning
{
    /// <summary>
    /// The WorkOS credentials a dev deployment needs (docs/protocol.md#reference-flow): client ID and environment ID from the build
    /// environment first, then the deployment; the API key only ever from the deployment.
    /// </summary>
    public sealed class WorkOSCredentials
    {
        public const string ClientIdName = "WORKOS_CLIENT_ID";
        public const string ApiKeyName = "WORKOS_API_KEY";
        public const string EnvironmentIdName = "WORKOS_ENVIRONMENT_ID";

        private WorkOSCredentials(string? clientId, string? apiKey, string? environmentId, bool arePlaceholders = false)
        {
            ClientId = clientId;
            ApiKey = apiKey;
            EnvironmentId = environmentId;
            ArePlaceholders = arePlaceholders;
        }

        public string? ClientId { get; }
        public string? ApiKey { get; }
        public string? EnvironmentId { get; }
        public bool Complete => ClientId != null && ApiKey != null;

        /// <summary>Stand-ins for an environment not provisioned yet (dry run, status): nothing can be compared with them.</summary>
        public bool ArePlaceholders { get; }

        public static WorkOSCredentials Resolve(IReadOnlyDictionary<string, string> deploymentVariables, BuildEnvironment environment) =>
            new WorkOSCredentials(
                environment.Get(ClientIdName) ?? Value(deploymentVariables, ClientIdName),
                Value(deploymentVariables, ApiKeyName),
                environment.Get(EnvironmentIdName) ?? Value(deploymentVariables, EnvironmentIdName));

        /// <summary>After provisioning the CLI re-reads the deployment: the new environment's values replace everything.</summary>
        public static WorkOSCredentials From(ProvisionedEnvironment environment) =>
            new WorkOSCredentials(environment.ClientId, environment.ApiKey, environment.EnvironmentId);

        /// <summary>
        /// docs/protocol.md#reference-flow: a deployment value that differs from what the build needs is an error with the CLI's wording;
        /// docs/architecture.md#env-file-edits adds the env-file line to delete when that is where the conflicting value comes from.
        /// </summary>
        public void EnsureMatches(IReadOnlyDictionary<string, string> deploymentVariables, BuildEnvironment environment)
        {
            var lines = new List<string>();
            var deploymentClientId = Value(deploymentVariables, ClientIdName);
            if (deploymentClientId != null && deploymentClientId != ClientId)
                lines.Add($"  {ClientIdName}: deployment has '{deploymentClientId}' but we need '{ClientId}'");
            var deploymentApiKey = Value(deploymentVariables, ApiKeyName);
            if (deploymentApiKey != null && deploymentApiKey != ApiKey)
                lines.Add($"  {ApiKeyName}: deployment has different value than what we need");
            var deploymentEnvironmentId = Value(deploymentVariables, EnvironmentIdName);
            if (deploymentEnvironmentId != null && EnvironmentId != null && deploymentEnvironmentId != EnvironmentId)
                lines.Add($"  {EnvironmentIdName}: deployment has '{deploymentEnvironmentId}' but we need '{EnvironmentId}'");
            if (lines.Count == 0) return;

            var message = "WorkOS environment variable mismatch detected!\n\n"
                + "The following environment variables in your Convex deployment don't match what's needed:\n"
                + string.Join("\n", lines) + "\n\n"
                + "This would cause your auth configuration to use different credentials at runtime than during build.\n\n"
                + "To fix this, remove the conflicting environment variables from your deployment:\n"
                + "  npx convex env remove WORKOS_CLIENT_ID\n  npx convex env remove WORKOS_API_KEY\n  npx convex env remove WORKOS_ENVIRONMENT_ID\n\n"
                + "Or remove them from the Convex dashboard deployment settings.\n\n"
                + "Then run your deployment command again."
                + EnvFileHint(environment, deploymentClientId != null && deploymentClientId != ClientId ? ClientIdName : null)
                + EnvFileHint(environment, deploymentEnvironmentId != null && EnvironmentId != null && deploymentEnvironmentId != EnvironmentId ? EnvironmentIdName : null);
            throw new ProvisioningException(Diagnostics.WorkOSVariableMismatch, message);
        }

        /// <summary>Stand-ins for a dry run's plan, where the environment that would be provisioned does not exist yet.</summary>
        public static WorkOSCredentials Placeholders() =>
            new WorkOSCredentials("<client ID of the new environment>", "<API key of the new environment>", "<ID of the new environment>", arePlaceholders: true);

        /// <summary>docs/protocol.md#reference-flow: what the deployment lacks and the build has, in the CLI's order.</summary>
        public IReadOnlyList<EnvironmentVariableChange> GapsIn(IReadOnlyDictionary<string, string> deploymentVariables)
        {
            var changes = new List<EnvironmentVariableChange>();
            void Fill(string name, string? value)
            {
                if (value != null && Value(deploymentVariables, name) == null) changes.Add(new EnvironmentVariableChange(name, value));
            }
            Fill(ClientIdName, ClientId);
            Fill(ApiKeyName, ApiKey);
            Fill(EnvironmentIdName, EnvironmentId);
            return changes;
        }

        /// <summary>docs/protocol.md#reference-flow: the three variables of a provisioned environment, in the CLI's order.</summary>
        public IReadOnlyList<EnvironmentVariableChange> AllThree() => new[]
        {
            new EnvironmentVariableChange(ClientIdName, ClientId),
            new EnvironmentVariableChange(EnvironmentIdName, EnvironmentId),
            new EnvironmentVariableChange(ApiKeyName, ApiKey),
        }.Where(c => c.Value != null).ToList();

        public override string ToString() => $"client ID {ClientId ?? "(none)"}, environment ID {EnvironmentId ?? "(none)"}, API key {(ApiKey == null ? "(none)" : "***")}";

        private static string EnvFileHint(BuildEnvironment environment, string? name)
        {
            if (name == null || environment.SourceOf(name) == null) return "";
            return environment.SourceOf(name) == BuildEnvironmentSource.ProcessEnvironment
                ? $"\n\nThe {name} we need comes from the process environment: if it is left over from another deployment, unset it and build again."
                : $"\n\nThe {name} we need comes from {environment.DescribeSource(name)}: if it is left over from another deployment, delete the line {name}=... from {environment.DescribeSource(name)} and build again.";
        }

        private static string? Value(IReadOnlyDictionary<string, string> variables, string name) =>
            variables.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
    }
}
