using System.Runtime.Versioning;
using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.FileSystem;
using Convex.AuthKit.Build.Incremental;
using Convex.AuthKit.Build.Tests.Config;
using Convex.AuthKit.Build.Tests.Incremental;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.FileSystem;

/// <summary>
/// docs/architecture.md#safety-rules: a path that is not a regular file (a secret manager's named pipe, a link to
/// /dev/zero) is never opened in a way that blocks, never read without a cap, and never replaced; a file whose own mode
/// is read-only is never rewritten, by root either.
/// </summary>
[TestClass]
public sealed class UnusualFileTests
{
    /// <summary>Well within the build's budget; a read that blocks on a pipe never returns.</summary>
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    [TestMethod]
    public void AnEnvFileThatIsANamedPipeWithoutAWriterIsNeverOpened()
    {
        using var app = new TempApp();
        var pipe = Pipe(app, ".env.local");

        var snapshot = Within(() => BuildEnvironmentFile.Read(pipe, ".env.local"));
        var document = Within(() => DotEnvFile.Read(pipe));

        Assert.AreEqual(0, snapshot.Values.Count);
        Assert.AreEqual("", document!.Text);
    }

    [TestMethod]
    public void ANamedPipeIsNeverReplaced()
    {
        using var app = new TempApp();
        var pipe = Pipe(app, ".env.local");

        var ex = Assert.Throws<IOException>(() => AtomicReplace.Current.Write(pipe, "WORKOS_CLIENT_ID=client_01\n"u8.ToArray()));

        StringAssert.Contains(ex.Message, "a named pipe");
        Assert.AreEqual(UnixFileKind.NamedPipe, Libc.LStat(pipe)!.Kind, "still the secret manager's pipe");
        Assert.AreEqual(1, Directory.GetFileSystemEntries(app.Directory).Length, "no temp file left beside it");
    }

    [TestMethod]
    public void StateFilesThatArePipesOrLinksToDevZeroReadAsAbsentAndAreNeverReplaced()
    {
        using var app = new TempApp();
        var pipe = Pipe(app, "App.stamp");
        var zero = Path.Combine(app.Directory, "App.items");
        File.CreateSymbolicLink(zero, "/dev/zero");

        Assert.IsNull(Within(() => Stamp.Read(pipe)));
        Assert.IsNull(Within(() => Stamp.Read(zero)));
        Assert.AreEqual(0, Within(() => EnvironmentVariableItems.Read(zero)).Count);
        Assert.Throws<IOException>(() => StateFiles.WriteIfDifferent(pipe, "fingerprint=x\n"));
        Stamp.Delete(pipe);
        Assert.AreEqual(UnixFileKind.NamedPipe, Libc.LStat(pipe)!.Kind, "never removed either");
    }

    [TestMethod]
    public void ConvexJsonLinkedToDevZeroIsAnInvalidConvexJsonAtOnce()
    {
        using var app = new TempApp();
        File.CreateSymbolicLink(Path.Combine(app.Directory, "convex.json"), "/dev/zero");

        var ex = Within(() => Assert.ThrowsExactly<ConvexJsonException>(() => AuthKitTrigger.Decide(app.Directory, null, null)));

        Assert.AreEqual("convex.json is a device, not a regular file, so it cannot be read. Make it a regular file.", ex.Message);
    }

    [TestMethod]
    public void ConvexJsonAsANamedPipeIsAnInvalidConvexJsonAtOnce()
    {
        using var app = new TempApp();
        Pipe(app, "convex.json");

        var ex = Within(() => Assert.ThrowsExactly<ConvexJsonException>(() => AuthKitTrigger.Decide(app.Directory, null, null)));

        StringAssert.StartsWith(ex.Message, "convex.json is a named pipe");
    }

    [TestMethod]
    public void PackageJsonLinkedToDevZeroIsAnInvalidPackageJsonAtOnce()
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", "export default { providers: [{ issuer: process.env.WORKOS_CLIENT_ID }] };");
        File.CreateSymbolicLink(Path.Combine(app.Directory, "package.json"), "/dev/zero");

        var ex = Within(() => Assert.ThrowsExactly<PackageJsonException>(() => AuthKitTrigger.Decide(app.Directory, null, null)));

        StringAssert.StartsWith(ex.Message, "package.json is a device");
    }

    [TestMethod]
    public void ATooLargeAuthConfigIsSkippedWithCak2114NotCalledUnused()
    {
        using var app = new TempApp();
        app.Write("convex/auth.config.ts", "// WORKOS_CLIENT_ID\n" + new string(' ', AuthConfigScanner.MaxFileBytes) + "export default { providers: [] };");

        var decision = AuthKitTrigger.Decide(app.Directory, null, null);

        var warning = decision.Warnings.Single();
        Assert.AreEqual("CAK2114", warning.Diagnostic.Code);
        Assert.AreEqual(
            "convex/auth.config.ts is larger than 256 KiB, so whether it uses WorkOS AuthKit (WORKOS_CLIENT_ID or the AuthKit component) is not known. Make it a regular file of at most 256 KiB.",
            warning.Message);
    }

    [TestMethod]
    public void AnAuthConfigLinkedToDevZeroIsSkippedAtOnce()
    {
        using var app = new TempApp();
        Directory.CreateDirectory(Path.Combine(app.Directory, "convex"));
        File.CreateSymbolicLink(Path.Combine(app.Directory, "convex", "auth.config.ts"), "/dev/zero");

        var decision = Within(() => AuthKitTrigger.Decide(app.Directory, null, null));

        StringAssert.StartsWith(decision.Warnings.Single().Message, "convex/auth.config.ts is a device, not a regular file");
    }

    [TestMethod]
    public void ExampleEnvFilesThatAreAPipeOrTooLargeAreSkippedAndNamed()
    {
        using var app = new TempApp();
        app.Write(".env.local", "A=your-a\n");
        var pipe = Pipe(app, ".env.local.example");
        var large = app.Write(".env.example", "A=your-a\n");
        using (var file = File.OpenWrite(large)) file.SetLength(LocalFile.TextFileLimit + 1);

        var environment = Within(() => BuildEnvironment.Load(app.Directory, null, _ => null));

        Assert.AreEqual("your-a", environment.GetRaw("A"), "no example was read, so the value is not a placeholder");
        CollectionAssert.AreEqual(new[]
        {
            $"{pipe} is a named pipe, not a regular file, so none of its values counts as a placeholder. Make it a regular file of at most 16 MiB.",
            $"{large} is larger than 16 MiB, so none of its values counts as a placeholder. Make it a regular file of at most 16 MiB.",
        }, environment.SkippedExamples.Select(s => s.Message).ToArray());
        CollectionAssert.AreEqual(new[] { pipe, large }, environment.SkippedExamples.Select(s => s.Path).ToArray());
    }

    [TestMethod]
    [UnsupportedOSPlatform("windows")]
    public void AReadOnlyEnvFileIsNeverRewrittenByRootEither()
    {
        using var app = new TempApp();
        var envFile = app.Write(".env.local", "CONVEX_DEPLOYMENT=dev:happy-animal-123\n");
        File.SetUnixFileMode(envFile, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var ex = Assert.Throws<IOException>(() => DotEnvFile.WriteIfChanged(envFile, "CONVEX_DEPLOYMENT=dev:happy-animal-123\nWORKOS_CLIENT_ID=client_01\n", DotEnvFile.Read(envFile)));

        StringAssert.Contains(ex.Message, envFile);
        StringAssert.Contains(ex.Message, "read-only");
        Assert.AreEqual("CONVEX_DEPLOYMENT=dev:happy-animal-123\n", File.ReadAllText(envFile));
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(envFile));
    }

    [TestMethod]
    public void AReadOnlyTargetThroughTheSeamIsLeftAsItWas()
    {
        using var app = new TempApp();
        var envFile = app.Write(".env.local", "A=1\n");
        var files = new FaultyFileOperations(null) { TargetsReadOnly = true, Applies = path => path == envFile };
        var replace = new AtomicReplace(files, ReplaceMethod.FileReplace, (_, _) => { });

        Assert.Throws<IOException>(() => replace.Write(envFile, "A=2\n"u8.ToArray()));

        Assert.AreEqual("A=1\n", File.ReadAllText(envFile));
        Assert.AreEqual(0, files.Attempts, "no replace was tried");
    }

    private static string Pipe(TempApp app, string name)
    {
        var path = Path.Combine(app.Directory, name);
        TestLockFileSystem.Run("mkfifo", path);
        return path;
    }

    private static T Within<T>(Func<T> read)
    {
        var task = Task.Run(read);
        Assert.IsTrue(task.Wait(Promptly), "the read blocked");
        return task.Result;
    }
}
