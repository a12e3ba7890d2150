using System.Text;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Selection;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Selection;

/// <summary>A throw-away Convex app directory, home directory and process environment for one test.</summary>
internal sealed class SelectionSandbox : IDisposable
{
    public SelectionSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "cak-selection-" + Guid.NewGuid().ToString("N"));
        AppDirectory = Path.Combine(Root, "app");
        HomeDirectory = Path.Combine(Root, "home");
        Directory.CreateDirectory(AppDirectory);
        Directory.CreateDirectory(HomeDirectory);
    }

    public string Root { get; }
    public string AppDirectory { get; }
    public string HomeDirectory { get; }
    public Dictionary<string, string> Process { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public SelectionSandbox WithFile(string relativePath, string content)
    {
        var path = Path.Combine(AppDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return this;
    }

    public SelectionSandbox WithEnv(string name, string value)
    {
        Process[name] = value;
        return this;
    }

    /// <summary>Writes <c>{"accessToken": token}</c> to the token file for the given provision host.</summary>
    public string WithAccessToken(string token, string? provisionHost = null) =>
        WithTokenFileText("{\n  \"accessToken\": \"" + token + "\"\n}\n", provisionHost);

    public string WithTokenFileText(string text, string? provisionHost = null)
    {
        var path = AccessTokenFile.PathFor(HomeDirectory, provisionHost);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public BuildEnvironment Load(string? envFile = null) =>
        BuildEnvironment.Load(AppDirectory, envFile, name => Process.TryGetValue(name, out var v) ? v : null);

    public DeploymentSelection Select(string? envFile = null) => DeploymentSelector.Select(Load(envFile), HomeDirectory);

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Fails when <paramref name="secret"/> appears in anything of the selection a log could show.</summary>
    public static void AssertNoSecret(DeploymentSelection selection, string secret)
    {
        foreach (var text in new[] { selection.ToString(), selection.Message, selection.Diagnostic, selection.CredentialSource,
                     selection.DeploymentSource, selection.DeploymentName, selection.DeploymentType })
        {
            if (text != null) Assert.DoesNotContain(secret, text);
        }
        foreach (var name in selection.InputVariables) Assert.DoesNotContain(secret, name);
    }
}
