using Convex.AuthKit.Build.DotEnv;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Selection;

[TestClass]
public sealed class BuildEnvironmentTests
{
    [TestMethod]
    public void ProcessEnvironmentWinsOverEnvFileWhichWinsOverDotEnv()
    {
        using var box = new SelectionSandbox()
            .WithFile(".env.local", "A=local\nB=local\n")
            .WithFile(".env", "A=dotenv\nB=dotenv\nC=dotenv\n")
            .WithEnv("A", "process");
        var env = box.Load();

        Assert.AreEqual("process", env.Get("A"));
        Assert.AreEqual("local", env.Get("B"));
        Assert.AreEqual("dotenv", env.Get("C"));
        Assert.IsNull(env.Get("D"));
        Assert.AreEqual(BuildEnvironmentSource.ProcessEnvironment, env.SourceOf("A"));
        Assert.AreEqual(BuildEnvironmentSource.EnvFile, env.SourceOf("B"));
        Assert.AreEqual(BuildEnvironmentSource.DotEnvFile, env.SourceOf("C"));
        Assert.IsNull(env.SourceOf("D"));
        Assert.AreEqual("the process environment", env.DescribeSource("A"));
        Assert.AreEqual(".env.local", env.DescribeSource("B"));
        Assert.AreEqual(".env", env.DescribeSource("C"));
    }

    [TestMethod]
    public void EmptyValueCountsAsUnsetButStillShadowsLaterSources()
    {
        // dotenv.config never overrides a variable that exists, even as ""; selection then treats "" as unset.
        using var box = new SelectionSandbox()
            .WithFile(".env.local", "A=\nB=local\n")
            .WithFile(".env", "A=dotenv\nB=dotenv\n")
            .WithEnv("B", "");
        var env = box.Load();

        Assert.IsNull(env.Get("A"));
        Assert.AreEqual("", env.GetRaw("A"));
        Assert.AreEqual(BuildEnvironmentSource.EnvFile, env.SourceOf("A"));
        Assert.IsNull(env.Get("B"));
        Assert.AreEqual("", env.GetRaw("B"));
        Assert.AreEqual(BuildEnvironmentSource.ProcessEnvironment, env.SourceOf("B"));
    }

    [TestMethod]
    public void CommentsInFilesAreStrippedByDotenvButProcessValuesAreUsedAsGiven()
    {
        using var box = new SelectionSandbox()
            .WithFile(".env.local",
                "# Deployment used by `npx convex dev`\nCONVEX_DEPLOYMENT=dev:happy-animal-123 # team: my-team, project: my-project\n")
            .WithEnv("OTHER", "dev:x # not a comment here");
        var env = box.Load();

        Assert.AreEqual("dev:happy-animal-123", env.Get("CONVEX_DEPLOYMENT"));
        Assert.AreEqual("dev:x # not a comment here", env.Get("OTHER"));
    }

    [TestMethod]
    public void ConfiguredEnvFileReplacesEnvLocalAndMayBeRelativeOrAbsolute()
    {
        using var box = new SelectionSandbox()
            .WithFile(".env.local", "A=local\n")
            .WithFile("config/dev.env", "A=custom\n")
            .WithFile(".env", "A=dotenv\nB=dotenv\n");

        var relative = box.Load(Path.Combine("config", "dev.env"));
        Assert.AreEqual("custom", relative.Get("A"));
        Assert.AreEqual("dotenv", relative.Get("B"));
        Assert.AreEqual(Path.Combine("config", "dev.env"), relative.EnvFile.DisplayName);
        Assert.AreEqual(Path.Combine(box.AppDirectory, "config", "dev.env"), relative.EnvFile.Path);

        var outside = Path.Combine(box.Root, "outside.env");
        File.WriteAllText(outside, "A=outside\n");
        var absolute = box.Load(outside);
        Assert.AreEqual("outside", absolute.Get("A"));
        Assert.AreEqual(outside, absolute.EnvFile.DisplayName);
    }

    [TestMethod]
    public void EnvFileNamingDotEnvIsReadOnce()
    {
        using var box = new SelectionSandbox().WithFile(".env", "A=dotenv\n");
        var env = box.Load(".env");

        Assert.AreEqual("dotenv", env.Get("A"));
        Assert.AreEqual(BuildEnvironmentSource.EnvFile, env.SourceOf("A"));
        Assert.HasCount(1, env.Files);
        Assert.AreSame(env.EnvFile, env.DotEnvFile);
    }

    [TestMethod]
    public void MissingFilesAreEmptyAndStillListed()
    {
        using var box = new SelectionSandbox().WithFile(".env", "A=1\n");
        var env = box.Load();

        Assert.IsFalse(env.EnvFile.Exists);
        Assert.IsEmpty(env.EnvFile.Values);
        Assert.IsTrue(env.DotEnvFile.Exists);
        CollectionAssert.AreEqual(
            new[] { Path.Combine(box.AppDirectory, ".env.local"), Path.Combine(box.AppDirectory, ".env") },
            new[] { env.Files[0].Path, env.Files[1].Path });
        Assert.AreEqual(".env.local (missing)", env.EnvFile.ToString());
    }

    [TestMethod]
    public void EnvFileValuesExposeTheParsedFile()
    {
        using var box = new SelectionSandbox().WithFile(".env.local", "export VITE_WORKOS_CLIENT_ID=client_01\nEMPTY=\n");
        var env = box.Load();

        Assert.AreEqual("client_01", env.EnvFile.Values["VITE_WORKOS_CLIENT_ID"]);
        Assert.IsTrue(env.EnvFile.Values.ContainsKey("EMPTY"));
        Assert.HasCount(2, env.EnvFile.Values);
    }

    [TestMethod]
    public void BomAndCrLfAreHandledAsDotenvDoes()
    {
        using var box = new SelectionSandbox();
        File.WriteAllBytes(Path.Combine(box.AppDirectory, ".env.local"),
            new byte[] { 0xEF, 0xBB, 0xBF }.Concat("A=1\r\nB=2\r\n"u8.ToArray()));
        var env = box.Load();

        Assert.AreEqual("1", env.Get("A"));
        Assert.AreEqual("2", env.Get("B"));
    }

    [TestMethod]
    public void UnreadableEnvFileThrowsATypedExceptionWithThePathAndNoContent()
    {
        using var box = new SelectionSandbox();
        var path = Path.Combine(box.AppDirectory, ".env.local");
        Directory.CreateDirectory(path);

        var e = Assert.ThrowsExactly<BuildEnvironmentFileException>(() => box.Load());
        Assert.Contains(path, e.Message);
    }

    [TestMethod]
    public void ToStringShowsNoValues()
    {
        using var box = new SelectionSandbox().WithFile(".env.local", "CONVEX_DEPLOY_KEY=dev:x|s3cr3t-value\n");
        var env = box.Load();

        Assert.DoesNotContain("s3cr3t", env.ToString());
        Assert.DoesNotContain("s3cr3t", env.EnvFile.ToString());
    }
}

internal static class ByteArrayExtensions
{
    public static byte[] Concat(this byte[] first, byte[] second)
    {
        var result = new byte[first.Length + second.Length];
        Array.Copy(first, result, first.Length);
        Array.Copy(second, 0, result, first.Length, second.Length);
        return result;
    }
}
