using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Tests.Conformance;

/// <summary>
/// Loads the recorded reference vectors: every <c>*.json</c> in the repository's own <c>Conformance/vectors/</c>
/// (copied beside the test binaries; authoritative), then every <c>*.json</c> of each directory in
/// <c>CONVEX_AUTHKIT_CONFORMANCE_DIRS</c> (path-separator list) whose file name is not already loaded.
/// </summary>
public static class ConformanceVectors
{
    public const string DirsVariable = "CONVEX_AUTHKIT_CONFORMANCE_DIRS";

    /// <summary>The repository's own vectors, copied to the test output.</summary>
    public static string BuiltInDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Conformance", "vectors");

    public static IReadOnlyList<string> Directories()
    {
        if (!Directory.Exists(BuiltInDirectory)) throw new DirectoryNotFoundException("The repository's conformance vectors were not copied beside the test binaries: " + BuiltInDirectory);
        var dirs = new List<string> { BuiltInDirectory };
        var extra = Environment.GetEnvironmentVariable(DirsVariable);
        if (!string.IsNullOrEmpty(extra))
        {
            foreach (var d in extra!.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Directory.Exists(d)) throw new DirectoryNotFoundException($"{DirsVariable} names a missing directory: {d}");
                dirs.Add(Path.GetFullPath(d));
            }
        }
        return dirs;
    }

    /// <summary>Every vector file to read: a file name already loaded from an earlier directory is skipped.</summary>
    public static IReadOnlyList<string> Files()
    {
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var dir in Directories())
            foreach (var file in Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
                if (loaded.Add(Path.GetFileName(file))) files.Add(file);
        return files;
    }

    /// <summary>Every vector of a family, as MSTest dynamic data rows: (display name, vector).</summary>
    public static IEnumerable<object[]> Family(string family)
    {
        var rows = new List<object[]>();
        foreach (var file in Files())
        {
            var root = JObject.Parse(File.ReadAllText(file));
            if ((string?)root["family"] != family) continue;
            foreach (var v in (JArray)root["vectors"]!)
            {
                var vector = (JObject)v;
                rows.Add(new object[] { $"{Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)}:{(string?)vector["name"]}", vector.ToString(Formatting.None) });
            }
        }
        return rows;
    }

    /// <summary>The result a correct implementation must produce: <c>intended</c> when present, else <c>expected</c>.</summary>
    public static JToken Wanted(JObject vector) => vector["intended"] ?? vector["expected"]!;

    public static string DisplayName(System.Reflection.MethodInfo method, object[] data) => $"{method.Name}({data[0]})";
}
