using System;

namespace Convex.AuthKit.Build.ConvexApi
{
    /// <summary>The answer of <c>deployment/authorize_within_current_project</c>.</summary>
    public sealed class DeploymentCredentials
    {
        public DeploymentCredentials(string deploymentName, Uri url, string adminKey, string? deploymentType)
        {
            DeploymentName = deploymentName;
            Url = url;
            AdminKey = adminKey;
            DeploymentType = deploymentType;
        }

        public string DeploymentName { get; }

        public Uri Url { get; }

        /// <summary>Secret.</summary>
        public string AdminKey { get; }

        /// <summary>e.g. <c>dev</c>; null when the service didn't say.</summary>
        public string? DeploymentType { get; }

        public override string ToString() => $"{DeploymentName} ({DeploymentType ?? "unknown type"}) at {Url}, admin key ***";
    }
}
