using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Facts;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Build.Vocabulary;
using Convex.AuthKit.Build.WorkOS;

namespace Convex.AuthKit.Build.Provisioning;

/// <summary>
/// The flow, top-down like docs/protocol.md#reference-flow with docs/architecture.md#where-we-differ-from-the-cli: is AuthKit wanted; which deployment; the facts
/// (round trips 1 and 2); the plan; then its steps (docs/architecture.md#the-provisioning-plan). Cold provisioning is 4 dependent round trips:
/// authorize (+ team question), read variables, get-or-provision, then variable write and WorkOS calls together; the
/// component's webhook endpoint goes beside the WorkOS calls, and the variables write waits for its secret
/// (docs/architecture.md#the-component-webhook).
/// </summary>
internal sealed class AuthKitProvisioning
{
    private readonly string _appDirectory;
    private readonly BuildSettings _settings;
    private readonly ProvisionLog _log;
    private readonly ProvisioningReport _report = new ProvisioningReport();
    private readonly HashSet<string> _watchedFiles = new HashSet<string>(StringComparer.Ordinal);
    private readonly HashSet<string> _watchedVariables = new HashSet<string>(StringComparer.Ordinal);
    private IReadOnlyList<KeyValuePair<string, string>> _items = Array.Empty<KeyValuePair<string, string>>();
    private bool _planWarningsReported;

    /// <summary>The env file's failure, reported after the remote steps (and after their own failure, if any).</summary>
    private ProvisioningException? _envFileFailure;

    /// <summary>Round trip 4's WorkOS settings calls: a run that stops early (a failure, Ctrl+C) still reports those WorkOS took.</summary>
    private IReadOnlyList<(WorkOSSetting Setting, Task<WorkOSChangeResult> Call)> _workOSCalls = Array.Empty<(WorkOSSetting, Task<WorkOSChangeResult>)>();
    private Func<string, bool?> _homepageLastSet = _ => null;
    private bool _workOSReported;

    private AuthKitProvisioning(string appDirectory, BuildSettings settings, ProvisionLog log)
    {
        _appDirectory = appDirectory;
        _settings = settings;
        _log = log;
    }

    public static async Task<ProvisioningOutcome> RunAsync(string appDirectory, BuildSettings settings, ProvisionLog log, CancellationToken cancellationToken)
    {
        var run = new AuthKitProvisioning(appDirectory, settings, log);
        bool succeeded;
        try
        {
            succeeded = await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (FailureTranslation.TryTranslate(e, out var failure))
        {
            run.ReportPartialChanges();
            log.Report(failure!);
            if (run._envFileFailure is { } envFile && !ReferenceEquals(envFile, failure)) log.Report(envFile);
            succeeded = false;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or the time budget: what was done before stopping is still told.
            run.ReportPartialChanges();
            throw;
        }
        return new ProvisioningOutcome(succeeded, run._items, run._watchedFiles, run._watchedVariables);
    }

    private async Task<bool> ExecuteAsync(CancellationToken cancellationToken)
    {
        // 1. Is AuthKit wanted here? (docs/architecture.md#triggers)
        var decision = LocalFacts.Decide(_appDirectory, _settings, _log);
        Watch(decision.FilesRead.Concat(decision.FilesProbed));
        WatchVariables(decision.VariablesRead);
        if (!decision.IsWanted)
        {
            _log.High(decision.Reason + "; nothing to do.");
            return true;
        }
        var dev = decision.Dev!;
        _report.Subject = decision.Reason;

        // 2. Which deployment, which credentials (docs/protocol.md#deployment-selection, docs/architecture.md#which-deployment).
        var local = LocalFacts.Gather(_appDirectory, decision, _settings, _log);
        var selection = local.Selection;
        Watch(selection.InputFiles);
        // Logging in later must re-run the target, wherever the token file lives.
        if (selection.ProvisionHost != null) Watch(new[] { AccessTokenFile.PathFor(_settings.HomeDirectory, selection.ProvisionHost.ToString()) });
        WatchVariables(selection.InputVariables.Concat(ConfiguredVariableNames(dev)));
        // Skipped, not configured, not logged in: nothing more can happen until an input changes, so the run is
        // complete (the warning shows again when one does, like a compiler warning on an incremental build).
        WatchVariables(ContinuousIntegration.Variables);
        if (SelectionOutcome.Of(selection, ContinuousIntegration.Detect(_settings)) is { } stop)
        {
            if (stop.Fails) throw new ProvisioningException(stop.Diagnostic!, stop.Message);
            _log.High($"{_report.Subject}: {stop.Headline}.");
            if (stop.Diagnostic == null) _log.Normal(stop.Message);
            else _log.Report(stop.Diagnostic, stop.Message);
            return true;
        }
        _log.Low($"deployment {selection.DeploymentName} from {selection.DeploymentSource}, credential: {selection.CredentialSource}.");
        _report.Subject = $"{decision.Reason}, dev deployment {selection.DeploymentName}";
        // An env file that cannot be read at all (not UTF-8) fails before any request.
        var envFile = local.ReadEnvFile();
        var environment = local.Environment;
        // The WorkOS API key must never go over plain http to another host: refused before any request, not after provisioning.
        var workOSUrl = WorkOSApiUrl.For(_settings, environment);
        if (!TransportSecurity.MaySendCredentials(workOSUrl)) throw new InsecureTransportException(ServiceKind.WorkOS, workOSUrl);

        using var http = HttpClients.Create(_settings, _log);
        try
        {
            // 3. Round trip 1: the deployment's URL and admin key (and, with an access token, the team question),
            // while the code the later round trips need is compiled beside it.
            JitWarmup.Start();
            var connection = await ConvexConnection.OpenAsync(selection, http, cancellationToken).ConfigureAwait(false);

            // 4. Round trip 2: every deployment variable at once (docs/protocol.md#reference-flow, docs/architecture.md#deployment-variables-through-the-public-api).
            // A component app reads the deployment's site URL beside them (docs/architecture.md#the-component-webhook).
            var (deploymentVariables, siteUrl) = local.UsesAuthKitComponent
                ? await connection.ReadVariablesAndSiteUrlAsync(cancellationToken).ConfigureAwait(false)
                : (await connection.ReadVariablesAsync(cancellationToken).ConfigureAwait(false), null);
            var facts = local.PlanFacts(envFile, deploymentVariables, connection.TeamAnswer, _settings, siteUrl, webhookEndpoints: null, workOSEnvironmentGone: false);

            // 5. The plan (docs/architecture.md#the-provisioning-plan).
            var plan = Decide(facts);
            // The team question's failure matters only to a plan that provisions: it is then this run's failure.
            if (plan.Provisions) await connection.TeamAssociationAsync().ConfigureAwait(false);
            if (_settings.DryRun)
            {
                // The dry run reads what the build would list, so it can say what it would do with the endpoint.
                if (plan.Find<ConfigureWebhookEndpoint>() is { Choice: null } webhook && !plan.Provisions)
                {
                    var hooks = new WebhookEndpointsClient(http, WorkOSApiUrl.For(_settings, environment), webhook.Credentials.ApiKey!);
                    connection.RecordRead($"{WebhookEndpointsClient.Calls.List} (read: the webhook endpoints)");
                    plan = Decide(facts with { Webhook = facts.Webhook! with { Endpoints = await hooks.ListAllAsync(cancellationToken).ConfigureAwait(false) } });
                }
                DryRunPlan.Print(_log, _report.Subject, connection.Reads, connection.Deployment, plan);
                if (plan.EnvFileProblem is { } problem) throw new ProvisioningException(problem.Diagnostic, DryRunPlan.AfterStepsPrefix + problem.Message, location: problem.Location);
                return true;
            }

            // 6. Round trip 3: provision (never with a deploy key, docs/architecture.md#deploy-keys-never-provision); the new
            // environment's credentials replace the placeholders, so the rest is planned again.
            if (plan.Provisions)
            {
                var provisioned = await EnvironmentProvisioning.RunAsync(connection.BigBrain, plan, _report, cancellationToken).ConfigureAwait(false);
                _report.Environment(provisioned);
                plan = Decide(facts with { Provisioned = provisioned, EnvFile = local.ReadEnvFile() });
            }

            // 7. Round trip 4: deployment variables and WorkOS configuration together; then the env file.
            await ApplyAsync(http, connection, plan, facts, environment, cancellationToken).ConfigureAwait(false);
            _report.WriteTo(_log);
            return true;
        }
        catch (ServiceUnreachableException offline)
        {
            return OfflineFallback(offline, dev, decision.WantsCookiePassword, environment);
        }
    }

    /// <summary>The plan for these facts; a refusal is this run's failure (a dry run says it stopped where the build would).</summary>
    private ProvisioningPlan Decide(ProvisioningFacts facts)
    {
        var plan = ProvisioningPlanner.Plan(facts);
        // Planned again after provisioning with the same deployment variables: its warnings were reported already.
        if (!_planWarningsReported)
        {
            foreach (var warning in plan.Warnings) _log.Report(warning.Diagnostic, warning.Message, warning.Location);
            _planWarningsReported = true;
        }
        if (plan.Refusal is { } refusal)
            throw new ProvisioningException(refusal.Diagnostic, (_settings.DryRun ? DryRunPlan.RefusalPrefix : "") + refusal.Message, location: refusal.Location);
        return plan;
    }

    /// <summary>
    /// docs/architecture.md#faults-retries-and-partial-failure: the variable write and the WorkOS calls run concurrently and never wait on the env file. Once
    /// the deployment holds the credentials the env file is written (docs/architecture.md#concurrent-edits), even if a WorkOS call failed; an
    /// env-file failure (a stale line, an unwritable value, a write that failed) is reported once the WorkOS calls are done.
    /// </summary>
    private async Task ApplyAsync(ResilientHttpClient http, ConvexConnection connection, ProvisioningPlan plan, ProvisioningFacts facts,
        BuildEnvironment environment, CancellationToken cancellationToken)
    {
        var dev = facts.Dev;
        var written = facts.Written;
        var variables = plan.Find<SetDeploymentVariables>();
        var workOS = plan.Find<ConfigureWorkOS>();
        var webhook = plan.Find<ConfigureWebhookEndpoint>();
        var envFile = plan.Find<WriteEnvFile>();

        var hooks = webhook != null ? new WebhookEndpointsClient(http, WorkOSApiUrl.For(_settings, environment), webhook.Credentials.ApiKey!) : null;
        var getOrCreate = webhook != null ? WebhookEndpointProvisioning.GetOrCreateAsync(hooks!, webhook, cancellationToken) : null;
        var workOSEnvironment = workOS?.Credentials.EnvironmentId ?? workOS?.Credentials.ClientId ?? "";
        if (workOS != null)
        {
            var client = new WorkOSClient(http, WorkOSApiUrl.For(_settings, environment), workOS.Credentials.ApiKey!);
            _workOSCalls = workOS.Settings.Select(setting => (setting, client.ApplyAsync(setting, cancellationToken))).ToList();
            _homepageLastSet = url => facts.Written.SetHomepage(workOSEnvironment, url);
        }
        var configure = Task.WhenAll(_workOSCalls.Select(c => c.Call));

        // The webhook's secret joins the variables write; a failure of its calls is reported once the rest is applied.
        var (endpoint, webhookFailure) = getOrCreate != null ? await SettleWebhookAsync(getOrCreate, webhook!, facts).ConfigureAwait(false) : (null, null);
        var changes = (variables?.Changes ?? Array.Empty<EnvironmentVariableChange>()).ToList();
        if (endpoint != null) changes.Add(new EnvironmentVariableChange(ProvisioningPlanner.WebhookSecretName, endpoint.Endpoint.Secret));
        var writeVariables = changes.Count > 0 ? connection.Deployment.UpdateEnvironmentVariablesAsync(changes, cancellationToken) : Task.CompletedTask;
        // Beside the write, never before it: a race with another machine is rare, and costs its own round trip only then.
        var race = endpoint is { Created: true } ? WebhookEndpointProvisioning.KeepTheOldestAsync(hooks!, endpoint.Endpoint, cancellationToken) : null;

        try
        {
            await writeVariables.ConfigureAwait(false);
        }
        catch (Exception)
        {
            await Task.WhenAny(configure).ConfigureAwait(false);
            if (race != null) await Task.WhenAny(race).ConfigureAwait(false);
            throw;
        }
        if (changes.Count > 0) _report.VariablesSet(connection.DeploymentName, changes);
        if (race != null) webhookFailure ??= await KeepTheOldestAsync(connection, race, cancellationToken).ConfigureAwait(false);

        if (envFile != null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var (file, wrote) = EnvFileWrite.Execute(envFile.File, cancellationToken: cancellationToken);
                if (wrote) _report.EnvFileWritten(file.DisplayName, file.Changes);
                // A secret is never recorded, even as a hash, so its line is never the build's to update.
                if (wrote) foreach (var change in file.Changes.Where(c => c.Value != null && !c.IsSecret)) written = written.WithEnvLine(file.Path, change.Name, change.Value!);
            }
            catch (Exception e) when (!(e is OperationCanceledException) && FailureTranslation.TryTranslate(e, out var failure))
            {
                _envFileFailure = failure!.Location != null ? failure : new ProvisioningException(failure.Diagnostic, failure.Message, e, new DiagnosticLocation(envFile.File.Path));
            }
        }
        _items = EnvironmentVariableItemsFor(dev, environment, plan.Credentials);

        await configure.ConfigureAwait(false);
        var results = ReportWorkOSApplied();
        foreach (var result in results.Where(r => r.Key.Kind == WorkOSSettingKind.AppHomepageUrl && r.Value == WorkOSChangeResult.Changed))
            written = written.WithHomepage(workOSEnvironment, result.Key.Value);
        RecordWrites(environment.AppDirectory, written, cancellationToken);
        if (webhookFailure != null) throw webhookFailure;
        if (_envFileFailure != null) throw _envFileFailure;
    }

    /// <summary>Best effort, like the stamp: without the record, a line the build wrote is left alone with CAK2112.</summary>
    private void RecordWrites(string appDirectory, BuildWrites written, CancellationToken cancellationToken)
    {
        try
        {
            BuildWritesFile.Write(BuildWritesFile.PathFor(appDirectory), written.Hashes, cancellationToken);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            _log.Report(Diagnostics.StateFileNotWritten,
                $"Could not record which env-file lines the build wrote ({e.Message}), so a later configuration change leaves them as they are (CAK2112). If this repeats, check the folder's permissions and free space.");
        }
    }

    /// <summary>
    /// The endpoint whose secret the deployment takes; a refusal is CAK2109 with WorkOS's reason and the manual steps
    /// (docs/architecture.md#the-component-webhook); any other failure is returned, to be thrown once the rest is applied.
    /// </summary>
    private async Task<(WebhookEndpointProvisioning.Result? Endpoint, Exception? Failure)> SettleWebhookAsync(
        Task<WebhookEndpointProvisioning.Result> getOrCreate, ConfigureWebhookEndpoint webhook, ProvisioningFacts facts)
    {
        try
        {
            var endpoint = await getOrCreate.ConfigureAwait(false);
            _report.Change(endpoint.Done);
            return (endpoint, null);
        }
        catch (ServiceException e) when (WebhookEndpointProvisioning.IsRefusal(e))
        {
            var warning = ProvisioningPlanner.WebhookByHand(facts, $"; WorkOS refused the webhook endpoint {webhook.EndpointUrl} ({e.ServiceMessage ?? e.Message})");
            _log.Report(warning.Diagnostic, warning.Message);
            return (null, null);
        }
        catch (Exception e) when (!(e is OperationCanceledException))
        {
            return (null, e);
        }
    }

    /// <summary>Another machine created an endpoint at our URL too: the deployment takes the survivor's secret. Returns the failure, if any.</summary>
    private async Task<Exception?> KeepTheOldestAsync(ConvexConnection connection, Task<WebhookEndpoint?> race, CancellationToken cancellationToken)
    {
        try
        {
            var survivor = await race.ConfigureAwait(false);
            if (survivor == null) return null;
            _report.Change($"deleted the webhook endpoint this build created: an older one at {survivor.EndpointUrl} ({survivor.Id}) is kept");
            var secret = new[] { new EnvironmentVariableChange(ProvisioningPlanner.WebhookSecretName, survivor.Secret) };
            await connection.Deployment.UpdateEnvironmentVariablesAsync(secret, cancellationToken).ConfigureAwait(false);
            _report.VariablesSet(connection.DeploymentName, secret);
            return null;
        }
        catch (Exception e) when (!(e is OperationCanceledException))
        {
            return e;
        }
    }

    /// <summary>Offline (docs/architecture.md#offline): Go on with a warning when the env file already holds every entry, else fail.</summary>
    private bool OfflineFallback(ServiceUnreachableException offline, AuthKitEnvironmentConfig dev, bool wantsCookiePassword, BuildEnvironment before)
    {
        // Read the file again: this run may have written it before a WorkOS call went unanswered (docs/architecture.md#faults-retries-and-partial-failure).
        var environment = BuildEnvironment.Load(before.AppDirectory, before.EnvFile.Path, _settings.Environment);
        var missing = EnvFilePlan.MissingEntries(dev, wantsCookiePassword, environment, credentials: null);
        if (missing.Count > 0)
            throw new ProvisioningException(Diagnostics.OfflineAndIncomplete,
                $"{offline.Message}. {environment.EnvFile.DisplayName} still lacks {string.Join(", ", missing)}, so the app cannot sign in yet. Check your network (or proxy) and build again.");
        ReportPartialChanges();
        _log.Report(Diagnostics.Offline, $"{offline.Message}. {environment.EnvFile.DisplayName} already holds every AuthKit entry, so the build goes on; it will check again next time.");
        if (_envFileFailure != null) _log.Report(_envFileFailure);
        _items = EnvironmentVariableItemsFor(dev, environment, credentials: null);
        return false;
    }

    /// <summary>A run that fails after changing something (docs/architecture.md#faults-retries-and-partial-failure) still says what it changed.</summary>
    private void ReportPartialChanges()
    {
        ReportWorkOSApplied();
        if (_report.HasChanges) _report.WriteTo(_log);
    }

    /// <summary>Adds the WorkOS settings calls that succeeded to the report, once; returns them.</summary>
    private IReadOnlyList<KeyValuePair<WorkOSSetting, WorkOSChangeResult>> ReportWorkOSApplied()
    {
        if (_workOSReported) return Array.Empty<KeyValuePair<WorkOSSetting, WorkOSChangeResult>>();
        _workOSReported = true;
        var applied = _workOSCalls.Where(c => c.Call.Status == TaskStatus.RanToCompletion)
            .Select(c => new KeyValuePair<WorkOSSetting, WorkOSChangeResult>(c.Setting, c.Call.Result)).ToList();
        _report.WorkOSConfigured(applied, _report.FreshEnvironment, _homepageLastSet);
        return applied;
    }

    /// <summary>
    /// The non-secret entries the configuration defines, as the env file (or the environment) now holds them; a placeholder
    /// counts only when it is what the build would write (docs/architecture.md#placeholders).
    /// </summary>
    private IReadOnlyList<KeyValuePair<string, string>> EnvironmentVariableItemsFor(AuthKitEnvironmentConfig dev, BuildEnvironment before, WorkOSCredentials? credentials)
    {
        if (dev.LocalEnvVars == null || dev.LocalEnvVarsDisabled) return Array.Empty<KeyValuePair<string, string>>();
        var after = BuildEnvironment.Load(before.AppDirectory, before.EnvFile.Path, _settings.Environment);
        return dev.LocalEnvVars
            .Where(e => !EnvFilePlan.IsSecret(e.Key, e.Value))
            .Select(e => new KeyValuePair<string, string>(e.Key, EnvFilePlan.HeldValue(e.Key, e.Value, after, credentials) ?? ""))
            .Where(e => e.Value.Length > 0)
            .ToList();
    }

    private static IEnumerable<string> ConfiguredVariableNames(AuthKitEnvironmentConfig dev)
    {
        var templates = (dev.LocalEnvVars ?? Array.Empty<KeyValuePair<string, string>>()).Select(e => e.Value)
            .Concat(dev.ConfiguredSettings().Select(setting => setting.Template));
        return (dev.LocalEnvVars ?? Array.Empty<KeyValuePair<string, string>>()).Select(e => e.Key)
            .Concat(templates.SelectMany(TemplateResolver.BuildEnvNames));
    }

    private void Watch(IEnumerable<string> files)
    {
        foreach (var file in files) _watchedFiles.Add(file);
    }

    private void WatchVariables(IEnumerable<string> names)
    {
        foreach (var name in names) _watchedVariables.Add(name);
    }
}
