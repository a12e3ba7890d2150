namespace Convex.AuthKit.Harness;

/// <summary>A private copy of one of tests/fixtures/, laid out as a repository (a .git folder marks its root).</summary>
public sealed class FixtureProject
{
    private readonly PackageFeed _feed;

    private FixtureProject(PackageFeed feed, string root)
    {
        _feed = feed;
        Root = root;
    }

    public string Root { get; }

    /// <summary>The home folder the build sees (HOME/USERPROFILE): where the Convex access token file lives.</summary>
    public string Home => Path.Combine(Root, ".home");

    public static FixtureProject Copy(PackageFeed feed, string fixtureName)
    {
        var root = Path.Combine(feed.WorkFolder, fixtureName + "-" + Guid.NewGuid().ToString("N")[..8]);
        FixtureFiles.CopyTo(fixtureName, root);
        Directory.CreateDirectory(Path.Combine(root, ".home"));
        return new FixtureProject(feed, root);
    }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public void Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>`dotnet build -nr:false` of a project (or solution) inside the fixture, with an isolated home.</summary>
    public ProcessResult Build(string relativeProject, IEnumerable<string>? arguments = null, IDictionary<string, string?>? environment = null, string verb = "build", Action<string>? onLine = null,
        Action<int>? started = null)
    {
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["USERPROFILE"] = Home,
            ["DOTNET_CLI_HOME"] = _feed.RunFolder,
            ["NUGET_PACKAGES"] = _feed.PackagesFolder,
        };
        if (environment != null) foreach (var pair in environment) env[pair.Key] = pair.Value;
        var args = new List<string> { verb, PathOf(relativeProject), "-nr:false" };
        if (arguments != null) args.AddRange(arguments);
        return Dotnet.Run(Root, args, env, onLine: onLine, started: started);
    }

    /// <summary>Lines of the build output that the package logged.</summary>
    public static IReadOnlyList<string> PackageLines(ProcessResult result) =>
        result.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains("Convex.AuthKit:") || l.Contains(": warning CAK") || l.Contains(": error CAK")).ToList();
}
