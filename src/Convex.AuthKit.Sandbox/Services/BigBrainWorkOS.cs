using System.Globalization;
using System.Text.RegularExpressions;
using Convex.AuthKit.Sandbox.Hosting;
using Newtonsoft.Json.Linq;
using static Convex.AuthKit.Sandbox.Services.BigBrainService;

namespace Convex.AuthKit.Sandbox.Services;

/// <summary>
/// Big Brain's /api/workos/* endpoints and the two health reads (docs/protocol.md#big-brain-endpoints). Deploy keys are
/// refused (403 NotAllowed).
/// </summary>
internal sealed class BigBrainWorkOS
{
    private static readonly Regex EnvironmentHealthPath = new Regex("^/api/deployments/([^/]+)/workos_environment_health$", RegexOptions.CultureInvariant);
    private static readonly Regex TeamHealthPath = new Regex("^/api/teams/([^/]+)/workos_team_health$", RegexOptions.CultureInvariant);

    private readonly SandboxState state;

    public BigBrainWorkOS(SandboxState state) => this.state = state;

    /// <summary>Whether this service answers the path (the /api/workos/* ones and the two health reads).</summary>
    public static bool Serves(string path) =>
        path.StartsWith("/api/workos/", StringComparison.Ordinal) || EnvironmentHealthPath.IsMatch(path) || TeamHealthPath.IsMatch(path);

    public SandboxReply Handle(SandboxCall call)
    {
        var environmentHealth = EnvironmentHealthPath.Match(call.Path);
        if (environmentHealth.Success)
            return Only(call, "GET", () => ForUsers(call, c => EnvironmentHealth(c, Uri.UnescapeDataString(environmentHealth.Groups[1].Value))));
        var teamHealth = TeamHealthPath.Match(call.Path);
        if (teamHealth.Success)
            return Only(call, "GET", () => ForUsers(call, c => TeamHealth(c, Uri.UnescapeDataString(teamHealth.Groups[1].Value))));
        switch (call.Path)
        {
            case "/api/workos/has_associated_workos_team":
                return Only(call, "POST", () => ForUsers(call, HasAssociatedTeam));
            case "/api/workos/get_or_provision_workos_environment":
                return Only(call, "POST", () => ForUsers(call, GetOrProvisionEnvironment));
            case "/api/workos/available_workos_team_emails":
                return Only(call, "GET", () => ForUsers(call, AvailableEmails));
            case "/api/workos/provision_associated_workos_team":
                return Only(call, "POST", () => ForUsers(call, ProvisionTeam));
            default:
                return SandboxReply.Error(404, "NotFound", "No route for " + call.Method + " " + call.Path);
        }
    }

    private static SandboxReply ForUsers(SandboxCall call, Func<SandboxCall, SandboxReply> handler) =>
        Authenticated(call, c => c.Credential.Kind == SandboxAuthKind.DeployKey
            ? DeployKeyRefused("managing the WorkOS integration")
            : handler(c));

    private SandboxReply? DeploymentFromBody(SandboxCall call, out SandboxDeployment? deployment, out JObject? body)
    {
        deployment = null;
        body = call.JsonObject();
        var name = StringField(body, "deploymentName");
        if (name == null) return BadRequest("The body needs deploymentName (a string).");
        return Access(state, call, name, out deployment);
    }

    private SandboxTeam TeamOf(SandboxDeployment deployment) => state.Team(ProjectOf(state, deployment).TeamId);

    private SandboxReply HasAssociatedTeam(SandboxCall call)
    {
        var failure = DeploymentFromBody(call, out var deployment, out _);
        if (failure != null) return failure;
        var team = TeamOf(deployment!);
        var json = new JObject
        {
            ["hasAssociatedWorkosTeam"] = team.WorkosTeam != null,
            ["teamId"] = team.Id,
            ["adminEmail"] = team.WorkosTeam?.AdminEmail,
            ["adminName"] = team.AdminName,
            ["adminConvexEmail"] = team.AdminConvexEmail,
        };
        // Not in the OpenAPI schema; the CLI reads it when present (docs/protocol.md#big-brain-endpoints).
        if (team.Disabled) json["disabled"] = true;
        return SandboxReply.Json(200, json);
    }

    private SandboxReply GetOrProvisionEnvironment(SandboxCall call)
    {
        var failure = DeploymentFromBody(call, out var deployment, out var body);
        if (failure != null) return failure;
        var production = RequestedProduction(body!, out var typeProblem);
        if (typeProblem != null) return BadRequest(typeProblem);
        var team = TeamOf(deployment!);
        state.Counters.GetOrProvisionCalls++;
        if (team.WorkosTeam == null)
            return SandboxReply.Error(400, "WorkOSTeamNotProvisioned",
                $"Team '{team.Slug}' has no provisioned WorkOS team. Create one with provision_associated_workos_team first.");
        if (team.Disabled)
            return SandboxReply.Error(400, "WorkOSIntegrationDisabled", $"Team '{team.Slug}' chose not to use the WorkOS integration.");

        var environment = state.EnvironmentFor(deployment!.Name);
        var newlyProvisioned = environment == null;
        if (environment == null)
        {
            environment = new SandboxWorkOSEnvironment
            {
                DeploymentName = deployment.Name,
                Id = "environment_" + SandboxIds.Ulid(),
                Name = StringField(body, "environmentName") ?? deployment.Name,
                ClientId = "client_" + SandboxIds.Ulid(),
                ApiKey = SandboxIds.WorkOSApiKey(production),
                IsProduction = production,
            };
            state.WorkosEnvironments.Add(environment);
            state.Counters.EnvironmentsProvisioned++;
        }
        return SandboxReply.Json(200, new JObject
        {
            ["environmentId"] = environment.Id,
            ["environmentName"] = environment.Name,
            ["clientId"] = environment.ClientId,
            ["apiKey"] = environment.ApiKey,
            ["newlyProvisioned"] = newlyProvisioned,
        });
    }

    /// <summary>Both body forms: the CLI's environmentType, and the OpenAPI's isProduction (docs/protocol.md#big-brain-endpoints).</summary>
    private static bool RequestedProduction(JObject body, out string? problem)
    {
        problem = null;
        bool? fromType = null;
        var typeToken = body["environmentType"];
        if (typeToken != null && typeToken.Type != JTokenType.Null)
        {
            var type = typeToken.Type == JTokenType.String ? (string?)typeToken : null;
            if (type == "production") fromType = true;
            else if (type == "nonproduction") fromType = false;
            else problem = "environmentType must be \"production\" or \"nonproduction\".";
        }
        bool? fromFlag = null;
        var flagToken = body["isProduction"];
        if (flagToken != null && flagToken.Type != JTokenType.Null)
        {
            if (flagToken.Type == JTokenType.Boolean) fromFlag = (bool)flagToken;
            else problem = "isProduction must be a boolean or null.";
        }
        var nameToken = body["environmentName"];
        if (nameToken != null && nameToken.Type != JTokenType.Null && nameToken.Type != JTokenType.String)
            problem = "environmentName must be a string or null.";
        if (fromType != null && fromFlag != null && fromType != fromFlag)
            problem = "environmentType and isProduction disagree.";
        return fromType ?? fromFlag ?? false;
    }

    /// <summary>The deployment's environment as <c>{id, name, clientId}</c>; 404 <c>WorkOSEnvironmentNotProvisioned</c> when it has none (or it was deleted).</summary>
    private SandboxReply EnvironmentHealth(SandboxCall call, string deploymentName)
    {
        var denied = Access(state, call, deploymentName, out var deployment);
        if (denied != null) return denied;
        var environment = state.EnvironmentFor(deployment!.Name);
        if (environment == null)
            return SandboxReply.Error(404, "WorkOSEnvironmentNotProvisioned", $"No WorkOS environment is provisioned for deployment '{deployment.Name}'.");
        return SandboxReply.Json(200, new JObject { ["id"] = environment.Id, ["name"] = environment.Name, ["clientId"] = environment.ClientId });
    }

    /// <summary><c>{teamProvisioned, teamInfo: {id, name, productionState} | null}</c> for a team the access token belongs to.</summary>
    private SandboxReply TeamHealth(SandboxCall call, string teamIdText)
    {
        if (!long.TryParse(teamIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var teamId))
            return BadRequest($"'{teamIdText}' is not a team id (an integer).");
        var team = TeamsOf(call.Credential.AccessToken!).FirstOrDefault(t => t.Id == teamId);
        if (team == null) return SandboxReply.Error(404, "TeamNotFound", $"Team {teamId} not found.");
        var workosTeam = team.WorkosTeam;
        return SandboxReply.Json(200, new JObject
        {
            ["teamProvisioned"] = workosTeam != null,
            ["teamInfo"] = workosTeam == null
                ? JValue.CreateNull()
                : new JObject { ["id"] = workosTeam.Id, ["name"] = workosTeam.Name, ["productionState"] = workosTeam.ProductionState },
        });
    }

    private IEnumerable<SandboxTeam> TeamsOf(SandboxAccessToken token) => state.Teams.Where(t => token.TeamIds.Contains(t.Id));

    private SandboxReply AvailableEmails(SandboxCall call)
    {
        var teams = TeamsOf(call.Credential.AccessToken!).ToList();
        return SandboxReply.Json(200, new JObject
        {
            ["availableEmails"] = new JArray(teams.SelectMany(t => t.AvailableEmails).Distinct().Cast<object>().ToArray()),
            ["usedEmails"] = new JArray(teams.SelectMany(t => t.UsedEmails).Distinct().Cast<object>().ToArray()),
        });
    }

    private SandboxReply ProvisionTeam(SandboxCall call)
    {
        var body = call.JsonObject();
        var teamIdToken = body?["teamId"];
        var email = StringField(body, "email");
        if (teamIdToken?.Type != JTokenType.Integer || email == null)
            return BadRequest("The body needs teamId (an integer) and email (a string).");
        var team = TeamsOf(call.Credential.AccessToken!).FirstOrDefault(t => t.Id == (long)teamIdToken);
        if (team == null) return SandboxReply.Error(404, "TeamNotFound", $"Team {(long)teamIdToken} not found.");
        if (team.WorkosTeam != null)
            return SandboxReply.Error(400, "WorkOSTeamAlreadyProvisioned", $"Team '{team.Slug}' already has a WorkOS team.");
        if (team.UsedEmails.Contains(email))
            return SandboxReply.Error(400, "WorkosAccountAlreadyExistsWithThisEmail",
                $"A WorkOS account with the email {email} already exists. Choose another email.");
        if (!team.AvailableEmails.Contains(email))
            return SandboxReply.Error(400, "InvalidEmail", $"{email} is not a verified email of your Convex account.");

        team.WorkosTeam = new SandboxWorkOSTeam { Id = "org_" + SandboxIds.Ulid(), Name = team.Slug, AdminEmail = email };
        team.AvailableEmails.Remove(email);
        team.UsedEmails.Add(email);
        state.Counters.WorkOSTeamsProvisioned++;
        return SandboxReply.Json(200, new JObject
        {
            ["workosTeamId"] = team.WorkosTeam.Id,
            ["workosTeamName"] = team.WorkosTeam.Name,
            ["adminEmail"] = email,
        });
    }
}
