using System.Collections.Generic;

namespace Convex.AuthKit.Build.Provisioning;

/// <summary>What a run leaves for the session: whether to record the stamp, the items, and what to watch next time.</summary>
internal sealed class ProvisioningOutcome
{
    public ProvisioningOutcome(bool succeeded, IReadOnlyList<KeyValuePair<string, string>> environmentVariableItems,
        IReadOnlyCollection<string> watchedFiles, IReadOnlyCollection<string> watchedVariables)
    {
        Succeeded = succeeded;
        EnvironmentVariableItems = environmentVariableItems;
        WatchedFiles = watchedFiles;
        WatchedVariables = watchedVariables;
    }

    /// <summary>Everything is in place: the stamp may be written, and the next build has nothing to do.</summary>
    public bool Succeeded { get; }

    /// <summary>The non-secret env-file entries the configuration defines, as ConvexAuthKitEnvironmentVariable items.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> EnvironmentVariableItems { get; }

    public IReadOnlyCollection<string> WatchedFiles { get; }
    public IReadOnlyCollection<string> WatchedVariables { get; }
}
