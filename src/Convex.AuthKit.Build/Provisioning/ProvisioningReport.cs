using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.Vocabulary;
using Convex.AuthKit.Build.WorkOS;

namespace Convex.AuthKit.Build.Provisioning;

/// <summary>
/// What a run changed, told at the end: one high-importance line when nothing changed, a short block when
/// something did (docs/architecture.md#output: quiet by default, clear when it matters). Names only, never a secret value.
/// </summary>
internal sealed class ProvisioningReport
{
    private readonly List<string> _changes = new List<string>();
    private readonly List<string> _details = new List<string>();

    public string Subject { get; set; } = "";

    public bool HasChanges => _changes.Count > 0;

    public void TeamCreated(string teamName, string adminEmail) =>
        _changes.Add($"created WorkOS team {teamName} (admin {adminEmail})");

    public bool FreshEnvironment { get; private set; }

    public void Environment(ProvisionedEnvironment environment)
    {
        FreshEnvironment = environment.NewlyProvisioned;
        Record(environment);
    }

    private void Record(ProvisionedEnvironment environment) =>
        (environment.NewlyProvisioned ? _changes : _details).Add(environment.NewlyProvisioned
            ? $"provisioned a new AuthKit environment {environment.EnvironmentName} ({environment.Credentials.EnvironmentId})"
            : $"reused the AuthKit environment {environment.EnvironmentName} ({environment.Credentials.EnvironmentId}) already created for this deployment");

    /// <summary>A change in words (never a secret).</summary>
    public void Change(string line) => _changes.Add(line);

    public void VariablesSet(string deploymentName, IEnumerable<EnvironmentVariableChange> changes) =>
        _changes.Add($"set {string.Join(", ", changes.Select(c => c.Name))} on deployment {deploymentName}");

    /// <param name="freshEnvironment">The environment was just provisioned, so setting one of its values (the homepage) is a change.</param>
    /// <param name="lastSet">Whether a homepage URL is the one the build last set (null: never set one); another is a change.</param>
    public void WorkOSConfigured(IEnumerable<KeyValuePair<WorkOSSetting, WorkOSChangeResult>> results, bool freshEnvironment, Func<string, bool?> lastSet)
    {
        foreach (var result in results)
        {
            var setting = result.Key;
            switch (result.Value)
            {
                case WorkOSChangeResult.Changed when WorkOSClient.CallFor(setting.Kind).AddsToList:
                    _changes.Add("WorkOS: added " + setting.Describe());
                    break;
                case WorkOSChangeResult.Changed when freshEnvironment:
                    _changes.Add("WorkOS: set " + setting.Describe());
                    break;
                case WorkOSChangeResult.Changed when lastSet(setting.Value) == false:
                    // Only hashes are recorded (docs/architecture.md#lines-the-build-wrote): the old URL is not known.
                    _changes.Add("WorkOS: set " + setting.Describe() + " (was a different URL)");
                    break;
                case WorkOSChangeResult.NotAccepted:
                    _details.Add("WorkOS did not accept " + setting.Describe() + " (422); left as it was");
                    break;
                default:
                    // A PUT cannot tell "set" from "already so" (docs/protocol.md#workos-api), so it is a detail, not a change.
                    _details.Add("WorkOS: " + setting.Describe() + (result.Value == WorkOSChangeResult.AlreadyPresent ? " already registered" : " set"));
                    break;
            }
        }
    }

    /// <summary>docs/architecture.md#placeholders: a replaced placeholder gets its own line, naming the example file it came from.</summary>
    public void EnvFileWritten(string fileName, IReadOnlyList<EnvFileChange> changes)
    {
        foreach (var change in changes.Where(c => c.ReplacesPlaceholderFrom != null))
            _changes.Add($"replaced placeholder {change.Name} from {change.ReplacesPlaceholderFrom}");
        foreach (var change in changes.Where(c => c.Was != null))
            _changes.Add($"updated {change.DescribeUpdate} in {fileName}");
        var added = changes.Where(c => c.ReplacesPlaceholderFrom == null && c.Was == null).Select(c => c.Name).ToList();
        if (added.Count > 0) _changes.Add($"wrote {string.Join(", ", added)} to {fileName}");
    }

    public void WriteTo(ProvisionLog log)
    {
        foreach (var detail in _details) log.Normal(detail);
        if (_changes.Count == 0)
        {
            log.High($"{Subject}: up to date, nothing to do.");
            return;
        }
        log.High($"{Subject}:");
        foreach (var change in _changes) log.High("  - " + change);
    }
}
