using System.Collections.Generic;
using System.Threading.Tasks;
using System.Threading;
using System;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Provisioning;
using Convex.AuthKit.Build.Selection;

namespace Convex.AuthKit.Build.Status
{
    /// <summary>
    /// What the status learns from Convex, with reads only: round trip 1 of the flow (authorize, and with an access
    /// token the WorkOS team question) and the deployment's variables. Offline or refused is an answer, not a failure.
    /// </summary>
    public sealed class DeploymentFacts
    {
        private DeploymentFacts(Uri? url, IReadOnlyDictionary<string, string>? variables, WorkOSTeamAssociation? team, string? offline, ProvisioningException? failure)
        {
            Url = url;
            Variables = variables;
            Team = team;
            Offline = offline;
            Failure = failure;
        }

        public Uri? Url { get; }

        /// <summary>Every variable of the deployment (values may be secrets); null when they could not be read.</summary>
        public IReadOnlyDictionary<string, string>? Variables { get; }

        /// <summary>The team question's answer; null with a deploy key, or when it failed.</summary>
        public WorkOSTeamAssociation? Team { get; }

        /// <summary>Why Convex could not be reached, or null.</summary>
        public string? Offline { get; }

        /// <summary>The error a build would report for the same answer (e.g. CAK1005), or null.</summary>
        public ProvisioningException? Failure { get; }

        public static async Task<DeploymentFacts> ReadAsync(DeploymentSelection selection, BuildSettings settings, ProvisionLog log, CancellationToken cancellationToken)
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            using var http = HttpClients.Create(settings, log);
            try
            {
                var connection = await ConvexConnection.OpenAsync(selection, http, budget.Token).ConfigureAwait(false);
                var variables = await connection.Deployment.ListEnvironmentVariablesAsync(budget.Token).ConfigureAwait(false);
                return new DeploymentFacts(connection.DeploymentUrl, variables, connection.UsesDeployKey ? null : await TeamOrNull(connection).ConfigureAwait(false), null, null);
            }
            catch (ServiceUnreachableException e)
            {
                return new DeploymentFacts(null, null, null, e.Message, null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new DeploymentFacts(null, null, null, $"no answer within ConvexAuthKitTimeoutSeconds ({settings.TimeoutSeconds} s)", null);
            }
            catch (Exception e) when (!(e is OperationCanceledException) && FailureTranslation.TryTranslate(e, out var failure))
            {
                return new DeploymentFacts(null, null, null, null, failure);
            }
        }

        private static async Task<WorkOSTeamAssociation?> TeamOrNull(ConvexConnection connection)
        {
            try { return await connection.TeamAssociationAsync().ConfigureAwait(false); }
            catch (ServiceFailureException) { return null; }
        }
    }
}
