using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Facts;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.Vocabulary;
using Convex.AuthKit.Build.WorkOS;

namespace Convex.AuthKit.Build.Status;

/// <summary>
/// What the next build would do with the facts the status read: the build's own plan (docs/architecture.md#the-provisioning-plan),
/// made from the same facts and summarised, so status and build cannot disagree. Computes; never sends or writes.
/// </summary>
internal sealed class DeploymentForecast
{
    private readonly LocalFacts _local;
    private readonly AuthKitEnvironmentConfig _dev;
    private readonly BuildEnvironment _environment;
    private readonly DeploymentReads? _reads;
    private readonly BuildSettings _settings;
    private readonly WorkOSCredentials? _credentials;

    public DeploymentForecast(LocalFacts local, DeploymentReads? reads, BuildSettings settings)
    {
        _local = local;
        _dev = local.Dev;
        _environment = local.Environment;
        _reads = reads;
        _settings = settings;
        _credentials = reads?.Variables != null ? WorkOSCredentialsPlan.Resolve(reads.Variables, _environment) : null;
    }

    public string ClientIdText()
    {
        if (_credentials?.ClientId != null)
            return $"{_credentials.ClientId} (from {_environment.DescribeSource(WorkOSCredentials.ClientIdName) ?? "the deployment"})";
        if (_environment.Get(WorkOSCredentials.ClientIdName) is { } fromEnvironment)
            return $"{fromEnvironment} (from {_environment.DescribeSource(WorkOSCredentials.ClientIdName)})";
        var fromEnvFile = EnvFileEntries.ClientIdFromEnvFile(_dev, _environment);
        if (_reads?.Variables != null) return "none yet: the deployment has no WorkOS environment";
        return fromEnvFile != null ? fromEnvFile + ", not checked against the deployment" : "unknown (the deployment was not read)";
    }

    /// <summary>The settings convex.json (or the framework defaults) asks WorkOS for, one row a kind.</summary>
    public void DescribeWorkOSSettings(StatusBlock block)
    {
        if (!_dev.ConfiguresWorkOS)
        {
            block.Add("WorkOS settings", "none (authKit.dev.configure is absent or false)");
            return;
        }
        var credentials = _credentials != null && _credentials.Complete ? _credentials : WorkOSCredentialsPlan.Placeholders;
        var refusal = WorkOSSettingsPlan.Resolve(_dev, credentials, _environment.GetRaw, out var settings);
        if (refusal != null)
        {
            block.Add("WorkOS settings", $"cannot be resolved: {refusal.Message}");
            return;
        }
        foreach (var kind in WorkOSClient.SettingKinds)
        {
            var values = settings.Where(s => s.Kind == kind).Select(s => s.Value).ToList();
            block.Add(WorkOSClient.CallFor(kind).ListLabel, values.Count == 0 ? "none" : string.Join(", ", values));
        }
    }

    /// <summary>The plan's warnings, which the next build reports too; set by <see cref="Plan"/>.</summary>
    public IReadOnlyList<PlanWarning> Warnings { get; private set; } = Array.Empty<PlanWarning>();

    /// <summary>The next build's work, in words, and whether it changes anything. Only once the deployment's variables were read.</summary>
    public (string Outcome, bool ChangesSomething) Plan()
    {
        var variables = _reads!.Variables!;
        var plan = ProvisioningPlanner.Plan(_local.PlanFacts(_local.ReadEnvFile(), variables, _reads.Team, _settings, _reads.SiteUrl, _reads.WebhookEndpoints,
            workOSEnvironmentGone: _reads.Health.EnvironmentDeleted(variables)));
        Warnings = plan.Warnings;
        if (plan.Refusal != null)
            return (NextBuildForecast.Fails(plan.Refusal.Diagnostic, _settings.FailOnError, plan.Refusal.Summary), true);
        // An env-file problem is reported after the remote steps (docs/architecture.md#faults-retries-and-partial-failure), as the build does.
        if (plan.EnvFileProblem is { } problem)
        {
            var failure = NextBuildForecast.Fails(problem.Diagnostic, _settings.FailOnError, problem.Summary);
            var remote = plan.Steps.Where(step => !(step is WriteEnvFile)).ToList();
            return (remote.Any(step => step.ChangesSomething) ? NextBuildForecast.Work(remote.Select(step => step.Summary).ToList()) + "; then " + failure : failure, true);
        }
        if (!plan.ChangesSomething) return (NextBuildForecast.NothingToChange(plan.Find<ConfigureWorkOS>()?.Settings.Count ?? 0), false);
        return (NextBuildForecast.Work(plan.Steps.Select(step => step.Summary).ToList()), true);
    }
}
