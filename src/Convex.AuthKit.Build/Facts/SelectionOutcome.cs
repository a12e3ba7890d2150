using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Facts;

/// <summary>
/// Where a deployment selection stops a run before any request (docs/architecture.md#which-deployment), with what to
/// say: the build reports it, the status forecasts it. The one place that maps a selection kind to its outcome.
/// </summary>
/// <param name="Headline">What the run does, e.g. <c>nothing provisioned, not logged in to Convex</c>.</param>
/// <param name="Diagnostic">The code reported with the selection's message; null for a plain message.</param>
/// <param name="Message">The selection's own message: what happened and what to do.</param>
internal sealed record SelectionOutcome(string Headline, Diagnostic? Diagnostic, string Message)
{
    /// <summary>
    /// Null when the run goes on to the deployment. In CI (<paramref name="inContinuousIntegration"/>) a dev deployment
    /// without credentials is a plain message: a CI build of a dev app is expected to have no Convex login.
    /// </summary>
    public static SelectionOutcome? Of(DeploymentSelection selection, bool inContinuousIntegration) => selection.Kind switch
    {
        DeploymentSelectionKind.NoCredentials when inContinuousIntegration => new SelectionOutcome("nothing provisioned, no Convex credentials in CI", null,
            DeploymentSelectionMessages.NoCredentialsInContinuousIntegration(selection.DeploymentSource!, selection.DeploymentName!)),
        DeploymentSelectionKind.DevWithAccessToken or DeploymentSelectionKind.DevDeployKey => null,
        DeploymentSelectionKind.Skipped => new SelectionOutcome($"deployment left alone ({selection.SkipReason})", null, selection.Message!),
        DeploymentSelectionKind.NotConfigured =>
            new SelectionOutcome("nothing provisioned, no Convex deployment is configured", Diagnostics.NoDeploymentConfigured, selection.Message!),
        DeploymentSelectionKind.NoCredentials => new SelectionOutcome("nothing provisioned, not logged in to Convex", Diagnostics.NotLoggedIn, selection.Message!),
        _ => new SelectionOutcome("stopped: the deployment selection is invalid", Diagnostics.InvalidDeploymentSelection, selection.Message!),
    };

    /// <summary>An error ends the run as a failure; anything else is a complete run that changed nothing.</summary>
    public bool Fails => Diagnostic is { IsError: true };
}
