using Convex.AuthKit.Build.DotEnv;

namespace Convex.AuthKit.Build.Selection;

/// <summary>
/// Reads the build environment for <see cref="DeploymentSelector"/> and records what was read, so the stamp
/// hashes exactly the inputs the decision depended on.
/// </summary>
internal sealed class DeploymentSelectionInputs
{
    private readonly List<string> _variables = new List<string>();
    private readonly List<string> _files = new List<string>();

    public DeploymentSelectionInputs(BuildEnvironment environment)
    {
        Environment = environment;
        foreach (var file in environment.Files) _files.Add(file.Path);
    }

    public BuildEnvironment Environment { get; }

    /// <summary><see cref="BuildEnvironment.Get"/>, recorded.</summary>
    public string? Get(string name)
    {
        if (!_variables.Contains(name)) _variables.Add(name);
        return Environment.Get(name);
    }

    /// <summary>"CONVEX_DEPLOYMENT in .env.local".</summary>
    public string Where(string name) => $"{name} in {Environment.DescribeSource(name) ?? "the build environment"}";

    /// <summary>"CONVEX_DEPLOY_KEY from .env.local".</summary>
    public string From(string name) => $"{name} from {Environment.DescribeSource(name) ?? "the build environment"}";

    public void AddFile(string path)
    {
        if (!_files.Contains(path)) _files.Add(path);
    }

    public DeploymentSelection Result(DeploymentSelectionKind kind, Uri? provisionHost) =>
        new DeploymentSelection(kind, provisionHost, _files.ToArray(), _variables.ToArray());
}
