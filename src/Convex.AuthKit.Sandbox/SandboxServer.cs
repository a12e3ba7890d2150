using System.Net;
using Convex.AuthKit.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Convex.AuthKit.Sandbox;

/// <summary>
/// Big Brain (Convex management API), a Convex deployment's HTTP API and WorkOS, each on its own 127.0.0.1 port.
/// Control endpoints (/_sandbox/*) live on the Big Brain port.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SandboxEngine engine;
    private readonly FaultBook faults = new FaultBook();
    private readonly RequestLog log = new RequestLog();
    private readonly CancellationTokenSource stopping = new CancellationTokenSource();
    private long latencyTicks;
    private int disposed;

    private SandboxServer(SandboxScenario scenario)
    {
        engine = new SandboxEngine(scenario);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = Array.Empty<string>(),
        });
        builder.Logging.ClearProviders();
        // The host must not take over Ctrl+C or SIGTERM: tests run it in-process and Program decides when to stop.
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => BigBrainListen = listen);
            kestrel.Listen(IPAddress.Loopback, 0, listen => DeploymentListen = listen);
            kestrel.Listen(IPAddress.Loopback, 0, listen => WorkOSListen = listen);
        });
        app = builder.Build();
        Pipeline = new SandboxPipeline(engine, faults, log, () => Latency, stopping.Token);
        Pipeline.Control = new ControlEndpoints(this);
        app.Run(Pipeline.HandleAsync);
    }

    private SandboxPipeline Pipeline { get; }
    private ListenOptions? BigBrainListen { get; set; }
    private ListenOptions? DeploymentListen { get; set; }
    private ListenOptions? WorkOSListen { get; set; }

    /// <summary>The provision host {PH} (set CONVEX_PROVISION_HOST to it), e.g. http://127.0.0.1:41234; no /api suffix.</summary>
    public Uri BigBrainUrl { get; private set; } = null!;

    /// <summary>The origin shared by all deployments (deployment URLs in Big Brain answers are this origin).</summary>
    public Uri DeploymentUrl { get; private set; } = null!;

    /// <summary>The WorkOS API base URL.</summary>
    public Uri WorkOSUrl { get; private set; } = null!;

    /// <summary>Base of the control endpoints: {BigBrainUrl}/_sandbox.</summary>
    public Uri ControlUrl => new Uri(BigBrainUrl, "/_sandbox");

    /// <summary>Added before every answer (control endpoints excepted).</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));
        set => Interlocked.Exchange(ref latencyTicks, value < TimeSpan.Zero ? 0 : value.Ticks);
    }

    /// <summary>Every logged request so far, in arrival order (copies; secrets masked).</summary>
    public IReadOnlyList<SandboxRequest> Requests => log.Snapshot();

    public static SandboxScenario LoadScenario(string jsonFilePath) => SandboxScenario.Load(jsonFilePath);

    public static SandboxScenario ParseScenario(string json) => SandboxScenario.Parse(json);

    /// <summary>Starts the three listeners. The scenario is copied; later changes to it do not reach the server.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxScenario scenario, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var server = new SandboxServer(scenario);
        try
        {
            await server.app.StartAsync(ct);
            server.BigBrainUrl = server.Bind(server.BigBrainListen, SandboxService.BigBrain);
            server.DeploymentUrl = server.Bind(server.DeploymentListen, SandboxService.Deployment);
            server.WorkOSUrl = server.Bind(server.WorkOSListen, SandboxService.WorkOS);
            server.engine.DeploymentOrigin = Origin(server.DeploymentUrl);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A deep copy of the full state (credentials included: see SandboxState.SecretFields).</summary>
    public SandboxState Snapshot() => engine.Snapshot();

    public void ClearRequests() => log.Clear();

    public void InjectFault(SandboxFault fault) => faults.Add(fault ?? throw new ArgumentNullException(nameof(fault)));

    public void ClearFaults() => faults.Clear();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        stopping.Cancel();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Connections still open after the grace period are closed by DisposeAsync below.
            }
        }
        await app.DisposeAsync();
        stopping.Dispose();
    }

    /// <summary>http://127.0.0.1:PORT without a trailing slash, as real deployment URLs are written.</summary>
    internal static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);

    private Uri Bind(ListenOptions? listen, SandboxService service)
    {
        var endPoint = listen?.IPEndPoint ?? throw new InvalidOperationException("Kestrel did not bind the " + service + " listener.");
        Pipeline.MapPort(endPoint.Port, service);
        return new Uri("http://127.0.0.1:" + endPoint.Port);
    }

    private sealed class PassiveHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
