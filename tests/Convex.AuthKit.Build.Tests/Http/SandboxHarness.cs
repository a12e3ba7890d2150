using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.WorkOS;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Http;

/// <summary>A sandbox on loopback plus a client whose backoff waits are recorded instead of slept.</summary>
internal sealed class SandboxHarness : IAsyncDisposable
{
    public const string DeploymentName = "happy-animal-123";
    public const string WorkOSApiKey = "sk_test_sandbox_harness_5e1f0a";

    private SandboxHarness(SandboxServer server, HttpPolicy policy, List<TimeSpan> delays)
    {
        Server = server;
        Policy = policy;
        Delays = delays;
        Http = new ResilientHttpClient(policy);
    }

    public SandboxServer Server { get; }

    public HttpPolicy Policy { get; }

    /// <summary>The backoff waits the client asked for, in order.</summary>
    public List<TimeSpan> Delays { get; }

    public ResilientHttpClient Http { get; }

    public static async Task<SandboxHarness> StartAsync(SandboxScenario? scenario = null, Action<HttpPolicy>? configure = null)
    {
        var delays = new List<TimeSpan>();
        var policy = TestPolicies.Recording(delays);
        policy.RequestTimeout = TimeSpan.FromSeconds(20);
        configure?.Invoke(policy);
        var server = await SandboxServer.StartAsync(scenario ?? SandboxScenario.Fresh(DeploymentName));
        return new SandboxHarness(server, policy, delays);
    }

    /// <summary>A fresh scenario whose deployment already has a WorkOS environment reachable with <see cref="WorkOSApiKey"/>.</summary>
    public static SandboxScenario WithWorkOSEnvironment(SandboxScenario? scenario = null)
    {
        scenario ??= SandboxScenario.Fresh(DeploymentName);
        scenario.WorkosEnvironments.Add(new SandboxWorkOSEnvironment
        {
            DeploymentName = DeploymentName,
            Id = "environment_01JHARNESS00000000000000001",
            Name = DeploymentName,
            ClientId = "client_01JHARNESS00000000000000001",
            ApiKey = WorkOSApiKey,
        });
        return scenario;
    }

    public BigBrainClient BigBrain(string credential = FreshSecrets.AccessToken) => new(Http, Server.BigBrainUrl, credential);

    public DeploymentClient Deployment(string? key = null) => new(Http, Server.DeploymentUrl, key ?? FreshSecrets.AdminKey(DeploymentName));

    public WorkOSClient WorkOS(string apiKey = WorkOSApiKey) => new(Http, Server.WorkOSUrl, apiKey);

    public IReadOnlyList<SandboxRequest> RequestsTo(string path) => Server.Requests.Where(r => r.Path == path).ToList();

    public void Fault(SandboxService service, string method, string path, int? status = null, int count = 1, string? body = null, string? retryAfter = null, bool drop = false, int holdMilliseconds = 0, bool handleFirst = false) =>
        Server.InjectFault(new SandboxFault
        {
            Service = service,
            Method = method,
            Path = path,
            Status = status,
            Count = count,
            Body = body,
            RetryAfter = retryAfter,
            Drop = drop,
            HoldMilliseconds = holdMilliseconds,
            HandleFirst = handleFirst,
        });

    /// <summary>Fails if any credential of the fresh scenario (or the harness's WorkOS key) appears in <paramref name="text"/>.</summary>
    public static void AssertNoSecret(string text)
    {
        foreach (var secret in new[] { FreshSecrets.AccessToken, FreshSecrets.AdminKey(DeploymentName), FreshSecrets.DeployKey(DeploymentName), FreshSecrets.DeployKeySecret, WorkOSApiKey })
        {
            Assert.DoesNotContain(secret, text, "a credential leaked into: " + text);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
