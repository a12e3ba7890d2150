using Convex.AuthKit.Build.Provisioning;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Convex.AuthKit.Build
{
    /// <summary>The MSBuild properties every Convex.AuthKit task receives (docs/architecture.md#settings). Never a secret.</summary>
    public abstract class ConvexAuthKitTaskBase : Task
    {
        [Required] public string ProjectDirectory { get; set; } = "";
        public string? ConvexProjectDirectory { get; set; }
        public string? SpaRoot { get; set; }
        public string? SpaProxyServerUrl { get; set; }
        public string? EnvFile { get; set; }
        public string? DevOrigin { get; set; }
        public bool FailOnError { get; set; } = true;
        public int TimeoutSeconds { get; set; } = 100;
        public string? WorkOSApiUrl { get; set; }
        public string? WorkOSTeamEmail { get; set; }
        public bool AcceptWorkOSTerms { get; set; }

        protected BuildSettings CreateSettings() => new BuildSettings
        {
            ProjectDirectory = ProjectDirectory,
            ConvexProjectDirectory = Blank(ConvexProjectDirectory),
            SpaRoot = Blank(SpaRoot),
            SpaProxyServerUrl = Blank(SpaProxyServerUrl),
            EnvFile = Blank(EnvFile) ?? ".env.local",
            DevOrigin = Blank(DevOrigin),
            FailOnError = FailOnError,
            TimeoutSeconds = TimeoutSeconds > 0 ? TimeoutSeconds : 100,
            WorkOSApiUrl = Blank(WorkOSApiUrl),
            WorkOSTeamEmail = Blank(WorkOSTeamEmail),
            AcceptWorkOSTerms = AcceptWorkOSTerms,
        };

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
