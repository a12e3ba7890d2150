using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;

namespace Convex.AuthKit.Build.Status;

/// <summary>One health read: its answer, or the row text that says why there is none (<c>not checked (...)</c>, <c>unknown (...)</c>).</summary>
internal sealed record HealthRead<T>(T? Answer, string? Unavailable)
    where T : class
{
    public static HealthRead<T> Of(T answer) => new(answer, null);

    public static HealthRead<T> NotChecked(string why) => new(null, $"not checked ({why})");

    public static HealthRead<T> Unknown(string why) => new(null, $"unknown ({why})");
}

/// <summary>
/// Whether WorkOS still knows the deployment's environment, and the state of the team's WorkOS team
/// (docs/protocol.md#big-brain-endpoints). Facts only the status shows, carried beside the plan
/// (docs/architecture.md#the-provisioning-plan): each is one row, and a deleted environment adds the next step.
/// </summary>
internal sealed record WorkOSHealth(HealthRead<WorkOSEnvironmentHealth> Environment, HealthRead<WorkOSTeamHealth> Team)
{
    public const string EnvironmentLabel = "WorkOS environment";
    public const string TeamLabel = "WorkOS team state";
    public const string NextStepLabel = "next step";

    public const string RemoveVariablesCommand = "npx convex env remove WORKOS_CLIENT_ID WORKOS_API_KEY WORKOS_ENVIRONMENT_ID";

    public static WorkOSHealth NotChecked(string why) =>
        new(HealthRead<WorkOSEnvironmentHealth>.NotChecked(why), HealthRead<WorkOSTeamHealth>.NotChecked(why));

    /// <summary>
    /// WorkOS no longer has an environment for the deployment, while the deployment still holds WORKOS_* variables
    /// (of the environment that is gone). Needs the deployment's variables; false when they were not read.
    /// </summary>
    public bool EnvironmentDeleted(IReadOnlyDictionary<string, string>? deploymentVariables) =>
        Environment.Answer is { Exists: false } && deploymentVariables != null && AnyWorkOSVariable(deploymentVariables);

    /// <summary>The environment row: exists with the deployment's client ID, missing, or a different client ID.</summary>
    public string EnvironmentText(IReadOnlyDictionary<string, string>? deploymentVariables)
    {
        if (Environment.Unavailable != null) return Environment.Unavailable;
        var environment = Environment.Answer!;
        if (!environment.Exists)
        {
            if (deploymentVariables == null)
                return $"missing ({ConvexErrorCodes.WorkOSEnvironmentNotProvisioned}); the deployment's variables were not read";
            return AnyWorkOSVariable(deploymentVariables)
                ? $"missing: WorkOS no longer has the environment the deployment's WORKOS_* variables belong to ({ConvexErrorCodes.WorkOSEnvironmentNotProvisioned})"
                : "none yet: the deployment has no WorkOS environment";
        }
        var which = $"{environment.Name}, client ID {environment.ClientId}";
        if (deploymentVariables == null) return $"exists ({which}); not compared: the deployment's variables were not read";
        var deploymentClientId = Value(deploymentVariables, WorkOSCredentials.ClientIdName);
        if (deploymentClientId == null) return $"exists ({which}); the deployment has no {WorkOSCredentials.ClientIdName} yet";
        return deploymentClientId == environment.ClientId
            ? $"exists ({which}), the deployment's {WorkOSCredentials.ClientIdName}"
            : $"client ID differs: the environment ({environment.Name}) has {environment.ClientId}, but the deployment's {WorkOSCredentials.ClientIdName} is {deploymentClientId}";
    }

    /// <summary>The team row: its production state; inactive, suspended and deleting are problems.</summary>
    public string TeamText()
    {
        if (Team.Unavailable != null) return Team.Unavailable;
        var team = Team.Answer!;
        if (!team.TeamProvisioned) return "none: WorkOS has no team for the Convex team (teamProvisioned is false)";
        if (team.ProductionState == null) return "provisioned; WorkOS did not report its production state";
        var name = team.Name != null ? $"WorkOS team {team.Name}" : "the WorkOS team";
        return team.HasProblemState
            ? $"{team.ProductionState}: a problem, {name} is {team.ProductionState}; check it in the WorkOS dashboard"
            : $"{team.ProductionState} ({name})";
    }

    /// <summary>What to do about a deleted environment, or null when nothing is to be done.</summary>
    /// <param name="staleEnvFileEntries">Env-file entries holding values of the deleted environment, which the new one must replace.</param>
    public string? NextStep(IReadOnlyDictionary<string, string>? deploymentVariables, IReadOnlyList<string> staleEnvFileEntries, string envFileName)
    {
        if (!EnvironmentDeleted(deploymentVariables)) return null;
        var envFile = staleEnvFileEntries.Count == 0 ? "" : $", delete {string.Join(", ", staleEnvFileEntries)} from {envFileName}";
        return $"remove the three variables from the deployment (`{RemoveVariablesCommand}`){envFile}, then build with -p:ConvexAuthKitForce=true to provision a new environment";
    }

    private static bool AnyWorkOSVariable(IReadOnlyDictionary<string, string> variables) =>
        Value(variables, WorkOSCredentials.ClientIdName) != null || Value(variables, WorkOSCredentials.ApiKeyName) != null
        || Value(variables, WorkOSCredentials.EnvironmentIdName) != null;

    private static string? Value(IReadOnlyDictionary<string, string> variables, string name) =>
        variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
