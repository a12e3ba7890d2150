using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Build.Vocabulary;
using Convex.AuthKit.Build.WorkOS;

namespace Convex.AuthKit.Build.Facts;

/// <summary>
/// What a run knows before any request (docs/architecture.md#the-flow, steps 5 and 6), gathered the same way by the build,
/// the dry run and the status: whether AuthKit is wanted and with what, the build environment and the deployment
/// selection. With the deployment's answers they make the plan's facts, here and nowhere else.
/// </summary>
internal sealed record LocalFacts(AuthKitDecision Decision, BuildEnvironment Environment, DeploymentSelection Selection)
{
    /// <summary>Is AuthKit wanted here (docs/architecture.md#triggers)? Its warnings are reported here, once.</summary>
    /// <exception cref="ProvisioningException">convex.json, package.json or the dev origin setting is invalid.</exception>
    public static AuthKitDecision Decide(string appDirectory, BuildSettings settings, ProvisionLog log)
    {
        AuthKitDecision decision;
        try
        {
            decision = AuthKitTrigger.Decide(appDirectory, settings.DevOrigin, settings.SpaProxyServerUrl, settings.Environment);
        }
        catch (ConvexJsonException e)
        {
            throw new ProvisioningException(Diagnostics.InvalidConvexJson, $"{appDirectory}: {e.Message}", location: e.Location);
        }
        catch (PackageJsonException e)
        {
            throw new ProvisioningException(Diagnostics.InvalidPackageJson, $"{appDirectory}: {e.Message}");
        }
        catch (DevOriginException e)
        {
            throw new ProvisioningException(Diagnostics.InvalidSetting, e.Message + " Set ConvexAuthKitDevOrigin to an origin such as http://localhost:5173.");
        }
        // The CLI's lines: the first names the properties, the next explains; the warning is the first.
        if (decision.ProjectConfig?.Warnings is { Count: > 0 } cliLines)
            log.Report(Diagnostics.ConvexJsonWarning, $"convex.json: {cliLines[0]}; check the spelling, or leave it if a newer Convex CLI reads it.\n{string.Join("\n", cliLines.Skip(1))}",
                new DiagnosticLocation(Path.Combine(appDirectory, "convex.json")));
        foreach (var warning in decision.Warnings) log.Report(warning.Diagnostic, warning.Message, warning.Location);
        return decision;
    }

    /// <summary>
    /// Which deployment, with which credential (docs/protocol.md#deployment-selection); a token file that could not be
    /// read, and an example env file that could not be read for placeholders, are reported.
    /// </summary>
    public static LocalFacts Gather(string appDirectory, AuthKitDecision decision, BuildSettings settings, ProvisionLog log)
    {
        var environment = BuildEnvironment.Load(appDirectory, settings.EnvFile, settings.Environment);
        foreach (var skipped in environment.SkippedExamples) log.Report(Diagnostics.LocalFileSkipped, skipped.Message, new DiagnosticLocation(skipped.Path));
        var selection = DeploymentSelector.Select(environment.AsTheCliReadsIt(), settings.HomeDirectory);
        if (selection.Diagnostic != null) log.Report(Diagnostics.InvalidAccessTokenFile, selection.Diagnostic);
        return new LocalFacts(decision, environment, selection);
    }

    public AuthKitEnvironmentConfig Dev => Decision.Dev!;

    /// <summary>The env file as it is now, when the configuration writes it; null when it does not.</summary>
    /// <exception cref="InvalidDataException">The file is not UTF-8.</exception>
    public EnvFileSnapshot? ReadEnvFile() => EnvFilePlan.IsWanted(Dev) ? EnvFileSnapshot.Read(Environment) : null;

    /// <summary>The plan's facts (docs/architecture.md#the-provisioning-plan): these local facts and the deployment's answers.</summary>
    /// <param name="variables">Round trip 2: every variable of the deployment.</param>
    /// <param name="team">Round trip 1's team question; null when it was not asked (a deploy key) or did not come back.</param>
    /// <param name="siteUrl">Read beside the variables for a component app (docs/architecture.md#the-component-webhook); null when unknown.</param>
    /// <param name="webhookEndpoints">The WorkOS environment's webhook endpoints, when read (dry run, status); null when not.</param>
    /// <param name="workOSEnvironmentGone">What only the status asks: WorkOS no longer has the deployment's environment. The build passes false.</param>
    public ProvisioningFacts PlanFacts(EnvFileSnapshot? envFile, IReadOnlyDictionary<string, string> variables, WorkOSTeamAssociation? team,
        BuildSettings settings, Uri? siteUrl, IReadOnlyList<WebhookEndpoint>? webhookEndpoints, bool workOSEnvironmentGone) =>
        new(Selection, variables, team, new WorkOSTeamSettings(settings.WorkOSTeamEmail, settings.AcceptWorkOSTerms), Dev, Decision.WantsCookiePassword,
            Environment, envFile, Decision.AuthKitComponentFile,
            Decision.AuthKitComponentEvents is { } events ? new WebhookFacts(settings.ConfigureWebhook, events, siteUrl, webhookEndpoints) : null,
            Provisioned: null, workOSEnvironmentGone,
            new BuildWrites(BuildWritesFile.Read(BuildWritesFile.PathFor(Environment.AppDirectory))));

    /// <summary>The component is in use: the site URL is read beside the variables.</summary>
    public bool UsesAuthKitComponent => Decision.AuthKitComponentEvents != null;
}
