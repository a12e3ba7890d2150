using System.Runtime.InteropServices;
using Convex.AuthKit.Sandbox;
using Newtonsoft.Json.Linq;

// Standalone sandbox: `dotnet run --project src/Convex.AuthKit.Sandbox -- --scenario <file> [--latency-ms N] [--stop-on-stdin-eof]`.
// Prints one JSON line with the base URLs, then serves until SIGINT/SIGTERM (or stdin closes, with --stop-on-stdin-eof).

string? scenarioPath = null;
var latencyMs = 0;
var stopOnStdinEof = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--scenario" when i + 1 < args.Length:
            scenarioPath = args[++i];
            break;
        case "--latency-ms" when i + 1 < args.Length && int.TryParse(args[i + 1], out var ms) && ms >= 0:
            latencyMs = ms;
            i++;
            break;
        case "--stop-on-stdin-eof":
            stopOnStdinEof = true;
            break;
        default:
            Console.Error.WriteLine("usage: Convex.AuthKit.Sandbox [--scenario <file.json>] [--latency-ms N] [--stop-on-stdin-eof]");
            Console.Error.WriteLine("unexpected argument: " + args[i]);
            return 2;
    }
}

SandboxScenario scenario;
try
{
    scenario = scenarioPath == null ? SandboxScenario.Fresh() : SandboxServer.LoadScenario(scenarioPath);
}
catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is Newtonsoft.Json.JsonException || e is FormatException)
{
    Console.Error.WriteLine("sandbox: cannot read the scenario: " + e.Message);
    return 2;
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.TrySetResult(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });

SandboxServer server;
try
{
    server = await SandboxServer.StartAsync(scenario);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("sandbox: " + e.Message);
    return 2;
}

await using (server)
{
    server.Latency = TimeSpan.FromMilliseconds(latencyMs);
    var urls = new JObject
    {
        ["bigBrainUrl"] = server.BigBrainUrl.GetLeftPart(UriPartial.Authority),
        ["deploymentUrl"] = server.DeploymentUrl.GetLeftPart(UriPartial.Authority),
        ["workosUrl"] = server.WorkOSUrl.GetLeftPart(UriPartial.Authority),
        ["controlUrl"] = server.ControlUrl.ToString(),
    };
    Console.Out.WriteLine(urls.ToString(Newtonsoft.Json.Formatting.None));
    Console.Out.Flush();
    if (stopOnStdinEof)
    {
        _ = Task.Run(async () =>
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (await stdin.ReadAsync(buffer) > 0) { }
            stop.TrySetResult();
        });
    }
    await stop.Task;
}
return 0;
