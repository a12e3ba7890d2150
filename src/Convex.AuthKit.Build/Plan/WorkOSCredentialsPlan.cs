using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Plan;

/// <summary>
/// The WorkOS credentials a dev deployment needs (docs/protocol.md#reference-flow): client ID and environment ID from the build
/// environment first, then the deployment; the API key only ever from the deployment. Then what the deployment
/// must be told, or why it cannot be.
/// </summary>
internal static class WorkOSCredentialsPlan
{
    /// <summary>Stand-ins for an environment not provisioned yet (dry run, status): nothing can be compared with them.</summary>
    public static readonly WorkOSCredentials Placeholders =
        new("<client ID of the new environment>", "<API key of the new environment>", "<ID of the new environment>");

    public static WorkOSCredentials Resolve(IReadOnlyDictionary<string, string> deploymentVariables, BuildEnvironment environment) =>
        new(
            environment.Get(WorkOSCredentials.ClientIdName) ?? Value(deploymentVariables, WorkOSCredentials.ClientIdName),
            Value(deploymentVariables, WorkOSCredentials.ApiKeyName),
            environment.Get(WorkOSCredentials.EnvironmentIdName) ?? Value(deploymentVariables, WorkOSCredentials.EnvironmentIdName));

    /// <summary>
    /// docs/protocol.md#reference-flow: a deployment value that differs from what the build needs is an error with the CLI's wording;
    /// docs/architecture.md#env-file-edits adds the env-file line to delete when that is where the conflicting value comes from.
    /// </summary>
    public static Refusal? Mismatch(WorkOSCredentials needed, IReadOnlyDictionary<string, string> deploymentVariables, BuildEnvironment environment)
    {
        var lines = new List<string>();
        var deploymentClientId = Value(deploymentVariables, WorkOSCredentials.ClientIdName);
        var clientIdDiffers = deploymentClientId != null && deploymentClientId != needed.ClientId;
        if (clientIdDiffers)
            lines.Add($"  {WorkOSCredentials.ClientIdName}: deployment has '{deploymentClientId}' but we need '{needed.ClientId}'");
        var deploymentApiKey = Value(deploymentVariables, WorkOSCredentials.ApiKeyName);
        if (deploymentApiKey != null && deploymentApiKey != needed.ApiKey)
            lines.Add($"  {WorkOSCredentials.ApiKeyName}: deployment has different value than what we need");
        var deploymentEnvironmentId = Value(deploymentVariables, WorkOSCredentials.EnvironmentIdName);
        var environmentIdDiffers = deploymentEnvironmentId != null && needed.EnvironmentId != null && deploymentEnvironmentId != needed.EnvironmentId;
        if (environmentIdDiffers)
            lines.Add($"  {WorkOSCredentials.EnvironmentIdName}: deployment has '{deploymentEnvironmentId}' but we need '{needed.EnvironmentId}'");
        if (lines.Count == 0) return null;

        var message = "WorkOS environment variable mismatch detected! Remove the conflicting WORKOS_* variables from the deployment (npx convex env remove ...) and build again.\n\n"
            + "The following environment variables in your Convex deployment don't match what's needed:\n"
            + string.Join("\n", lines) + "\n\n"
            + "This would cause your auth configuration to use different credentials at runtime than during build.\n\n"
            + "To fix this, remove the conflicting environment variables from your deployment:\n"
            + "  npx convex env remove WORKOS_CLIENT_ID\n  npx convex env remove WORKOS_API_KEY\n  npx convex env remove WORKOS_ENVIRONMENT_ID\n\n"
            + "Or remove them from the Convex dashboard deployment settings.\n\n"
            + "Then run your deployment command again."
            + EnvFileHint(environment, clientIdDiffers ? WorkOSCredentials.ClientIdName : null)
            + EnvFileHint(environment, environmentIdDiffers ? WorkOSCredentials.EnvironmentIdName : null);
        return new Refusal(Diagnostics.WorkOSVariableMismatch, message);
    }

    /// <summary>docs/protocol.md#reference-flow: what the deployment lacks and the build has, in the CLI's order.</summary>
    public static IReadOnlyList<EnvironmentVariableChange> GapsIn(WorkOSCredentials credentials, IReadOnlyDictionary<string, string> deploymentVariables)
    {
        var changes = new List<EnvironmentVariableChange>();
        void Fill(string name, string? value)
        {
            if (value != null && Value(deploymentVariables, name) == null) changes.Add(new EnvironmentVariableChange(name, value));
        }
        Fill(WorkOSCredentials.ClientIdName, credentials.ClientId);
        Fill(WorkOSCredentials.ApiKeyName, credentials.ApiKey);
        Fill(WorkOSCredentials.EnvironmentIdName, credentials.EnvironmentId);
        return changes;
    }

    /// <summary>docs/protocol.md#reference-flow: the three variables of a provisioned environment, in the CLI's order.</summary>
    public static IReadOnlyList<EnvironmentVariableChange> AllOf(WorkOSCredentials credentials) => new[]
    {
        new EnvironmentVariableChange(WorkOSCredentials.ClientIdName, credentials.ClientId),
        new EnvironmentVariableChange(WorkOSCredentials.EnvironmentIdName, credentials.EnvironmentId),
        new EnvironmentVariableChange(WorkOSCredentials.ApiKeyName, credentials.ApiKey),
    }.Where(c => c.Value != null).ToList();

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
