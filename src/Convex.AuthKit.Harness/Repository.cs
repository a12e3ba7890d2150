namespace Convex.AuthKit.Harness;

/// <summary>Paths inside this repository, found from the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string TaskProject => Path.Combine(Root, "src", "Convex.AuthKit.Build", "Convex.AuthKit.Build.csproj");

    public static string Fixture(string name) => Path.Combine(Root, "tests", "fixtures", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Convex.AuthKit.Build.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Convex.AuthKit.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
