namespace Convex.AuthKit.Build.Tests.Config;

/// <summary>A throw-away Convex app folder for tests that read files.</summary>
internal sealed class TempApp : IDisposable
{
    public TempApp()
    {
        Directory = Path.Combine(Path.GetTempPath(), "cak-config-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return Path.GetFullPath(path);
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
