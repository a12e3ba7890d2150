namespace Convex.AuthKit.Build.Config;

/// <summary>Finds and parses the Convex app's <c>convex.json</c> (docs/protocol.md#project-configuration).</summary>
internal static class ConvexJsonFile
{
    public const string BothExistMessage = "Error: both convex.json and src/convex.json files exist! Consolidate these and remove src/convex.json.";

    /// <summary>The parsed file, or null when the app has no <c>convex.json</c>.</summary>
    /// <param name="srcConvexJsonIgnored">Set when only <c>src/convex.json</c> exists, which the CLI 1.48 ignores when reading.</param>
    /// <exception cref="ConvexJsonException">The file is invalid, or both locations hold one.</exception>
    public static ConvexProjectConfig? Read(ProjectFiles files, out bool srcConvexJsonIgnored)
    {
        var root = files.PathOf("convex.json");
        var src = files.PathOf(System.IO.Path.Combine("src", "convex.json"));
        var rootExists = files.Exists(root);
        var srcExists = files.Exists(src);
        srcConvexJsonIgnored = srcExists && !rootExists;
        if (!rootExists) return null;
        if (srcExists) throw new ConvexJsonException(BothExistMessage, new Vocabulary.DiagnosticLocation(src));
        string text;
        try
        {
            text = files.ReadText(root)!;
        }
        catch (FileSystem.UnusableFileException e)
        {
            throw new ConvexJsonException($"convex.json is {e.What}, so it cannot be read. Make it a regular file.", new Vocabulary.DiagnosticLocation(root));
        }
        return ConvexJsonParser.Parse(text, root);
    }
}
