using Convex.AuthKit.Build.Status;
using Convex.AuthKit.Build.Tests.Provisioning;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Status;

/// <summary>Runs ConvexAuthKitStatus's logic in-process on a FlowHarness, and the checks every status and dry run must pass.</summary>
internal static class StatusRun
{
    public static async Task<(StatusBlock Block, RecordingLogSink Log)> RunAsync(FlowHarness h, string configuration = "Debug", string configurations = "Debug", bool enabled = true)
    {
        var log = new RecordingLogSink();
        var request = new StatusRequest(h.Settings(), "App", h.Files.StampFile, configuration, configurations, enabled);
        var block = await StatusInspection.RunAsync(request, log, default);
        return (block, log);
    }

    /// <summary>Provisioning calls: get-or-provision, team creation, variable writes, any WorkOS POST/PUT.</summary>
    public static bool IsMutating(SandboxRequest r) =>
        r.Path.Contains("get_or_provision") || r.Path.Contains("provision_associated_workos_team") || r.Path.Contains("update_environment_variables")
        || (r.Service == SandboxService.WorkOS && r.Method != "GET");

    public static void AssertNoMutatingRequest(FlowHarness h) =>
        Assert.IsFalse(h.Sandbox.Requests.Any(IsMutating), "mutating request: " + string.Join(", ", h.Sandbox.Requests.Where(IsMutating)));

    /// <summary>The block is one high-importance message; the next-build line is its last line.</summary>
    public static string AssertOneBlock(RecordingLogSink log)
    {
        Assert.AreEqual(1, log.High.Count, log.All);
        var text = log.High[0];
        StringAssert.StartsWith(text, "Convex.AuthKit: status of App (");
        StringAssert.StartsWith(text.Split('\n').Last().Trim(), "next build:");
        return text;
    }

    /// <summary>No secret of the sandbox's scenario, nor the ones the state now holds, in the log.</summary>
    public static void AssertNoSecret(FlowHarness h, string text)
    {
        var state = h.Sandbox.Snapshot();
        var secrets = new[] { FreshSecrets.AccessToken, FreshSecrets.AdminKey(FlowHarness.Deployment), FreshSecrets.DeployKeySecret }
            .Concat(state.WorkosEnvironments.Select(e => e.ApiKey))
            .Concat(state.WorkosEnvironments.SelectMany(e => e.WebhookEndpoints).Select(e => e.Secret));
        foreach (var secret in secrets) Assert.IsFalse(text.Contains(secret), "a secret reached the log");
    }

    public static byte[]? Bytes(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;
}
