using Convex.AuthKit.Build.Config;

namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>The answer of <c>workos/get_or_provision_workos_environment</c>: the environment's credentials, and what else is said about it.</summary>
/// <param name="NewlyProvisioned">False when an environment already existed for the deployment.</param>
internal sealed record ProvisionedEnvironment(string EnvironmentName, bool NewlyProvisioned, WorkOSCredentials Credentials)
{
    public override string ToString() =>
        $"{EnvironmentName} ({Credentials.EnvironmentId}), client {Credentials.ClientId}, API key ***{(NewlyProvisioned ? ", new" : ", existing")}";
}
