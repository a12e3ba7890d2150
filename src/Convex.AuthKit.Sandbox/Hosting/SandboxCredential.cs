namespace Convex.AuthKit.Sandbox.Hosting;

/// <summary>The Authorization header, classified against the state. Never holds the raw credential for logging.</summary>
internal sealed class SandboxCredential
{
    public string? Scheme { get; }
    public SandboxAuthKind Kind { get; }
    public SandboxAccessToken? AccessToken { get; }
    /// <summary>For deploy keys and admin keys: the deployment they belong to.</summary>
    public SandboxDeployment? Deployment { get; }
    public SandboxWorkOSEnvironment? WorkOSEnvironment { get; }

    public SandboxCredential(string? scheme, SandboxAuthKind kind, SandboxAccessToken? accessToken = null,
        SandboxDeployment? deployment = null, SandboxWorkOSEnvironment? workOSEnvironment = null)
    {
        Scheme = scheme;
        Kind = kind;
        AccessToken = accessToken;
        Deployment = deployment;
        WorkOSEnvironment = workOSEnvironment;
    }

    public static SandboxCredential Classify(SandboxState state, SandboxService service, string? header)
    {
        if (string.IsNullOrEmpty(header)) return new SandboxCredential(null, SandboxAuthKind.None);
        var space = header!.IndexOf(' ');
        var scheme = space < 0 ? header : header.Substring(0, space);
        var value = space < 0 ? "" : header.Substring(space + 1).Trim();
        var expected = service == SandboxService.Deployment ? "Convex" : "Bearer";
        if (scheme != expected || value.Length == 0) return new SandboxCredential(scheme, SandboxAuthKind.Malformed);

        switch (service)
        {
            case SandboxService.BigBrain:
                foreach (var token in state.AccessTokens)
                    if (token.Token == value) return new SandboxCredential(scheme, SandboxAuthKind.AccessToken, accessToken: token);
                foreach (var deployment in state.Deployments)
                    if (deployment.DeployKey == value) return new SandboxCredential(scheme, SandboxAuthKind.DeployKey, deployment: deployment);
                break;
            case SandboxService.Deployment:
                foreach (var deployment in state.Deployments)
                {
                    if (deployment.AdminKey == value) return new SandboxCredential(scheme, SandboxAuthKind.AdminKey, deployment: deployment);
                    if (deployment.DeployKey == value) return new SandboxCredential(scheme, SandboxAuthKind.DeployKey, deployment: deployment);
                }
                break;
            case SandboxService.WorkOS:
                foreach (var environment in state.WorkosEnvironments)
                    if (environment.ApiKey == value && !environment.Deleted)
                        return new SandboxCredential(scheme, SandboxAuthKind.WorkOSApiKey, workOSEnvironment: environment);
                break;
        }
        return new SandboxCredential(scheme, SandboxAuthKind.Unknown);
    }
}
