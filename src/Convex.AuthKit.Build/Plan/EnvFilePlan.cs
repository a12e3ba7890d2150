using System.Security.Cryptography;
using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Plan;

/// <summary>What the env-file step is planned from, besides the file's text: <c>localEnvVars</c> and the credentials they resolve with.</summary>
/// <param name="ArePlaceholders">The credentials stand in for an environment not provisioned yet.</param>
internal sealed record EnvFileInputs(
    IReadOnlyList<KeyValuePair<string, string>> Entries, bool WantsCookiePassword, WorkOSCredentials Credentials, bool ArePlaceholders, BuildEnvironment Environment);

/// <summary>
/// The env-file update of docs/protocol.md#env-file-writes, always non-interactive (docs/architecture.md#always-non-interactive), with docs/architecture.md#env-file-edits: an
/// existing templated value that differs from what the deployment's environment gives is a <see cref="Problem"/> naming the line;
/// a placeholder copied from an example file (docs/architecture.md#placeholders) is filled in on its own line. Planned from the file's text;
/// keeps its inputs, so it can be planned again on the file's text at write time (docs/architecture.md#concurrent-edits).
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

    /// <summary>The file as it was planned from; null when it did not exist.</summary>
    public DotEnvDocument? Original { get; }

    public IReadOnlyList<EnvFileChange> Changes { get; }

    /// <summary>The file's new text, or null when nothing changes.</summary>
    public string? NewText { get; }

    /// <summary>
    /// Why the file cannot be written as configured (a stale value, a template, an unwritable value); null when it can.
    /// The file is then left as it is, and the problem is reported after the remote steps (docs/architecture.md#faults-retries-and-partial-failure).
    /// </summary>
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

    /// <summary>The template of an entry the env file must hold; null for the cookie password (generated, never templated).</summary>
    public static string? TemplateOf(AuthKitEnvironmentConfig dev, string name) =>
        dev.LocalEnvVars?.LastOrDefault(e => e.Key == name) is { Key: not null } entry ? entry.Value : null;

    /// <summary>
    /// The value the app would read for an entry: what the environment holds (a placeholder counting as absent), or a
    /// placeholder that equals what the build would write anyway (docs/architecture.md#placeholders). Null or empty when missing.
    /// </summary>
    /// <param name="credentials">What <c>${authEnv.*}</c> gives, when known.</param>
    public static string? HeldValue(string name, string? template, BuildEnvironment environment, WorkOSCredentials? credentials)
    {
        var value = environment.GetRaw(name);
        if (!string.IsNullOrEmpty(value) || template == null) return value;
        var placeholder = environment.PlaceholderOf(name);
        if (placeholder == null) return value;
        return TryResolve(template, credentials, environment) == placeholder.Value ? placeholder.Value : value;
    }

    /// <summary>The env file's text as the plan needs it: null when the configuration does not write it, or it does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is not UTF-8.</exception>
    public static DotEnvDocument? Read(AuthKitEnvironmentConfig dev, BuildEnvironment environment) =>
        IsWanted(dev) ? DotEnvFile.Read(environment.EnvFile.Path) : null;

    public static EnvFilePlan Create(EnvFileInputs inputs, DotEnvDocument? original)
    {
        // The environment as this text makes it: the plan may be made again on a newer text (docs/architecture.md#concurrent-edits).
        var environment = inputs.Environment.WithEnvFileText(original?.Text);
        inputs = inputs with { Environment = environment };
        var fileName = environment.EnvFile.DisplayName;
        var text = original?.Text;
        var assignments = text == null ? new List<DotEnvAssignment>() : DotEnvParser.ParseAssignments(text).ToList();
        var credentials = inputs.Credentials;
        var changes = new List<EnvFileChange>();
        EnvFilePlan Refused(Refusal problem) => new EnvFilePlan(inputs, original, Array.Empty<EnvFileChange>(), null, problem);

        foreach (var entry in inputs.Entries)
        {
            var (name, template) = (entry.Key, entry.Value);
            var assignment = assignments.LastOrDefault(a => a.Key == name);
            var placeholder = assignment != null && environment.EnvFile.Placeholders.TryGetValue(name, out var p) ? p : null;
            if (assignment != null && assignment.Value.Length > 0 && placeholder == null)
            {
                // Against placeholders the check would be meaningless; the build checks the provisioned values.
                var stale = inputs.ArePlaceholders ? null : StaleValue(name, template, assignment, credentials, environment, text!);
                if (stale != null) return Refused(stale);
                continue;
            }
            if (ProvidedElsewhere(name, environment, placeholder != null)) continue;

            string value;
            try
            {
                value = TemplateResolver.Resolve(template, credentials, environment.GetRaw);
            }
            catch (TemplateException e)
            {
                return Refused(new Refusal(Diagnostics.TemplateError, $"authKit.dev.localEnvVars.{name} in convex.json: {e.Message}"));
            }
            // A placeholder that is already right stays, unmentioned.
            if (placeholder != null && placeholder.Value == value) continue;
            var comment = changes.Count == 0 && assignment == null && template.Contains("authEnv.WORKOS_CLIENT_ID")
                ? $"# See this environment at https://dashboard.workos.com/{credentials.EnvironmentId}/authentication"
                : null;
            changes.Add(new EnvFileChange(name, value, comment, IsSecret(name, template), placeholder?.ExampleFile));
        }

        if (inputs.WantsCookiePassword)
        {
            // A published placeholder is never kept as a secret.
            var placeholder = environment.EnvFile.Placeholders.TryGetValue(CookiePasswordName, out var p) ? p : null;
            var missing = placeholder != null
                ? !ProvidedElsewhere(CookiePasswordName, environment, true)
                : string.IsNullOrEmpty(environment.GetRaw(CookiePasswordName)) && (text == null || !text.Contains(CookiePasswordName));
            if (missing) changes.Add(new EnvFileChange(CookiePasswordName, NewCookiePassword(), null, IsSecret: true, placeholder?.ExampleFile));
        }

        var bom = original?.HasBom == true ? "\uFEFF" : "";
        foreach (var change in changes)
        {
            try
            {
                text = DotEnvEditor.Change(text, change.Name, change.Value, change.CommentOnPreviousLine,
                    candidate => FrontEndEnvReaders.ReadBack(bom + candidate, change.Name, change.Value)) ?? text;
            }
            catch (DotEnvValueException)
            {
                var line = assignments.LastOrDefault(a => a.Key == change.Name) is { } existing ? $" (line {LineOf(original!.Text, existing.KeyStart)})" : "";
                return Refused(new Refusal(Diagnostics.EnvFileWriteFailed,
                    $"The value of {change.Name}{line} cannot be written to {fileName} in any form that dotenv and the front ends' readers (Vite's loadEnv, Next.js's loadEnvConfig) "
                    + $"read back unchanged: they expand $ references, for example. Change authKit.dev.localEnvVars.{change.Name} in convex.json, or set {change.Name} in the environment instead.",
                    $"the value of {change.Name} cannot be written to {fileName} in a form the front ends read back unchanged"));
            }
        }
        var newText = changes.Count > 0 && text != original?.Text ? text : null;
        return new EnvFilePlan(inputs, original, changes, newText, null);
    }

    /// <summary>The same plan made again on the file's current text, with the same rules and inputs.</summary>
    public EnvFilePlan PlanAgain(DotEnvDocument? current) => Create(Inputs, current);

    /// <summary>docs/architecture.md#settings: an entry from ${authEnv.WORKOS_API_KEY}, the cookie password, or a secret-looking name.</summary>
    public static bool IsSecret(string name, string template) =>
        template.Contains("authEnv.WORKOS_API_KEY") || SecretNames.LooksSecret(name) || name == CookiePasswordName;

    /// <summary>
    /// The app reads the entry from elsewhere, so the env file does not need it: the process environment wins in every
    /// reader; <c>.env</c> counts only where the env file has no line for it (its placeholder would win over <c>.env</c>).
    /// </summary>
    private static bool ProvidedElsewhere(string name, BuildEnvironment environment, bool envFileHasPlaceholder)
    {
        var source = environment.SourceOf(name);
        if (source == null || source == BuildEnvironmentSource.EnvFile || string.IsNullOrEmpty(environment.GetRaw(name))) return false;
        return source == BuildEnvironmentSource.ProcessEnvironment || !envFileHasPlaceholder;
    }

    private static Refusal? StaleValue(string name, string template, DotEnvAssignment assignment, WorkOSCredentials credentials, BuildEnvironment environment, string text)
    {
        if (!template.Contains("${authEnv.")) return null;
        var wanted = TryResolve(template, credentials, environment);
        var current = assignment.Value;
        if (wanted == null || wanted == current) return null;
        var fileName = environment.EnvFile.DisplayName;
        var line = LineOf(text, assignment.KeyStart);
        var detail = IsSecret(name, template)
            ? "holds a different value than the deployment's WorkOS environment"
            : $"is '{current}' but the deployment's WorkOS environment gives '{wanted}'";
        return new Refusal(Diagnostics.StaleEnvFileValue,
            $"{name} in {fileName} (line {line}) {detail} (left over from another deployment?). Delete the line {name}=... (line {line}) from {fileName} and build again; it will be written with the right value.",
            $"{name} in {fileName} (line {line}) {detail}; delete that line");
    }

    private static string? TryResolve(string template, WorkOSCredentials? credentials, BuildEnvironment environment)
    {
        if (credentials == null && template.Contains("${authEnv.")) return null;
        try { return TemplateResolver.Resolve(template, credentials, environment.GetRaw); }
        catch (TemplateException) { return null; }
    }

    /// <summary>The 1-based line of an offset, counting LF, CRLF and CR line breaks.</summary>
    private static int LineOf(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) line++;
        }
        return line;
    }

    /// <summary>docs/protocol.md#env-file-writes: 32 random bytes, base64url without padding (43 characters).</summary>
    private static string NewCookiePassword()
    {
        var bytes = new byte[32];
        using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
