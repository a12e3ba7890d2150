using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Convex.AuthKit.Build.IntegrationTests.Infrastructure;

/// <summary>A private copy of one of tests/fixtures/, laid out as a repository (a .git folder marks its root).</summary>
public sealed class FixtureProject
{
    private FixtureProject(string root) { Root = root; }

    public string Root { get; }

    /// <summary>The home folder the build sees (HOME/USERPROFILE): where the Convex access token file lives.</summary>
    public string Home => Path.Combine(Root, ".home");

    public static FixtureProject Copy(string fixtureName)
    {
        var root = Path.Combine(PackedPackage.WorkFolder, fixtureName + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        CopyDirectory(Repository.Fixture(fixtureName), root);
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        Directory.CreateDirectory(Path.Combine(root, ".home"));
        return new FixtureProject(root);
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
    public ProcessResult Build(string relativeProject, IEnumerable<string>? arguments = null, IDictionary<string, string?>? environment = null, string verb = "build")
    {
        var env = new Dictionary<string, string?> { ["HOME"] = Home, ["USERPROFILE"] = Home, ["DOTNET_CLI_HOME"] = PackedPackage.RunFolder };
        if (environment != null) foreach (var pair in environment) env[pair.Key] = pair.Value;
        var args = new List<string> { verb, PathOf(relativeProject), "-nr:false" };
        if (arguments != null) args.AddRange(arguments);
        return Dotnet.Run(Root, args, env);
    }

    /// <summary>Lines of the build output that the package logged.</summary>
    public static IReadOnlyList<string> PackageLines(ProcessResult result) =>
        result.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains("Convex.AuthKit:") || l.Contains(": warning CAK") || l.Contains(": error CAK")).ToList();

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj" or "node_modules") continue;
            CopyDirectory(directory, Path.Combine(destination, name));
        }
    }
}
