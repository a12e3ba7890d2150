using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Selection;

namespace Convex.AuthKit.Build.Status;

/// <summary>
/// The two health reads, in flight beside the status's other reads so they add no round trip: the environment's
/// with round trip 1 (it needs only the deployment's name and the token), the team's with the variables read (it
/// needs the team ID from the team question). Only with an access token: a deploy key never asks Big Brain about
/// WorkOS (docs/architecture.md#deploy-keys-never-provision). A failed read becomes an "unknown (...)" row.
/// </summary>
internal sealed class WorkOSHealthCheck
{
    private const string DeployKey = "deploy key";

    private readonly BigBrainClient? _bigBrain;
    private readonly Task<HealthRead<WorkOSEnvironmentHealth>> _environment;
    private readonly int _timeoutSeconds;
    private readonly CancellationToken _budget;
    private readonly CancellationToken _cancellation;
    private Task<HealthRead<WorkOSTeamHealth>>? _team;

    private WorkOSHealthCheck(BigBrainClient? bigBrain, Task<HealthRead<WorkOSEnvironmentHealth>> environment, int timeoutSeconds, CancellationToken budget, CancellationToken cancellation)
    {
        _bigBrain = bigBrain;
        _environment = environment;
        _timeoutSeconds = timeoutSeconds;
        _budget = budget;
        _cancellation = cancellation;
    }

    /// <param name="budget">Ends with ConvexAuthKitTimeoutSeconds: no answer by then is "unknown".</param>
    /// <param name="cancellation">The caller's own cancellation, which does cancel the status.</param>
    public static WorkOSHealthCheck Start(DeploymentSelection selection, ResilientHttpClient http, int timeoutSeconds, CancellationToken budget, CancellationToken cancellation)
    {
        if (selection.Kind != DeploymentSelectionKind.DevWithAccessToken)
            return new WorkOSHealthCheck(null, Task.FromResult(HealthRead<WorkOSEnvironmentHealth>.NotChecked(DeployKey)), timeoutSeconds, budget, cancellation);
        var bigBrain = new BigBrainClient(http, selection.ProvisionHost!, selection.Credential!);
        var environment = ReadAsync(() => bigBrain.WorkOSEnvironmentHealthAsync(selection.DeploymentName!, budget), timeoutSeconds, cancellation);
        return new WorkOSHealthCheck(bigBrain, environment, timeoutSeconds, budget, cancellation);
    }

    /// <summary>Asks for the team's health once the team question has answered; null when it did not.</summary>
    public void AskTeam(WorkOSTeamAssociation? team)
    {
        if (_bigBrain == null || team == null) return;
        _team = team.HasAssociatedWorkOSTeam
            ? ReadAsync(() => _bigBrain.WorkOSTeamHealthAsync(team.TeamId, _budget), _timeoutSeconds, _cancellation)
            : Task.FromResult(HealthRead<WorkOSTeamHealth>.NotChecked("the Convex team has no WorkOS team"));
    }

    public async Task<WorkOSHealth> FinishAsync()
    {
        var environment = await _environment.ConfigureAwait(false);
        var team = _bigBrain == null ? HealthRead<WorkOSTeamHealth>.NotChecked(DeployKey)
            : _team != null ? await _team.ConfigureAwait(false)
            : HealthRead<WorkOSTeamHealth>.Unknown("the WorkOS team question got no answer");
        return new WorkOSHealth(environment, team);
    }

    private static async Task<HealthRead<T>> ReadAsync<T>(Func<Task<T>> read, int timeoutSeconds, CancellationToken cancellation)
        where T : class
    {
        try
        {
            return HealthRead<T>.Of(await read().ConfigureAwait(false));
        }
        catch (ServiceUnreachableException)
        {
            return HealthRead<T>.Unknown("Convex could not be reached");
        }
        catch (ServiceException e)
        {
            return HealthRead<T>.Unknown($"the Convex management API answered {e.Status}" + (e.Code != null ? " " + e.Code : ""));
        }
        catch (ServiceFailureException e)
        {
            return HealthRead<T>.Unknown(e.Message);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return HealthRead<T>.Unknown($"no answer within ConvexAuthKitTimeoutSeconds ({timeoutSeconds} s)");
        }
    }
}
