namespace Convex.AuthKit.Harness;

/// <summary>
/// The package packed with a unique version into a temp feed, a shared isolated NUGET_PACKAGES folder, and a work
/// folder whose nuget.config adds the feed (and only adds it: the machine's own package sources stay in force) and
/// whose Directory.Build.props tells fixtures the version (NuGet treats an id+version as immutable).
/// </summary>
public sealed class PackageFeed
{
    private PackageFeed(string runFolder, string version)
    {
        RunFolder = runFolder;
        Version = version;
    }

    public string Version { get; }
    public string RunFolder { get; }
    public string Feed => Path.Combine(RunFolder, "feed");
    public string PackagesFolder => Path.Combine(RunFolder, "nuget-packages");
    public string WorkFolder => Path.Combine(RunFolder, "work");
    public string NupkgPath => Path.Combine(Feed, $"Convex.AuthKit.Build.{Version}.nupkg");

    /// <summary>Packs with a version unique to <paramref name="purpose"/> and this run; <paramref name="properties"/> are extra <c>Name=value</c> pack properties.</summary>
    public static PackageFeed Pack(string purpose, params string[] properties)
    {
        var version = $"0.1.0-{purpose}.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var feed = new PackageFeed(Path.Combine(Path.GetTempPath(), "convex-authkit-" + purpose, version), version);
        Directory.CreateDirectory(feed.Feed);
        Directory.CreateDirectory(feed.PackagesFolder);
        Directory.CreateDirectory(feed.WorkFolder);
        File.WriteAllText(Path.Combine(feed.WorkFolder, "nuget.config"),
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <add key=\"convex-authkit-local-feed\" value=\"{feed.Feed}\" />\n  </packageSources>\n</configuration>\n");
        File.WriteAllText(Path.Combine(feed.WorkFolder, "Directory.Build.props"),
            $"<Project>\n  <PropertyGroup>\n    <ConvexAuthKitVersion>{version}</ConvexAuthKitVersion>\n  </PropertyGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(feed.WorkFolder, "Directory.Build.targets"), "<Project />\n");

        var pack = Dotnet.Run(Repository.Root, new[] { "pack", Repository.TaskProject, "-c", "Release", "-o", feed.Feed, "-p:Version=" + version, "-nr:false" }
            .Concat(properties.Select(p => "-p:" + p)));
        if (pack.ExitCode != 0 || !File.Exists(feed.NupkgPath)) throw new InvalidOperationException("dotnet pack failed: " + pack);
        return feed;
    }

    public void Delete()
    {
        try { Directory.Delete(RunFolder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
