using System.Collections.Generic;
using System.Security.Cryptography;
using System;
using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.DotEnv;

namespace Convex.AuthKit.Build.Provisioning
{
    /// <summary>
    /// The env-file update of docs/protocol.md#env-file-writes, always non-interactive (docs/architecture.md#always-non-interactive), with docs/architecture.md#env-file-edits: an
    /// existing templated value that differs from what the deployment's environment gives is an error naming the line.
    /// </summary>
    public sealed class EnvFilePlan
    {
        public const string CookiePasswordName = "WORKOS_COOKIE_PASSWORD";

        private EnvFilePlan(string path, string displayName, DotEnvDocument? original, IReadOnlyList<EnvFileChange> changes, string? newText)
        {
            Path = path;
            DisplayName = displayName;
            Original = original;
            Changes = changes;
            NewText = newText;
        }

        public string Path { get; }
        public string DisplayName { get; }
        public DotEnvDocument? Original { get; }
        public IReadOnlyList<EnvFileChange> Changes { get; }

        /// <summary>The file's new text, or null when nothing changes.</summary>
        public string? NewText { get; }

        public static EnvFilePlan Create(AuthKitEnvironmentConfig dev, bool wantsCookiePassword, WorkOSCredentials credentials, BuildEnvironment environment)
        {
            var envFile = environment.EnvFile;
            var original = DotEnvFile.Read(envFile.Path);
            var existing = original == null ? new Dictionary<string, string>() : DotEnvParser.Parse(original.Text);
            var values = new ProvisionedValues(credentials.ClientId, credentials.ApiKey, credentials.EnvironmentId ?? "");
            var changes = new List<EnvFileChange>();

            foreach (var entry in dev.LocalEnvVars ?? Array.Empty<KeyValuePair<string, string>>())
            {
                var (name, template) = (entry.Key, entry.Value);
                if (existing.TryGetValue(name, out var current) && current.Length > 0)
                {
                    // Against placeholders the check would be meaningless; the build checks the provisioned values.
                    if (!credentials.ArePlaceholders) EnsureNotStale(name, template, current, values, environment, envFile.DisplayName);
                    continue;
                }
                var source = environment.SourceOf(name);
                if (source != null && source != BuildEnvironmentSource.EnvFile && !string.IsNullOrEmpty(environment.GetRaw(name))) continue;

                var value = Resolve(name, template, values, environment);
                var comment = changes.Count == 0 && template.Contains("authEnv.WORKOS_CLIENT_ID")
                    ? $"# See this environment at https://dashboard.workos.com/{credentials.EnvironmentId}/authentication"
                    : null;
                changes.Add(new EnvFileChange(name, value, comment, IsSecret(name, template)));
            }

            if (wantsCookiePassword && string.IsNullOrEmpty(environment.GetRaw(CookiePasswordName))
                && (original == null || !original.Text.Contains(CookiePasswordName)))
                changes.Add(new EnvFileChange(CookiePasswordName, NewCookiePassword(), null, isSecret: true));

            var text = original?.Text;
            foreach (var change in changes)
            {
                try
                {
                    text = DotEnvEditor.Change(text, change.Name, change.Value, null, change.CommentOnPreviousLine, formatValue: false) ?? text;
                }
                catch (DotEnvValueException)
                {
                    throw new ProvisioningException(Diagnostics.EnvFileWriteFailed,
                        $"The value of {change.Name} cannot be written to {envFile.DisplayName} in any form dotenv reads back exactly. Set {change.Name} in the environment instead.");
                }
            }
            var newText = changes.Count > 0 && text != original?.Text ? text : null;
            return new EnvFilePlan(envFile.Path, envFile.DisplayName, original, changes, newText);
        }

        /// <summary>Writes the file (atomically, only when the content changes). Returns whether it wrote.</summary>
        public bool Apply() => NewText != null && DotEnvFile.WriteIfChanged(Path, NewText, Original);

        /// <summary>The values a resolved template would give for the names the configuration defines (non-secret ones only).</summary>
        public static bool IsSecret(string name, string template) =>
            template.Contains("authEnv.WORKOS_API_KEY") || SecretNames.LooksSecret(name) || name == CookiePasswordName;

        private static void EnsureNotStale(string name, string template, string current, ProvisionedValues values, BuildEnvironment environment, string fileName)
        {
            if (!template.Contains("${authEnv.")) return;
            string wanted;
            try { wanted = TemplateResolver.Resolve(template, values, environment.GetRaw); }
            catch (TemplateException) { return; }
            if (wanted == current) return;
            var detail = IsSecret(name, template)
                ? "holds a different value than the deployment's WorkOS environment"
                : $"is '{current}' but the deployment's WorkOS environment gives '{wanted}'";
            throw new ProvisioningException(Diagnostics.StaleEnvFileValue,
                $"{name} in {fileName} {detail} (left over from another deployment?). Delete the line {name}=... from {fileName} and build again; it will be written with the right value.");
        }

        private static string Resolve(string name, string template, ProvisionedValues values, BuildEnvironment environment)
        {
            try
            {
                return TemplateResolver.Resolve(template, values, environment.GetRaw);
            }
            catch (TemplateException e)
            {
                throw new ProvisioningException(Diagnostics.TemplateError, $"authKit.dev.localEnvVars.{name} in convex.json: {e.Message}");
            }
        }

        /// <summary>docs/protocol.md#env-file-writes: 32 random bytes, base64url without padding (43 characters).</summary>
        private static string NewCookiePassword()
        {
            var bytes = new byte[32];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
    }
}
