using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.WorkOS;

namespace Convex.AuthKit.Build.Provisioning
{
    /// <summary>
    /// docs/protocol.md#reference-flow: the redirect URIs, app homepage and CORS origins that convex.json's configure section asks for,
    /// resolved (docs/protocol.md#templates) before anything is sent, then sent all at once (docs/architecture.md#fewest-round-trips).
    /// </summary>
    public sealed class WorkOSConfiguration
    {
        private WorkOSConfiguration(IReadOnlyList<WorkOSSetting> settings) { Settings = settings; }

        public IReadOnlyList<WorkOSSetting> Settings { get; }

        public bool IsEmpty => Settings.Count == 0;

        /// <summary>Resolves every item; an unresolvable template is an error before any call is made.</summary>
        public static WorkOSConfiguration Resolve(AuthKitEnvironmentConfig dev, WorkOSCredentials credentials, Func<string, string?> buildEnvironment)
        {
            var configure = dev.Configure;
            if (configure == null || dev.ConfigureDisabled) return new WorkOSConfiguration(Array.Empty<WorkOSSetting>());
            var values = new ProvisionedValues(credentials.ClientId, credentials.ApiKey, credentials.EnvironmentId);
            var settings = new List<WorkOSSetting>();
            foreach (var uri in configure.RedirectUris ?? Array.Empty<string>())
                settings.Add(new WorkOSSetting(WorkOSSettingKind.RedirectUri, Resolve("redirect URI", uri, values, buildEnvironment)));
            if (configure.AppHomepageUrl != null)
                settings.Add(new WorkOSSetting(WorkOSSettingKind.AppHomepageUrl, Resolve("app homepage URL", configure.AppHomepageUrl, values, buildEnvironment)));
            foreach (var origin in configure.CorsOrigins ?? Array.Empty<string>())
                settings.Add(new WorkOSSetting(WorkOSSettingKind.CorsOrigin, Resolve("CORS origin", origin, values, buildEnvironment)));
            return new WorkOSConfiguration(settings);
        }

        /// <summary>Sends every setting concurrently; returns each one's result, in the configuration's order.</summary>
        public async Task<IReadOnlyList<KeyValuePair<WorkOSSetting, WorkOSChangeResult>>> ApplyAsync(WorkOSClient client, CancellationToken cancellationToken)
        {
            var calls = Settings.Select(setting => SendAsync(client, setting, cancellationToken)).ToList();
            var results = await Task.WhenAll(calls).ConfigureAwait(false);
            return Settings.Zip(results, (s, r) => new KeyValuePair<WorkOSSetting, WorkOSChangeResult>(s, r)).ToList();
        }

        private static Task<WorkOSChangeResult> SendAsync(WorkOSClient client, WorkOSSetting setting, CancellationToken cancellationToken) =>
            setting.Kind switch
            {
                WorkOSSettingKind.RedirectUri => client.AddRedirectUriAsync(setting.Value, cancellationToken),
                WorkOSSettingKind.CorsOrigin => client.AddCorsOriginAsync(setting.Value, cancellationToken),
                _ => client.SetAppHomepageUrlAsync(setting.Value, cancellationToken),
            };

        private static string Resolve(string what, string template, ProvisionedValues values, Func<string, string?> buildEnvironment)
        {
            try
            {
                return TemplateResolver.Resolve(template, values, buildEnvironment);
            }
            catch (TemplateException e)
            {
                throw new ProvisioningException(Diagnostics.TemplateError, $"Error configuring {what}: {e.Message} (authKit.dev.configure in convex.json)");
            }
        }
    }

    public enum WorkOSSettingKind { RedirectUri, AppHomepageUrl, CorsOrigin }

    public sealed class WorkOSSetting
    {
        public WorkOSSetting(WorkOSSettingKind kind, string value)
        {
            Kind = kind;
            Value = value;
        }

        public WorkOSSettingKind Kind { get; }
        public string Value { get; }

        public string Describe() => Kind switch
        {
            WorkOSSettingKind.RedirectUri => "redirect URI " + Value,
            WorkOSSettingKind.CorsOrigin => "CORS origin " + Value,
            _ => "app homepage URL " + Value,
        };

        public override string ToString() => Describe();
    }
}
