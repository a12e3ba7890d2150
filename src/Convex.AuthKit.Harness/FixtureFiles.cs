namespace Convex.AuthKit.Harness;

/// <summary>Copies one of tests/fixtures/ somewhere private, laid out as a repository (a .git folder marks its root).</summary>
public static class FixtureFiles
{
    public static void CopyTo(string fixtureName, string destination)
    {
        CopyDirectory(Repository.Fixture(fixtureName), destination);
        Directory.CreateDirectory(Path.Combine(destination, ".git"));
    }

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
