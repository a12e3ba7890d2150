using Newtonsoft.Json;

namespace Convex.AuthKit.Sandbox;

/// <summary>The live state: the scenario as changed by requests, plus counters. Snapshot() returns a deep copy.</summary>
public sealed class SandboxState : SandboxScenario
{
    public SandboxCounters Counters { get; set; } = new SandboxCounters();

    /// <summary>JSON paths of the fields that hold credentials. Env values are secret by name (see SandboxDeployment.Env).</summary>
    public static IReadOnlyList<string> SecretFields { get; } = new[]
    {
        "accessTokens[].token",
        "deployments[].adminKey",
        "deployments[].deployKey",
        "deployments[].env.<name containing KEY|SECRET|PASSWORD|TOKEN>",
        "workosEnvironments[].apiKey",
        "workosEnvironments[].webhookEndpoints[].secret",
    };

    internal static SandboxState From(SandboxScenario scenario) =>
        JsonConvert.DeserializeObject<SandboxState>(JsonConvert.SerializeObject(scenario, SandboxJson.Settings), SandboxJson.Settings)!;

    internal SandboxState DeepCopy() => From(this);
}
