using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Build.Vocabulary;
using Convex.AuthKit.Build.WorkOS;

namespace Convex.AuthKit.Build.Status;

/// <summary>
/// What the next build would do with the facts the status read: the build's own plan (docs/architecture.md#the-provisioning-plan),
/// summarised, so status and build cannot disagree. Computes; never sends or writes.
/// </summary>
internal sealed class DeploymentForecast
{
    private readonly AuthKitDecision _decision;
    private readonly AuthKitEnvironmentConfig _dev;
    private readonly BuildEnvironment _environment;
    private readonly DeploymentSelection _selection;
    private readonly DeploymentReads? _reads;
    private readonly BuildSettings _settings;
    private readonly WorkOSCredentials? _credentials;

    public DeploymentForecast(AuthKitDecision decision, BuildEnvironment environment, DeploymentSelection selection, DeploymentReads? reads, BuildSettings settings)
    {
        _decision = decision;
        _dev = decision.Dev!;
        _environment = environment;
        _selection = selection;
        _reads = reads;
        _settings = settings;
        _credentials = reads?.Variables != null ? WorkOSCredentialsPlan.Resolve(reads.Variables, environment) : null;
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
        if (_dev.Configure == null || _dev.ConfigureDisabled)
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
        var facts = new ProvisioningFacts(_selection, _reads!.Variables!, _reads.Team,
            new WorkOSTeamSettings(_settings.WorkOSTeamEmail, _settings.AcceptWorkOSTerms), _dev, _decision.WantsCookiePassword,
            _environment, EnvFilePlan.Read(_dev, _environment))
        {
            AuthKitComponentFile = _decision.AuthKitComponentFile,
        };
        var plan = ProvisioningPlanner.Plan(facts);
        Warnings = plan.Warnings;
        if (plan.Refusal != null)
            return (NextBuildForecast.Fails(plan.Refusal.Diagnostic, _settings.FailOnError, plan.Refusal.Summary), true);
        // The WorkOS health, carried beside the plan: WorkOS rejects the API key of an environment it no longer has.
        if (_reads.Health.EnvironmentDeleted(_reads.Variables) && plan.Find<ConfigureWorkOS>() != null && plan.Find<ProvisionEnvironment>() == null)
            return (NextBuildForecast.Fails(Diagnostics.WorkOSServiceError, _settings.FailOnError,
                "WorkOS rejects the deployment's WORKOS_API_KEY, as its environment no longer exists"), true);
        // An env-file problem is reported after the remote steps (docs/architecture.md#faults-retries-and-partial-failure), as the build does.
        if (plan.EnvFileProblem is { } problem)
        {
            var failure = NextBuildForecast.Fails(problem.Diagnostic, _settings.FailOnError, problem.Summary);
            var remote = plan.Steps.Where(step => !(step is WriteEnvFile)).ToList();
            return (remote.All(step => step is ConfigureWorkOS) ? failure : NextBuildForecast.Work(remote.Select(step => step.Summary).ToList()) + "; then " + failure, true);
        }
        // WorkOS keeps what it already has: re-sending the settings alone changes nothing.
        if (plan.Steps.All(step => step is ConfigureWorkOS))
            return (NextBuildForecast.NothingToChange(plan.Find<ConfigureWorkOS>()?.Settings.Count ?? 0), false);
        return (NextBuildForecast.Work(plan.Steps.Select(step => step.Summary).ToList()), true);
    }
}
