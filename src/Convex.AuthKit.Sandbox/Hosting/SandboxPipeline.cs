using System.Text;
using Microsoft.AspNetCore.Http;

namespace Convex.AuthKit.Sandbox.Hosting;

/// <summary>Every request: log, latency, faults, the service's answer, masking.</summary>
internal sealed class SandboxPipeline
{
    private readonly SandboxEngine engine;
    private readonly FaultBook faults;
    private readonly RequestLog log;
    private readonly Func<TimeSpan> latency;
    private readonly CancellationToken stopping;
    private readonly Dictionary<int, SandboxService> servicesByPort = new Dictionary<int, SandboxService>();

    public SandboxPipeline(SandboxEngine engine, FaultBook faults, RequestLog log, Func<TimeSpan> latency, CancellationToken stopping)
    {
        this.engine = engine;
        this.faults = faults;
        this.log = log;
        this.latency = latency;
        this.stopping = stopping;
    }

    public ControlEndpoints? Control { get; set; }

    public void MapPort(int port, SandboxService service) => servicesByPort[port] = service;

    public async Task HandleAsync(HttpContext context)
    {
        var service = servicesByPort.TryGetValue(context.Connection.LocalPort, out var known) ? known : SandboxService.BigBrain;
        var request = context.Request;
        if (service == SandboxService.BigBrain && request.Path.StartsWithSegments("/_sandbox") && Control != null)
        {
            await Control.HandleAsync(context);
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancel = linked.Token;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
            body = await reader.ReadToEndAsync(cancel);

        var method = request.Method;
        var path = request.Path.Value ?? "/";
        var credential = engine.Classify(service, request.Headers.Authorization.ToString());
        var entry = log.Begin(new SandboxRequest
        {
            Service = service,
            Method = method,
            Path = path,
            Query = request.QueryString.Value ?? "",
            AuthScheme = credential.Scheme,
            AuthKind = credential.Kind,
            AuthDeployment = credential.Deployment?.Name,
            ConvexClient = request.Headers["Convex-Client"].ToString() is { Length: > 0 } client ? client : null,
            UserAgent = request.Headers.UserAgent.ToString() is { Length: > 0 } userAgent ? userAgent : null,
            ContentType = request.ContentType,
            Started = DateTimeOffset.UtcNow,
        });

        SandboxReply? reply = null;
        SandboxFault? fault = null;
        var finished = false;
        // The entry is completed before the answer goes out, so a client that has its answer sees the full entry.
        void Finish(bool dropped)
        {
            if (finished)
            {
                // The answer was logged but could not be delivered.
                if (dropped) log.Complete(() => entry.Dropped = true);
                return;
            }
            finished = true;
            var secrets = engine.KnownSecrets();
            var requestBody = SecretMasker.MaskText(body, secrets);
            var responseBody = dropped || reply == null ? "" : SecretMasker.MaskText(reply.Body, secrets);
            var status = dropped || reply == null ? 0 : reply.Status;
            var faulted = fault != null;
            log.Complete(() =>
            {
                entry.RequestBody = requestBody;
                entry.ResponseBody = responseBody;
                entry.Status = status;
                entry.Dropped = dropped;
                entry.Faulted = faulted;
                entry.Ended = DateTimeOffset.UtcNow;
            });
        }

        try
        {
            var delay = latency();
            if (delay > TimeSpan.Zero) await Task.Delay(delay, cancel);
            fault = faults.Take(service, method, path);
            if (fault != null && fault.HoldMilliseconds > 0) await Task.Delay(fault.HoldMilliseconds, cancel);

            var replaced = fault != null && (fault.Drop || fault.Status != null);
            if (!replaced || fault!.HandleFirst) reply = HandleSafely(new SandboxCall(service, method, path, body, credential, request.QueryString.Value ?? ""));
            if (fault != null && fault.Drop)
            {
                Finish(dropped: true);
                context.Abort();
                return;
            }
            if (fault?.Status != null)
            {
                reply = SandboxReply.Raw(fault.Status.Value, fault.Body);
                if (!string.IsNullOrEmpty(fault.RetryAfter)) reply.Headers["Retry-After"] = fault.RetryAfter!;
            }
            Finish(dropped: false);
            await WriteAsync(context, reply!, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Finish(dropped: true); // the client went away (or the server stopped) during latency or a hold
        }
        catch (IOException)
        {
            Finish(dropped: true);
        }
    }

    /// <summary>A bug in a handler becomes a logged 500 with a JSON body instead of a bare connection reset.</summary>
    private SandboxReply HandleSafely(SandboxCall call)
    {
        try
        {
            return engine.Handle(call);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return SandboxReply.Error(500, "SandboxInternalError", "The sandbox failed: " + e.GetType().Name);
        }
    }

    internal static async Task WriteAsync(HttpContext context, SandboxReply reply, CancellationToken cancel)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        foreach (var header in reply.Headers) response.Headers[header.Key] = header.Value;
        if (reply.ContentType != null) response.ContentType = reply.ContentType;
        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        response.ContentLength = bytes.Length;
        if (bytes.Length > 0 && !HttpMethods.IsHead(context.Request.Method)) await response.Body.WriteAsync(bytes, cancel);
    }
}
