using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Facts;

/// <summary>One HTTP client per run, with docs/architecture.md#faults-retries-and-partial-failure inside the run's time budget.</summary>
internal static class HttpClients
{
    public static ResilientHttpClient Create(BuildSettings settings, ProvisionLog log)
    {
        var policy = settings.CreateHttpPolicy();
        var budget = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        if (budget < policy.RequestTimeout) policy.RequestTimeout = budget;
        return new ResilientHttpClient(policy)
        {
            Retrying = notice => log.Low("retrying: " + notice),
        };
    }
}
