using Convex.AuthKit.Sandbox.Services;

namespace Convex.AuthKit.Sandbox.Hosting;

/// <summary>The state and the three services. Every read and change of the state happens under one lock.</summary>
internal sealed class SandboxEngine
{
    private readonly object gate = new object();
    private readonly SandboxState state;
    private readonly BigBrainService bigBrain;
    private readonly DeploymentService deployment;
    private readonly WorkOSService workOS;

    public SandboxEngine(SandboxScenario scenario)
    {
        state = SandboxState.From(scenario);
        ScenarioValidator.CompleteAndValidate(state);
        bigBrain = new BigBrainService(state, () => DeploymentOrigin);
        deployment = new DeploymentService(state, () => DeploymentOrigin);
        workOS = new WorkOSService(state);
    }

    /// <summary>The origin of the deployment listener, e.g. http://127.0.0.1:41235 (no trailing slash).</summary>
    public string DeploymentOrigin { get; set; } = "";

    public SandboxCredential Classify(SandboxService service, string? authorization)
    {
        lock (gate) return SandboxCredential.Classify(state, service, authorization);
    }

    public SandboxReply Handle(SandboxCall call)
    {
        lock (gate)
        {
            return call.Service switch
            {
                SandboxService.BigBrain => bigBrain.Handle(call),
                SandboxService.Deployment => deployment.Handle(call),
                _ => workOS.Handle(call),
            };
        }
    }

    public SandboxState Snapshot()
    {
        lock (gate) return state.DeepCopy();
    }

    /// <summary>Every credential the state holds now (generated ones included), for masking the log.</summary>
    public IReadOnlyList<string> KnownSecrets()
    {
        lock (gate)
        {
            var secrets = new List<string>();
            secrets.AddRange(state.AccessTokens.Select(t => t.Token));
            secrets.AddRange(state.Deployments.Select(d => d.AdminKey));
            secrets.AddRange(state.Deployments.Select(d => d.DeployKey));
            secrets.AddRange(state.WorkosEnvironments.Select(e => e.ApiKey));
            secrets.AddRange(state.WorkosEnvironments.SelectMany(e => e.WebhookEndpoints).Select(w => w.Secret));
            secrets.AddRange(state.Deployments.SelectMany(d => d.Env).Where(p => SecretMasker.IsSecretName(p.Key)).Select(p => p.Value));
            return secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToList();
        }
    }
}
