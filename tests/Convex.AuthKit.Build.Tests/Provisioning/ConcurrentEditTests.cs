using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.Provisioning;
using Convex.AuthKit.Build.Vocabulary;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Provisioning;

/// <summary>
/// docs/architecture.md#concurrent-edits: the env file is read again just before it is replaced; an edit another program made since the plan
/// is kept, the step planned again on it with the same rules, at most 3 times.
/// </summary>
[TestClass]
public sealed class ConcurrentEditTests
{
    private const string UpdateVariables = "/api/v1/update_environment_variables";

    [TestMethod]
    public async Task AnEditMadeDuringTheLastRoundTripIsKeptNextToTheBuildsEntries()
    {
        await using var h = await FlowHarness.StartAsync("vite-app");
        // The variable write is the last round trip before the env file is written: hold it while another program edits the file.
        h.Sandbox.InjectFault(new SandboxFault { Service = SandboxService.Deployment, Method = "POST", Path = UpdateVariables, HoldMilliseconds = 5_000 });

        var run = h.RunAsync();
        await WaitForRequestAsync(h, UpdateVariables);
        File.AppendAllText(h.EnvFilePath, "# saved by the editor\nMY_OWN_SETTING=kept\n");
        var log = await run;

        Assert.AreEqual(0, log.Errors.Count + log.Warnings.Count, log.All);
        var text = h.ReadEnvFile();
        StringAssert.Contains(text, "# saved by the editor\nMY_OWN_SETTING=kept\n", "the other writer's edit survives");
        StringAssert.Contains(text, "\nVITE_WORKOS_CLIENT_ID=" + h.WorkOSEnvironment()!.ClientId + "\n");
        StringAssert.Contains(text, "\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n");
        Assert.IsTrue(text.IndexOf("MY_OWN_SETTING", StringComparison.Ordinal) < text.IndexOf("VITE_WORKOS_CLIENT_ID", StringComparison.Ordinal), "planned again on the edited text\n" + text);
    }

    [TestMethod]
    public void TheStepIsPlannedAgainWithTheSameRules_AStaleValueTheOtherWriterAddedIsCak1010()
    {
        using var app = new TempEnvApp("CONVEX_DEPLOYMENT=dev:x\n");
        var plan = app.Plan();
        File.AppendAllText(app.EnvFile, "VITE_WORKOS_CLIENT_ID=client_01OTHER\n");

        var error = Assert.ThrowsExactly<ProvisioningException>(() => EnvFileWrite.Execute(plan));
        Assert.AreEqual("CAK1010", error.Diagnostic.Code);
        Assert.AreEqual("CONVEX_DEPLOYMENT=dev:x\nVITE_WORKOS_CLIENT_ID=client_01OTHER\n", File.ReadAllText(app.EnvFile));
    }

    [TestMethod]
    public void WhatTheOtherWriterAlreadyWroteIsNotWrittenAgain()
    {
        using var app = new TempEnvApp("CONVEX_DEPLOYMENT=dev:x\n");
        var plan = app.Plan();
        var theirs = "CONVEX_DEPLOYMENT=dev:x\nVITE_WORKOS_CLIENT_ID=" + TempEnvApp.ClientId + "\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n";
        File.WriteAllText(app.EnvFile, theirs);

        var (carried, wrote) = EnvFileWrite.Execute(plan);
        Assert.IsFalse(wrote);
        Assert.AreEqual(0, carried.Changes.Count);
        Assert.AreEqual(theirs, File.ReadAllText(app.EnvFile));
    }

    [TestMethod]
    public void AFileThatKeepsChangingIsLeftAsTheOtherProgramWroteIt_AfterThreeNewPlans()
    {
        using var app = new TempEnvApp("CONVEX_DEPLOYMENT=dev:x\n");
        var plan = app.Plan();
        var reads = 0;
        DotEnvDocument? ChangingRead(string path)
        {
            reads++;
            File.AppendAllText(path, $"EDIT_{reads}=1\n");
            return DotEnvFile.Read(path);
        }

        var error = Assert.ThrowsExactly<ProvisioningException>(() => EnvFileWrite.Execute(plan, read: ChangingRead));
        Assert.AreEqual("CAK1015", error.Diagnostic.Code);
        StringAssert.StartsWith(error.Message, ".env.local was changed by another program 4 times while the build was about to write it");
        Assert.AreEqual(1 + EnvFileWrite.MaxReplans, reads);
        Assert.AreEqual("CONVEX_DEPLOYMENT=dev:x\nEDIT_1=1\nEDIT_2=1\nEDIT_3=1\nEDIT_4=1\n", File.ReadAllText(app.EnvFile));
    }

    [TestMethod]
    public void AFileThatChangedOnceIsWrittenOnTheNewText()
    {
        using var app = new TempEnvApp("CONVEX_DEPLOYMENT=dev:x\n");
        var plan = app.Plan();
        var reads = 0;
        DotEnvDocument? ChangedOnce(string path)
        {
            if (reads++ == 0) File.AppendAllText(path, "MINE=1\n");
            return DotEnvFile.Read(path);
        }

        var (_, wrote) = EnvFileWrite.Execute(plan, read: ChangedOnce);
        Assert.IsTrue(wrote);
        StringAssert.StartsWith(File.ReadAllText(app.EnvFile), "CONVEX_DEPLOYMENT=dev:x\nMINE=1\n\n# See this environment at");
    }

    private static async Task WaitForRequestAsync(FlowHarness h, string path)
    {
        for (var i = 0; i < 2000 && !h.Sandbox.Requests.Any(r => r.Path == path); i++) await Task.Delay(10);
        Assert.IsTrue(h.Sandbox.Requests.Any(r => r.Path == path), "the held request never arrived");
    }

    /// <summary>An app folder with an env file and the vite fixture's entries, planned against a provisioned environment.</summary>
    private sealed class TempEnvApp : IDisposable
    {
        public const string ClientId = "client_01CONCURRENT";

        private readonly string _root = Path.Combine(Path.GetTempPath(), "convex-authkit-concurrent-" + Guid.NewGuid().ToString("N")[..10]);

        public TempEnvApp(string text)
        {
            Directory.CreateDirectory(_root);
            File.WriteAllText(EnvFile, text);
        }

        public string EnvFile => Path.Combine(_root, ".env.local");

        public EnvFilePlan Plan()
        {
            var environment = BuildEnvironment.Load(_root, null, _ => null);
            var entries = new[]
            {
                new KeyValuePair<string, string>("VITE_WORKOS_CLIENT_ID", "${authEnv.WORKOS_CLIENT_ID}"),
                new KeyValuePair<string, string>("VITE_WORKOS_REDIRECT_URI", "http://localhost:5173/callback"),
            };
            var inputs = new EnvFileInputs(entries, false, new WorkOSCredentials(ClientId, "sk_test_concurrent", "environment_01CONCURRENT"), false, BuildWrites.None);
            return EnvFilePlan.Create(inputs, EnvFileSnapshot.Of(DotEnvFile.Read(EnvFile), environment));
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
