namespace Convex.AuthKit.Build.ConvexApi
{
    /// <summary>The answer of <c>workos/get_or_provision_workos_environment</c>.</summary>
    public sealed class ProvisionedEnvironment
    {
        public ProvisionedEnvironment(string environmentId, string environmentName, string clientId, string apiKey, bool newlyProvisioned)
        {
            EnvironmentId = environmentId;
            EnvironmentName = environmentName;
            ClientId = clientId;
            ApiKey = apiKey;
            NewlyProvisioned = newlyProvisioned;
        }

        public string EnvironmentId { get; }

        public string EnvironmentName { get; }

        public string ClientId { get; }

        /// <summary>The WorkOS API key. Secret.</summary>
        public string ApiKey { get; }

        /// <summary>False when an environment already existed for the deployment.</summary>
        public bool NewlyProvisioned { get; }

        public override string ToString() =>
            $"{EnvironmentName} ({EnvironmentId}), client {ClientId}, API key ***{(NewlyProvisioned ? ", new" : ", existing")}";
    }
}
