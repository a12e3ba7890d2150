using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.Facts;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Status;

/// <summary>
/// ConvexAuthKitStatus: the facts a build would act on, told in one block — the Convex app, AuthKit's trigger, the
/// deployment and its credential kind, its WORKOS_* variables, whether WorkOS still knows its environment, the
/// client ID, what WorkOS is to be told, the env file's entries — and what the next build would do. Reads only
/// (authorize, list variables and the WorkOS health); writes nothing; offline it says so and still tells the local facts.
/// </summary>
internal static class StatusInspection
{
    public static async Task<StatusBlock> RunAsync(StatusRequest request, IProvisionLogSink sink, CancellationToken cancellationToken)
    {
        var notes = new StatusLogSink(sink);
        var log = new ProvisionLog(notes, request.Settings.FailOnError, request.Settings.ProjectFile);
        var block = new StatusBlock($"status of {request.ProjectName} ({request.Configuration})");
        string outcome;
        try
        {
            outcome = await InspectAsync(request, block, log, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!(e is OperationCanceledException) && FailureTranslation.TryTranslate(e, out var failure))
        {
            log.Report(failure!);
            outcome = NextBuildForecast.Fails(failure!.Diagnostic, request.Settings.FailOnError, failure.Message);
        }
        foreach (var warning in notes.Warnings) block.Add("warning", warning);
        block.NextBuild = NextBuildForecast.Gated(request, outcome);
        log.High(block.Render());
        return block;
    }

    private static async Task<string> InspectAsync(StatusRequest request, StatusBlock block, ProvisionLog log, CancellationToken cancellationToken)
    {
        var settings = request.Settings;
        var location = ConvexAppLocator.Locate(settings.ProjectDirectory, settings.ConvexProjectDirectory, settings.SpaRoot);
        if (location.MissingExplicitDirectory != null)
        {
            // A broken setting is a real error for the status too, like an invalid convex.json.
            log.Report(Diagnostics.MissingConvexProjectDirectory, $"ConvexProjectDirectory is '{settings.ConvexProjectDirectory}', but {location.MissingExplicitDirectory} does not exist. Point it at the folder that holds convex.json (or remove it to let the package look for the Convex app).");
            block.Add("Convex app", $"{location.MissingExplicitDirectory} (ConvexProjectDirectory) does not exist");
            return NextBuildForecast.Fails(Diagnostics.MissingConvexProjectDirectory, settings.FailOnError, "ConvexProjectDirectory names a folder that does not exist");
        }
        if (location.Directory == null)
        {
            block.Add("Convex app", "none (no convex.json or convex/ folder in the project, SpaRoot, ClientApp/ or a parent folder up to the repository root)");
            return NextBuildForecast.Nothing("this project has no Convex app");
        }
        block.Add("Convex app", $"{location.Directory} ({location.FoundIn})");
        var stampCurrent = !settings.Force && StampIsCurrent(location.Directory, request);

        AuthKitDecision decision;
        try
        {
            decision = LocalFacts.Decide(location.Directory, settings, log);
        }
        catch (ProvisioningException e)
        {
            log.Report(e);
            block.Add("AuthKit", $"cannot tell: {e.Diagnostic.Code} (see the message above)");
            return NextBuildForecast.Fails(e.Diagnostic, settings.FailOnError, e.Message);
        }
        if (!decision.IsWanted)
        {
            block.Add("AuthKit", "not wanted: " + decision.Reason);
            return NextBuildForecast.WithStamp(stampCurrent, NextBuildForecast.Nothing(decision.Reason), changesSomething: false);
        }
        block.Add("AuthKit", decision.Reason);
        if (decision.DevOrigin != null)
            block.Add("dev origin", decision.DevOrigin + (decision.Kind == AuthKitDecisionKind.ConvexJsonDev ? "; convex.json's URLs are used as written" : ""));

        var local = LocalFacts.Gather(location.Directory, decision, settings, log);
        var selection = local.Selection;
        var stop = SelectionOutcome.Of(selection, ContinuousIntegration.Detect(settings));
        if (stop is { Fails: true }) log.Report(stop.Diagnostic!, stop.Message);
        var facts = stop == null
            ? await DeploymentReads.ReadAsync(selection, local, settings, log, cancellationToken).ConfigureAwait(false)
            : null;
        var environment = local.Environment;
        var entries = EnvFileEntries.Of(decision, environment, facts?.Variables != null ? WorkOSCredentialsPlan.Resolve(facts.Variables, environment) : null);

        DescribeDeployment(block, selection, facts);
        var forecast = new DeploymentForecast(local, facts, settings);
        block.Add("client ID", forecast.ClientIdText());
        forecast.DescribeWorkOSSettings(block);
        if (decision.AuthKitComponentEvents is { } events && facts?.Variables != null) block.Add(WebhookStatus.Label, WebhookStatus.Describe(facts, events.Events));
        block.Add(entries.FileName, entries.Describe());
        var nextStep = facts?.Health.NextStep(facts.Variables, EnvFileEntries.FilledFromWorkOS(decision.Dev!, environment), entries.FileName);
        if (nextStep != null) block.Add(WorkOSHealth.NextStepLabel, nextStep);
        var outcome = stop != null ? NextBuildForecast.Stops(stop, stampCurrent, settings.FailOnError) : OutcomeFor(facts!, entries, forecast, stampCurrent, settings);
        // The plan's warnings (CAK2109) are the next build's too: the block lists them.
        foreach (var warning in forecast.Warnings) log.Report(warning.Diagnostic, warning.Message, warning.Location);
        return outcome;
    }

    private static string OutcomeFor(DeploymentReads facts, EnvFileEntries entries, DeploymentForecast forecast, bool stampCurrent, BuildSettings settings)
    {
        if (facts.Offline != null) return stampCurrent ? NextBuildForecast.StampMatches : NextBuildForecast.Offline(entries.FileName, entries.Missing);
        if (facts.Failure != null)
            return NextBuildForecast.WithStamp(stampCurrent, NextBuildForecast.Fails(facts.Failure.Diagnostic, settings.FailOnError, facts.Failure.Message), true);
        var (outcome, changes) = forecast.Plan();
        return NextBuildForecast.WithStamp(stampCurrent, outcome, changes);
    }

    private static void DescribeDeployment(StatusBlock block, DeploymentSelection selection, DeploymentReads? facts)
    {
        switch (selection.Kind)
        {
            case DeploymentSelectionKind.DevWithAccessToken:
            case DeploymentSelectionKind.DevDeployKey:
                block.Add("deployment", $"dev:{selection.DeploymentName}, selected by {selection.DeploymentSource}" + (facts?.Url != null ? $", at {facts.Url}" : ""));
                block.Add("credential", CredentialText(selection));
                block.Add("deployment variables", VariablesText(facts!));
                if (facts!.Team != null)
                    block.Add("WorkOS team", facts.Team.Disabled ? "the Convex team chose not to connect WorkOS"
                        : facts.Team.HasAssociatedWorkOSTeam ? "associated with the Convex team" : "none yet for the Convex team");
                block.Add(WorkOSHealth.EnvironmentLabel, facts.Health.EnvironmentText(facts.Variables));
                block.Add(WorkOSHealth.TeamLabel, facts.Health.TeamText());
                return;
            case DeploymentSelectionKind.Skipped:
                block.Add("deployment", $"{selection.DeploymentType ?? "?"}:{selection.DeploymentName ?? "?"}, selected by {selection.DeploymentSource}: left alone ({selection.SkipReason})");
                break;
            case DeploymentSelectionKind.NotConfigured:
                block.Add("deployment", "none configured (CONVEX_DEPLOYMENT is not set)");
                break;
            case DeploymentSelectionKind.NoCredentials:
                block.Add("deployment", $"dev:{selection.DeploymentName}, selected by {selection.DeploymentSource}");
                block.Add("credential", "none: not logged in to Convex (no access token, no deploy key)");
                break;
            default:
                block.Add("deployment", "invalid: " + selection.Message);
                break;
        }
        block.Add("deployment variables", "not read");
    }

    private static string CredentialText(DeploymentSelection selection)
    {
        var source = selection.CredentialSource ?? "";
        if (selection.CredentialKind == DeploymentSelectionCredentialKind.AccessToken)
            return "access token (" + (source.StartsWith("access token ", StringComparison.Ordinal) ? source.Substring("access token ".Length) : source) + ")";
        return $"deploy key ({source}; configures only, never provisions)";
    }

    private static string VariablesText(DeploymentReads facts)
    {
        if (facts.Offline != null) return "unknown: offline (" + facts.Offline + ")";
        if (facts.Failure != null) return $"unknown: {facts.Failure.Diagnostic.Code} {facts.Failure.Message.Split('\n')[0].Trim()}";
        var names = new[] { WorkOSCredentials.ClientIdName, WorkOSCredentials.EnvironmentIdName, WorkOSCredentials.ApiKeyName };
        return string.Join(", ", Array.ConvertAll(names, n => n + (facts.Variables!.TryGetValue(n, out var v) && v.Length > 0 ? " set" : " missing")));
    }

    /// <summary>The provisioning session's own test: a matching stamp means no work, no request.</summary>
    private static bool StampIsCurrent(string appDirectory, StatusRequest request)
    {
        try
        {
            return StampMatch.NothingToDo(appDirectory, request.Settings, request.StampFile);
        }
        catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException)
        {
            return false; // the build could not fingerprint either, so it would re-check everything
        }
    }
}
