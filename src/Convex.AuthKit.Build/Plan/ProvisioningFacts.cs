using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Selection;

namespace Convex.AuthKit.Build.Plan;

/// <summary>
/// What the plan is decided from (docs/architecture.md#the-provisioning-plan): the selected deployment and its variables (round trips 1
/// and 2), the team question's answer, the team-creation settings, the dev section of convex.json, the build
/// environment and the env file's text. Gathered in one place (<c>LocalFacts.PlanFacts</c>) for the build, the dry
/// run and the status; every member is a constructor parameter, so a new fact cannot be left out there.
/// </summary>
/// <param name="Team">The answer of round trip 1's team question; null when it was not asked (a deploy key) or did not come back.</param>
/// <param name="EnvFile">The env file's text, when the configuration writes it.</param>
/// <param name="AuthKitComponentFile">The file of the auth config's import closure that uses the WorkOS AuthKit component; null when it is not in use.</param>
/// <param name="Webhook">The component's webhook facts; null when the component is not in use.</param>
/// <param name="Provisioned">The environment this run provisioned (round trip 3): its credentials replace the deployment's.</param>
/// <param name="Written">What the build last wrote to the env file's lines and as the WorkOS homepage (docs/architecture.md#lines-the-build-wrote).</param>
/// <param name="WorkOSEnvironmentGone">
/// WorkOS no longer has the environment the deployment's WORKOS_* variables belong to, so it rejects their API key. Only
/// the status asks (a health read the build never spends a request on); false when not asked.
/// </param>
internal sealed record ProvisioningFacts(
    DeploymentSelection Selection,
    IReadOnlyDictionary<string, string> DeploymentVariables,
    WorkOSTeamAssociation? Team,
    WorkOSTeamSettings TeamSettings,
    AuthKitEnvironmentConfig Dev,
    bool WantsCookiePassword,
    BuildEnvironment Environment,
    EnvFileSnapshot? EnvFile,
    string? AuthKitComponentFile,
    WebhookFacts? Webhook,
    ProvisionedEnvironment? Provisioned,
    bool WorkOSEnvironmentGone,
    BuildWrites Written);

/// <summary>ConvexAuthKitWorkOSTeamEmail and ConvexAuthKitAcceptWorkOSTerms: whether the build may create the Convex team's WorkOS team.</summary>
internal sealed record WorkOSTeamSettings(string? AdminEmail, bool AcceptsTerms)
{
    public bool AllowTeamCreation => AdminEmail != null && AcceptsTerms;
}
