using System.Security.Cryptography;
using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Provisioning;

namespace Convex.AuthKit.Build.Plan;

/// <summary>What the env-file step is planned from, besides the file's text: <c>localEnvVars</c> and the credentials they resolve with.</summary>
/// <param name="ArePlaceholders">The credentials stand in for an environment not provisioned yet.</param>
internal sealed record EnvFileInputs(
    IReadOnlyList<KeyValuePair<string, string>> Entries, bool WantsCookiePassword, WorkOSCredentials Credentials, bool ArePlaceholders, BuildEnvironment Environment);

/// <summary>
/// The env-file update of docs/protocol.md#env-file-writes, always non-interactive (docs/architecture.md#always-non-interactive), with docs/architecture.md#env-file-edits: an
/// existing templated value that differs from what the deployment's environment gives is a <see cref="Problem"/> naming the line.
/// Planned from the file's text; keeps its inputs, so it can be planned again from the file's text at write time.
/// </summary>
internal sealed class EnvFilePlan
{
    public const string CookiePasswordName = "WORKOS_COOKIE_PASSWORD";

    private EnvFilePlan(EnvFileInputs inputs, DotEnvDocument? original, IReadOnlyList<EnvFileChange> changes, string? newText, Refusal? problem)
    {
        Inputs = inputs;
        Original = original;
        Changes = changes;
        NewText = newText;
        Problem = problem;
    }

    public EnvFileInputs Inputs { get; }
    public string Path => Inputs.Environment.EnvFile.Path;
    public string DisplayName => Inputs.Environment.EnvFile.DisplayName;
    public DotEnvDocument? Original { get; }
    public IReadOnlyList<EnvFileChange> Changes { get; }

    /// <summary>The file's new text, or null when nothing changes.</summary>
    public string? NewText { get; }

    /// <summary>Why the file cannot be written as configured (a stale value, a template, an unwritable value); null when it can.</summary>
    public Refusal? Problem { get; }

    /// <summary>Whether the configuration writes the env file at all (localEnvVars is present and not false).</summary>
    public static bool IsWanted(AuthKitEnvironmentConfig dev) => dev.LocalEnvVars != null && !dev.LocalEnvVarsDisabled;

    /// <summary>The names the env file must hold for the app to sign in: the configured entries, and the cookie password when wanted.</summary>
    public static IReadOnlyList<string> EntryNames(AuthKitEnvironmentConfig dev, bool wantsCookiePassword)
    {
        if (!IsWanted(dev)) return Array.Empty<string>();
        var names = new List<string>();
        foreach (var entry in dev.LocalEnvVars!) if (!names.Contains(entry.Key)) names.Add(entry.Key);
        if (wantsCookiePassword && !names.Contains(CookiePasswordName)) names.Add(CookiePasswordName);
        return names;
    }

    /// <summary>The env file's text as the plan needs it: null when the configuration does not write it, or it does not exist.</summary>
    public static DotEnvDocument? Read(AuthKitEnvironmentConfig dev, BuildEnvironment environment) =>
        IsWanted(dev) ? DotEnvFile.Read(environment.EnvFile.Path) : null;

    public static EnvFilePlan Create(EnvFileInputs inputs, DotEnvDocument? original)
    {
        var environment = inputs.Environment;
        var fileName = environment.EnvFile.DisplayName;
        var existing = original == null ? new Dictionary<string, string>() : DotEnvParser.Parse(original.Text);
        var credentials = inputs.Credentials;
        var changes = new List<EnvFileChange>();
        EnvFilePlan Refused(Refusal problem) => new EnvFilePlan(inputs, original, Array.Empty<EnvFileChange>(), null, problem);

        foreach (var entry in inputs.Entries)
        {
            var (name, template) = (entry.Key, entry.Value);
            if (existing.TryGetValue(name, out var current) && current.Length > 0)
            {
                // Against placeholders the check would be meaningless; the build checks the provisioned values.
                var stale = inputs.ArePlaceholders ? null : StaleValue(name, template, current, credentials, environment, fileName);
                if (stale != null) return Refused(stale);
                continue;
            }
            var source = environment.SourceOf(name);
            if (source != null && source != BuildEnvironmentSource.EnvFile && !string.IsNullOrEmpty(environment.GetRaw(name))) continue;

            string value;
            try
            {
                value = TemplateResolver.Resolve(template, credentials, environment.GetRaw);
            }
            catch (TemplateException e)
            {
                return Refused(new Refusal(Diagnostics.TemplateError, $"authKit.dev.localEnvVars.{name} in convex.json: {e.Message}"));
            }
            var comment = changes.Count == 0 && template.Contains("authEnv.WORKOS_CLIENT_ID")
                ? $"# See this environment at https://dashboard.workos.com/{credentials.EnvironmentId}/authentication"
                : null;
            changes.Add(new EnvFileChange(name, value, comment, IsSecret(name, template)));
        }

        if (inputs.WantsCookiePassword && string.IsNullOrEmpty(environment.GetRaw(CookiePasswordName))
            && (original == null || !original.Text.Contains(CookiePasswordName)))
            changes.Add(new EnvFileChange(CookiePasswordName, NewCookiePassword(), null, IsSecret: true));

        var text = original?.Text;
        foreach (var change in changes)
        {
            try
            {
                text = DotEnvEditor.Change(text, change.Name, change.Value, null, change.CommentOnPreviousLine, formatValue: false) ?? text;
            }
            catch (DotEnvValueException)
            {
                return Refused(new Refusal(Diagnostics.EnvFileWriteFailed,
                    $"The value of {change.Name} cannot be written to {fileName} in any form dotenv reads back exactly. Set {change.Name} in the environment instead."));
            }
        }
        var newText = changes.Count > 0 && text != original?.Text ? text : null;
        return new EnvFilePlan(inputs, original, changes, newText, null);
    }

    /// <summary>Writes the file (atomically, only when the content changes). Returns whether it wrote.</summary>
    public bool Apply(CancellationToken cancellationToken = default) => NewText != null && DotEnvFile.WriteIfChanged(Path, NewText, Original, cancellationToken);

    /// <summary>docs/architecture.md#settings: an entry from ${authEnv.WORKOS_API_KEY}, the cookie password, or a secret-looking name.</summary>
    public static bool IsSecret(string name, string template) =>
        template.Contains("authEnv.WORKOS_API_KEY") || SecretNames.LooksSecret(name) || name == CookiePasswordName;

    private static Refusal? StaleValue(string name, string template, string current, WorkOSCredentials credentials, BuildEnvironment environment, string fileName)
    {
        if (!template.Contains("${authEnv.")) return null;
        string wanted;
        try { wanted = TemplateResolver.Resolve(template, credentials, environment.GetRaw); }
        catch (TemplateException) { return null; }
        if (wanted == current) return null;
        var detail = IsSecret(name, template)
            ? "holds a different value than the deployment's WorkOS environment"
            : $"is '{current}' but the deployment's WorkOS environment gives '{wanted}'";
        return new Refusal(Diagnostics.StaleEnvFileValue,
            $"{name} in {fileName} {detail} (left over from another deployment?). Delete the line {name}=... from {fileName} and build again; it will be written with the right value.");
    }

    /// <summary>docs/protocol.md#env-file-writes: 32 random bytes, base64url without padding (43 characters).</summary>
    private static string NewCookiePassword()
    {
        var bytes = new byte[32];
        using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
