using System.Text.RegularExpressions;
using Convex.AuthKit.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Sandbox.Services;

/// <summary>Big Brain: login check and the deployment endpoints (docs/protocol.md#authentication, docs/protocol.md#big-brain-endpoints). WorkOS endpoints: BigBrainWorkOS.</summary>
internal sealed class BigBrainService
{
    private static readonly Regex TeamAndProjectPath = new Regex("^/api/deployment/([^/]+)/team_and_project$", RegexOptions.CultureInvariant);

    private readonly SandboxState state;
    private readonly Func<string> deploymentOrigin;
    private readonly BigBrainWorkOS workOS;

    public BigBrainService(SandboxState state, Func<string> deploymentOrigin)
    {
        this.state = state;
        this.deploymentOrigin = deploymentOrigin;
        workOS = new BigBrainWorkOS(state);
    }

    public SandboxReply Handle(SandboxCall call)
    {
        var path = call.Path;
        var teamAndProject = TeamAndProjectPath.Match(path);
        if (path == "/api/authorize") return Only(call, "HEAD", () => Authorize(call));
        if (path == "/api/check_opt_ins") return Only(call, "POST", () => Authenticated(call, CheckOptIns));
        if (path == "/api/deployment/authorize_within_current_project")
            return Only(call, "POST", () => Authenticated(call, AuthorizeWithinCurrentProject));
        if (path == "/api/deployment/url_for_key") return Only(call, "POST", () => Authenticated(call, UrlForKey));
        if (path == "/api/deployment/team_and_project_for_key") return Only(call, "POST", () => Authenticated(call, TeamAndProjectForKey));
        if (teamAndProject.Success)
            return Only(call, "GET", () => Authenticated(call, c => TeamAndProject(c, Uri.UnescapeDataString(teamAndProject.Groups[1].Value))));
        if (BigBrainWorkOS.Serves(path)) return workOS.Handle(call);
        return SandboxReply.Error(404, "NotFound", "No route for " + call.Method + " " + path);
    }

    internal static SandboxReply Only(SandboxCall call, string method, Func<SandboxReply> handler) =>
        call.Method == method
            ? handler()
            : SandboxReply.Error(405, "MethodNotAllowed", $"{call.Method} is not allowed on {call.Path}; use {method}.");

    /// <summary>Runs the handler for a known access token or deploy key; answers 401 otherwise.</summary>
    internal static SandboxReply Authenticated(SandboxCall call, Func<SandboxCall, SandboxReply> handler)
    {
        switch (call.Credential.Kind)
        {
            case SandboxAuthKind.AccessToken:
            case SandboxAuthKind.DeployKey:
                return handler(call);
            case SandboxAuthKind.None:
                return SandboxReply.Error(401, "MissingAccessToken",
                    "This endpoint requires authentication: send Authorization: Bearer <access token or deploy key>.");
            case SandboxAuthKind.Malformed:
                return SandboxReply.Error(401, "UnexpectedAuthHeaderFormat", "Expected the Authorization header to be \"Bearer <token>\".");
            default:
                return SandboxReply.Error(401, "BadAuthToken", "The access token or deploy key is invalid or has expired.");
        }
    }

    /// <summary>The answer a deploy key gets from endpoints that need a user's access token.</summary>
    internal static SandboxReply DeployKeyRefused(string what) =>
        SandboxReply.Error(403, "NotAllowed", $"You do not have permission to perform this operation: {what} is not allowed with a deploy key.");

    internal static SandboxReply BadRequest(string message) => SandboxReply.Error(400, "InvalidRequest", message);

    /// <summary>null when the caller may act on the deployment, else the not-found / forbidden answer.</summary>
    internal static SandboxReply? Access(SandboxState state, SandboxCall call, string deploymentName, out SandboxDeployment? deployment)
    {
        deployment = state.Deployments.FirstOrDefault(d => d.Name == deploymentName);
        if (deployment == null) return SandboxReply.Error(404, "DeploymentNotFound", $"Deployment '{deploymentName}' not found.");
        var credential = call.Credential;
        if (credential.Kind == SandboxAuthKind.DeployKey)
            return credential.Deployment == deployment ? null : DeployKeyRefused("acting on another deployment");
        var project = ProjectOf(state, deployment);
        if (credential.AccessToken == null || !credential.AccessToken.TeamIds.Contains(project.TeamId))
            return SandboxReply.Error(404, "ProjectNotFound", $"You don't have access to the project of deployment '{deploymentName}'.");
        return null;
    }

    internal static SandboxProject ProjectOf(SandboxState state, SandboxDeployment deployment) =>
        state.Projects.First(p => p.Id == deployment.ProjectId);

    internal static string? StringField(JObject? body, string name) =>
        body?[name] is JValue { Type: JTokenType.String } value ? (string?)value : null;

    private static SandboxReply Authorize(SandboxCall call) =>
        call.Credential.Kind is SandboxAuthKind.AccessToken or SandboxAuthKind.DeployKey
            ? SandboxReply.Empty(200)
            : SandboxReply.Empty(401);

    private SandboxReply CheckOptIns(SandboxCall call) =>
        call.Credential.Kind == SandboxAuthKind.DeployKey
            ? DeployKeyRefused("checking opt-ins")
            : SandboxReply.Json(200, new JObject { ["optInsToAccept"] = new JArray() });

    private SandboxReply AuthorizeWithinCurrentProject(SandboxCall call)
    {
        if (call.Credential.Kind == SandboxAuthKind.DeployKey) return DeployKeyRefused("authorizing a deployment");
        var body = call.JsonObject();
        var name = StringField(body, "selectedDeploymentName");
        if (name == null) return BadRequest("The body needs selectedDeploymentName (a string).");
        if (body!["projectSelection"] is not JObject selection) return BadRequest("The body needs projectSelection (an object).");
        var selectedName = StringField(selection, "deploymentName");
        if (selectedName != null && selectedName != name)
            return BadRequest("projectSelection.deploymentName differs from selectedDeploymentName.");
        var denied = Access(state, call, name, out var deployment);
        if (denied != null) return denied;
        return SandboxReply.Json(200, new JObject
        {
            ["deploymentName"] = deployment!.Name,
            ["adminKey"] = deployment.AdminKey,
            ["url"] = deploymentOrigin(),
            ["deploymentType"] = deployment.Type,
            ["reference"] = deployment.Reference,
            ["isDefault"] = deployment.IsDefault,
        });
    }

    private SandboxDeployment? DeploymentForKey(SandboxCall call, out SandboxReply? failure)
    {
        failure = null;
        var key = StringField(call.JsonObject(), "deployKey");
        if (key == null)
        {
            failure = BadRequest("The body needs deployKey (a string).");
            return null;
        }
        var deployment = state.Deployments.FirstOrDefault(d => d.DeployKey == key);
        if (deployment == null) failure = SandboxReply.Error(404, "DeploymentNotFound", "No deployment has this deploy key.");
        else if (call.Credential.Kind == SandboxAuthKind.DeployKey && call.Credential.Deployment != deployment)
            failure = DeployKeyRefused("looking up another deployment's key");
        return failure == null ? deployment : null;
    }

    private SandboxReply UrlForKey(SandboxCall call)
    {
        var deployment = DeploymentForKey(call, out var failure);
        return failure ?? SandboxReply.Json(200, new JValue(deploymentOrigin()));
    }

    private SandboxReply TeamAndProjectForKey(SandboxCall call)
    {
        var deployment = DeploymentForKey(call, out var failure);
        if (failure != null) return failure;
        var json = TeamAndProjectJson(deployment!);
        json["reference"] = deployment!.Reference;
        json["isDefault"] = deployment.IsDefault;
        return SandboxReply.Json(200, json);
    }

    private SandboxReply TeamAndProject(SandboxCall call, string name)
    {
        var denied = Access(state, call, name, out var deployment);
        return denied ?? SandboxReply.Json(200, TeamAndProjectJson(deployment!));
    }

    private JObject TeamAndProjectJson(SandboxDeployment deployment)
    {
        var project = ProjectOf(state, deployment);
        var team = state.Team(project.TeamId);
        return new JObject { ["team"] = team.Slug, ["project"] = project.Slug, ["teamId"] = team.Id, ["projectId"] = project.Id };
    }
}
