using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Tests.Conformance;

/// <summary>
/// Loads the recorded reference vectors: every <c>*.json</c> in <c>../shared/conformance/</c> (found by walking up
/// from the test binaries) and in each directory of <c>CONVEX_AUTHKIT_CONFORMANCE_DIRS</c> (path-separator list).
/// </summary>
public static class ConformanceVectors
{
    public const string DirsVariable = "CONVEX_AUTHKIT_CONFORMANCE_DIRS";

    public static IReadOnlyList<string> Directories()
    {
        var dirs = new List<string>();
        var shared = FindSharedConformanceDirectory();
        if (shared != null) dirs.Add(shared);
        var extra = Environment.GetEnvironmentVariable(DirsVariable);
        if (!string.IsNullOrEmpty(extra))
        {
            foreach (var d in extra!.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Directory.Exists(d)) throw new DirectoryNotFoundException($"{DirsVariable} names a missing directory: {d}");
                dirs.Add(Path.GetFullPath(d));
            }
        }
        if (dirs.Count == 0) throw new DirectoryNotFoundException("No conformance directory: ../shared/conformance was not found above the test binaries and " + DirsVariable + " is empty.");
        return dirs;
    }

    /// <summary>Every vector of a family, as MSTest dynamic data rows: (display name, vector).</summary>
    public static IEnumerable<object[]> Family(string family)
    {
        var rows = new List<object[]>();
        foreach (var dir in Directories())
        {
            foreach (var file in Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                var root = JObject.Parse(File.ReadAllText(file));
                if ((string?)root["family"] != family) continue;
                foreach (var v in (JArray)root["vectors"]!)
                {
                    var vector = (JObject)v;
                    rows.Add(new object[] { $"{Path.GetFileName(dir)}/{Path.GetFileName(file)}:{(string?)vector["name"]}", vector.ToString(Formatting.None) });
                }
            }
        }
        return rows;
    }

    /// <summary>The result a correct implementation must produce: <c>intended</c> when present, else <c>expected</c>.</summary>
    public static JToken Wanted(JObject vector) => vector["intended"] ?? vector["expected"]!;

    public static string DisplayName(System.Reflection.MethodInfo method, object[] data) => $"{method.Name}({data[0]})";

    private static string? FindSharedConformanceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "conformance");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
