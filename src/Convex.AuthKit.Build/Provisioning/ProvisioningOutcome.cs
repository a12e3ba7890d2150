namespace Convex.AuthKit.Build.Provisioning;

/// <summary>What a run leaves for the session: whether to record the stamp, the items, and what to watch next time.</summary>
/// <param name="Succeeded">Everything is in place: the stamp may be written, and the next build has nothing to do.</param>
/// <param name="EnvironmentVariableItems">The non-secret env-file entries the configuration defines, as ConvexAuthKitEnvironmentVariable items.</param>
internal sealed record ProvisioningOutcome(
    bool Succeeded,
    IReadOnlyList<KeyValuePair<string, string>> EnvironmentVariableItems,
    IReadOnlyCollection<string> WatchedFiles,
    IReadOnlyCollection<string> WatchedVariables);
