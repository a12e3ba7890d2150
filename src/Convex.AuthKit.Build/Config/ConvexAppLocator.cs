namespace Convex.AuthKit.Build.Config;

/// <summary>Where the Convex app is (docs/architecture.md#where-the-convex-app-is): the folder holding convex.json or a convex/ folder of sources.</summary>
internal static class ConvexAppLocator
{
    private static readonly string[] SourceExtensions = { ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts" };

    /// <param name="projectDirectory">The MSBuild project's folder.</param>
    /// <param name="convexProjectDirectory">ConvexProjectDirectory, relative to the project or absolute; wins when set.</param>
    /// <param name="spaRoot">The SpaRoot property, relative to the project (backslashes or slashes).</param>
    public static ConvexAppLocation Locate(string projectDirectory, string? convexProjectDirectory, string? spaRoot)
    {
        var probed = new List<string>();
        var listed = new List<string>();
        if (!string.IsNullOrWhiteSpace(convexProjectDirectory))
        {
            var explicitDirectory = FullPath(projectDirectory, convexProjectDirectory!);
            probed.Add(explicitDirectory);
            return Directory.Exists(explicitDirectory)
                ? new ConvexAppLocation(explicitDirectory, "ConvexProjectDirectory", probed, listed, null)
                : new ConvexAppLocation(null, "ConvexProjectDirectory", probed, listed, explicitDirectory);
        }

        if (HoldsConvexApp(projectDirectory, probed, listed)) return new ConvexAppLocation(projectDirectory, "the project folder", probed, listed, null);

        if (!string.IsNullOrWhiteSpace(spaRoot))
        {
            var spaDirectory = FullPath(projectDirectory, spaRoot!);
            if (HoldsConvexApp(spaDirectory, probed, listed)) return new ConvexAppLocation(spaDirectory, "SpaRoot", probed, listed, null);
        }

        var clientApp = Path.Combine(projectDirectory, "ClientApp");
        if (HoldsConvexApp(clientApp, probed, listed)) return new ConvexAppLocation(clientApp, "ClientApp/", probed, listed, null);

        if (IsRepositoryRoot(projectDirectory, probed)) return new ConvexAppLocation(null, null, probed, listed, null);
        for (var parent = Directory.GetParent(projectDirectory); parent != null; parent = parent.Parent)
        {
            var convexJson = Path.Combine(parent.FullName, "convex.json");
            probed.Add(convexJson);
            if (File.Exists(convexJson)) return new ConvexAppLocation(parent.FullName, "a parent folder", probed, listed, null);
            if (IsRepositoryRoot(parent.FullName, probed)) break;
        }

        return new ConvexAppLocation(null, null, probed, listed, null);
    }

    /// <summary>
    /// convex.json, or a convex/ folder (exact case) holding source files. Such a folder's entries decide, so it is
    /// <paramref name="listed"/>: its time changes when a file is added, removed or renamed in it.
    /// </summary>
    private static bool HoldsConvexApp(string directory, List<string> probed, List<string> listed)
    {
        var convexJson = Path.Combine(directory, "convex.json");
        probed.Add(convexJson);
        if (File.Exists(convexJson)) return true;
        var functions = Path.Combine(directory, "convex");
        probed.Add(functions);
        if (!Directory.Exists(functions)) return false;
        listed.Add(functions);
        // Exact case: on case-insensitive file systems "Convex/" would also match Directory.Exists.
        var exactCase = false;
        foreach (var found in new DirectoryInfo(directory).EnumerateDirectories("convex"))
        {
            exactCase = string.Equals(found.Name, "convex", StringComparison.Ordinal);
            break;
        }
        if (!exactCase) return false;
        // Loops, not LINQ: this runs on every build (docs/architecture.md#incremental-rules).
        foreach (var file in Directory.EnumerateFiles(functions))
        {
            var extension = Path.GetExtension(file);
            foreach (var source in SourceExtensions)
                if (string.Equals(extension, source, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>A .git folder or file ends the search for a parent folder, so its existence is probed too.</summary>
    private static bool IsRepositoryRoot(string directory, List<string> probed)
    {
        var git = Path.Combine(directory, ".git");
        probed.Add(git);
        return Directory.Exists(git) || File.Exists(git);
    }

    /// <summary>
    /// MSBuild properties are written with backslashes (Visual Studio's <c>..\app.client\</c>); on Linux and macOS a
    /// backslash is a file name character, so it is read as the separator it means.
    /// </summary>
    private static string FullPath(string baseDirectory, string path)
    {
        if (Path.DirectorySeparatorChar == '/') path = path.Replace('\\', '/');
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path)).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
    }
}

/// <param name="Directory">The Convex app's folder, or null when there is none.</param>
/// <param name="FoundIn">How it was found ("the project folder", "ClientApp/", ...), for messages.</param>
/// <param name="ProbedPaths">Every path looked at; their existence is part of the stamp, so creating one re-runs the target.</param>
/// <param name="ListedDirectories">The convex/ folders whose files were looked at: their times are inputs, so adding or removing a file in one re-checks.</param>
/// <param name="MissingExplicitDirectory">ConvexProjectDirectory was set to a folder that does not exist.</param>
internal sealed record ConvexAppLocation(string? Directory, string? FoundIn, IReadOnlyList<string> ProbedPaths, IReadOnlyList<string> ListedDirectories, string? MissingExplicitDirectory);
