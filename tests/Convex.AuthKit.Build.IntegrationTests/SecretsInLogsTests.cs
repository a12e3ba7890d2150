using System.IO.Compression;
using System.Text;
using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Harness;
using Convex.AuthKit.Sandbox;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// docs/architecture.md#safety-rules: users attach binary logs to bug reports, so no secret may reach one. Scenario 2 (Next.js, which also
/// writes WORKOS_API_KEY and a cookie password to the env file) is built with -bl and a diagnostic console (the no-op
/// build, which runs no task of the package, included), then both are
/// searched for every secret: the binary log decompressed (it is one gzip stream) as UTF-8 and UTF-16LE, and the
/// files it embeds (a zip archive inside the stream) one by one.
/// </summary>
[TestClass]
public sealed class SecretsInLogsTests
{
    private const string Project = "server/Server.csproj";

    [TestMethod]
    public async Task NoSecretReachesTheBinaryLogOrTheConsole()
    {
        await using var s = await ScenarioApp.StartAsync("nextjs-app");
        var logs = new List<(string Name, ProcessResult Console, string BinaryLog)>();
        ProcessResult BuildLogged(string name, params string[] arguments)
        {
            var binaryLog = s.App.PathOf(name + ".binlog");
            var result = s.Build(Project, new[] { "-bl:" + binaryLog, "-v:diag" }.Concat(arguments).ToArray());
            Assert.AreEqual(0, result.ExitCode, name + "\n" + result);
            logs.Add((name, result, binaryLog));
            return result;
        }

        // Cold provisioning; a no-op build (no task: MSBuild reads the generated file in obj/, embedded in the log); a
        // forced re-check of the provisioned deployment (reads the API key back); a build that records the project
        // again; configure-only with a deploy key, where the recorded condition is evaluated while the key is set.
        BuildLogged("provision");
        var noOp = BuildLogged("no-op");
        Assert.IsFalse(noOp.Output.Contains("Task \"CollectConvexAuthKitInputsTask\"", StringComparison.Ordinal), "the no-op build runs no task of the package\n" + noOp);
        BuildLogged("recheck", "-p:ConvexAuthKitForce=true");
        BuildLogged("record");
        s.Environment["CONVEX_DEPLOY_KEY"] = FreshSecrets.DeployKey(ScenarioApp.Deployment);
        BuildLogged("deploy-key");

        var environment = s.WorkOSEnvironment()!;
        var envFile = s.ReadEnvFile();
        var cookiePassword = envFile.Split('\n').Single(l => l.StartsWith("WORKOS_COOKIE_PASSWORD=", StringComparison.Ordinal)).Substring("WORKOS_COOKIE_PASSWORD=".Length).Trim();
        var adminKey = FreshSecrets.AdminKey(ScenarioApp.Deployment);
        var secrets = new Dictionary<string, string>
        {
            ["access token"] = FreshSecrets.AccessToken,
            ["admin key"] = adminKey,
            ["admin key secret part"] = adminKey.Substring(adminKey.IndexOf('|') + 1),
            ["deploy key secret part"] = FreshSecrets.DeployKeySecret,
            ["WORKOS_API_KEY"] = environment.ApiKey,
            ["cookie password"] = cookiePassword,
        };
        StringAssert.Contains(envFile, "WORKOS_API_KEY=" + environment.ApiKey, "the build did handle the API key");
        foreach (var secret in secrets) Assert.IsTrue(secret.Value.Length >= 16, secret.Key + " is a real secret value");

        foreach (var (name, console, binaryLogPath) in logs)
        {
            var binaryLog = Decompress(binaryLogPath);
            var embedded = EmbeddedFiles(binaryLog);
            // The searches can find things: the client id is an item, the package's targets are embedded.
            Assert.IsTrue(Contains(binaryLog, Encoding.UTF8.GetBytes(environment.ClientId)), name + ": the client id (an item) is in the binary log");
            Assert.IsTrue(embedded.Keys.Any(k => k.EndsWith("Convex.AuthKit.Build.targets", StringComparison.Ordinal)), name + ": the embedded files were read");
            if (name is "no-op" or "deploy-key")
                Assert.IsTrue(embedded.Keys.Any(k => k.EndsWith("Server.ConvexAuthKit.g.targets", StringComparison.Ordinal)), name + ": the generated file was imported");

            foreach (var secret in secrets)
            {
                Assert.IsFalse(console.Output.Contains(secret.Value, StringComparison.Ordinal), $"{name}: the {secret.Key} is in the console output");
                Assert.IsFalse(Contains(binaryLog, Encoding.UTF8.GetBytes(secret.Value)), $"{name}: the {secret.Key} is in the binary log (UTF-8)");
                Assert.IsFalse(Contains(binaryLog, Encoding.Unicode.GetBytes(secret.Value)), $"{name}: the {secret.Key} is in the binary log (UTF-16LE)");
                foreach (var file in embedded)
                    Assert.IsFalse(file.Value.Contains(secret.Value, StringComparison.Ordinal), $"{name}: the {secret.Key} is in {file.Key}, embedded in the binary log");
            }
        }
    }

    private static byte[] Decompress(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>
    /// The files of every zip archive inside the decompressed log (the project-imports archive): each archive is found
    /// from its end-of-central-directory record, whose sizes give the archive's start.
    /// </summary>
    private static Dictionary<string, string> EmbeddedFiles(byte[] log)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var endSignature = new byte[] { 0x50, 0x4b, 0x05, 0x06 };
        for (var at = log.AsSpan().IndexOf(endSignature); at >= 0 && at + 22 <= log.Length;)
        {
            var directorySize = BitConverter.ToUInt32(log, at + 12);
            var directoryOffset = BitConverter.ToUInt32(log, at + 16);
            var commentLength = BitConverter.ToUInt16(log, at + 20);
            var start = (long)at - directorySize - directoryOffset;
            var end = at + 22L + commentLength;
            if (start >= 0 && end <= log.Length)
            {
                try
                {
                    using var archive = new ZipArchive(new MemoryStream(log, (int)start, (int)(end - start), writable: false), ZipArchiveMode.Read);
                    foreach (var entry in archive.Entries)
                    {
                        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                        files[entry.FullName] = reader.ReadToEnd();
                    }
                }
                catch (InvalidDataException)
                {
                    // Four bytes that only looked like an end record.
                }
            }
            var next = log.AsSpan(at + 4).IndexOf(endSignature);
            at = next < 0 ? -1 : at + 4 + next;
        }
        return files;
    }
}
