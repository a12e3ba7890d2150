using System.IO;
using System.Text;
using System;
using Convex.AuthKit.Build.Http;

namespace Convex.AuthKit.Build.Provisioning
{
    /// <summary>What the build tells the flow: the MSBuild properties of docs/architecture.md#settings as plain values, plus the environment.</summary>
    public sealed class BuildSettings
    {
        public string ProjectDirectory { get; set; } = "";
        public string? ConvexProjectDirectory { get; set; }
        public string? SpaRoot { get; set; }
        public string? SpaProxyServerUrl { get; set; }
        public string EnvFile { get; set; } = ".env.local";
        public string? DevOrigin { get; set; }
        public bool DryRun { get; set; }
        public bool Force { get; set; }
        public bool FailOnError { get; set; } = true;
        public int TimeoutSeconds { get; set; } = 100;
        public string? WorkOSApiUrl { get; set; }
        public string? WorkOSTeamEmail { get; set; }
        public bool AcceptWorkOSTerms { get; set; }

        /// <summary>The process environment (injectable for tests). Returns null for unset variables.</summary>
        public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

        public string HomeDirectory { get; set; } = DefaultHomeDirectory();

        /// <summary>
        /// Makes the HTTP policy of one run (docs/architecture.md#faults-retries-and-partial-failure defaults). Internal: tests shorten the per-request timeout and
        /// the waits between attempts; no MSBuild property reaches it.
        /// </summary>
        internal Func<HttpPolicy> CreateHttpPolicy { get; set; } = HttpPolicy.CreateDefault;

        /// <summary>The env file: relative to the Convex app, or absolute.</summary>
        public string EnvFilePath(string appDirectory) =>
            Path.GetFullPath(Path.IsPathRooted(EnvFile) ? EnvFile : Path.Combine(appDirectory, EnvFile));

        /// <summary>The settings that change what a run does (DryRun and Force bypass the stamp instead).</summary>
        public string Describe() => new StringBuilder()
            .Append("project=").Append(ProjectDirectory)
            .Append("|convexProjectDirectory=").Append(ConvexProjectDirectory)
            .Append("|spaRoot=").Append(SpaRoot)
            .Append("|spaProxyServerUrl=").Append(SpaProxyServerUrl)
            .Append("|envFile=").Append(EnvFile)
            .Append("|devOrigin=").Append(DevOrigin)
            .Append("|failOnError=").Append(FailOnError)
            .Append("|timeoutSeconds=").Append(TimeoutSeconds)
            .Append("|workOSApiUrl=").Append(WorkOSApiUrl)
            .Append("|workOSTeamEmail=").Append(WorkOSTeamEmail)
            .Append("|acceptWorkOSTerms=").Append(AcceptWorkOSTerms)
            .ToString();

        private static string DefaultHomeDirectory()
        {
            var home = System.Environment.GetEnvironmentVariable(Path.DirectorySeparatorChar == '\\' ? "USERPROFILE" : "HOME");
            return string.IsNullOrEmpty(home) ? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile) : home!;
        }
    }
}
