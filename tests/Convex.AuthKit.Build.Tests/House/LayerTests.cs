using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.House;

/// <summary>
/// The folders of src/Convex.AuthKit.Build are layered as docs/architecture.md#layers draws them: a folder uses only
/// folders of lower layers, never one of its own layer or above, so no reference goes up and no cycle can form. Type
/// references count, not only <c>using</c> lines: a parent namespace's types and fully qualified names need none.
/// </summary>
[TestClass]
public sealed class LayerTests
{
    /// <summary>The layers, top-down. Declared once here; the diagram of docs/architecture.md#layers must show the same.</summary>
    private static readonly string[][] Layers =
    {
        new[] { SourceReferences.Root },
        new[] { "Provisioning", "Status" },
        new[] { "Facts" },
        new[] { "Plan", "Incremental" },
        new[] { "ConvexApi", "WorkOS", "Selection" },
        new[] { "Config" },
        new[] { "DotEnv" },
        new[] { "Vocabulary", "FileSystem" },
        new[] { "Http" },
    };

    [TestMethod]
    public void EveryReferenceOfTheTaskAssemblyPointsDown()
    {
        var references = SourceReferences.In(Path.Combine(RepositoryRoot(), "src", "Convex.AuthKit.Build"));

        Assert.IsTrue(references.Count > 100, "Too few references found: is the scan reading the source tree?");
        var unplaced = references.SelectMany(r => new[] { r.FromFolder, r.ToFolder }).Distinct().Where(f => LayerOf(f) < 0).ToList();
        Assert.AreEqual(0, unplaced.Count, "Folders without a layer (add them to Layers and to the diagram of docs/architecture.md#layers): " + string.Join(", ", unplaced));
        var upward = references.Where(r => !PointsDown(r)).ToList();
        Assert.AreEqual(0, upward.Count, "References that do not point down the layers of docs/architecture.md#layers:" + SourceReferences.Describe(upward));
    }

    [TestMethod]
    public void TheArchitectureDocDrawsTheseLayers()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "architecture.md"));
        var section = doc.Substring(doc.IndexOf("## Layers", StringComparison.Ordinal));
        var diagram = section.Substring(section.IndexOf("```", StringComparison.Ordinal) + 3);
        diagram = diagram.Substring(0, diagram.IndexOf("```", StringComparison.Ordinal));

        var drawn = diagram.Split('\n').Where(line => line.Contains("└─►", StringComparison.Ordinal))
            .Select(line => line.Split("└─►")[1].TrimStart())
            .Select(layer => layer.StartsWith("tasks", StringComparison.Ordinal)
                ? SourceReferences.Root
                : string.Join(" ", Regex.Matches(layer, @"\b([A-Z][A-Za-z]+)/").Select(m => m.Groups[1].Value)))
            .ToList();
        CollectionAssert.AreEqual(Layers.Select(layer => string.Join(" ", layer)).ToList(), drawn, "The diagram of docs/architecture.md#layers, one layer a line:\n" + diagram);
    }

    [TestMethod]
    public void EveryFileSitsInTheNamespaceOfItsFolder()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "Convex.AuthKit.Build");
        var misplaced = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            var folder = SourceReferences.FolderOf(relative);
            if (folder is "bin" or "obj" || relative == "IsExternalInit.cs") continue;
            var expected = "namespace Convex.AuthKit.Build" + (folder == SourceReferences.Root ? "" : "." + folder) + ";";
            if (!File.ReadAllText(file).Contains(expected, StringComparison.Ordinal)) misplaced.Add($"{relative} (expected {expected})");
        }
        Assert.AreEqual(0, misplaced.Count, "A file's folder decides its layer, so its namespace must be its folder's:\n" + string.Join("\n", misplaced));
    }

    // The reader itself: what counts as a reference and what does not.

    [TestMethod]
    public void AnUpwardUsingIsFound()
    {
        var references = Read(("Plan/Planner.cs", "using Convex.AuthKit.Build.Provisioning;\nnamespace Convex.AuthKit.Build.Plan;\ninternal static class Planner { }"));
        Assert.AreEqual("Plan → Provisioning", Single(references));
        Assert.IsFalse(PointsDown(references.Single()));
    }

    [TestMethod]
    public void TypesUsedWithoutAUsingAreFound()
    {
        var qualified = Read(("Plan/Planner.cs", "namespace Convex.AuthKit.Build.Plan;\ninternal static class Planner { static Provisioning.Session? S; }"));
        Assert.AreEqual("Plan → Provisioning", Single(qualified));
        var parent = Read(("Plan/Planner.cs", "namespace Convex.AuthKit.Build.Plan;\ninternal static class Planner { static void Run() => MSBuildLogSink.Write(); }"));
        Assert.AreEqual("Plan → (tasks)", Single(parent), "a type of the root namespace is visible to every folder without a using");
        var inHole = Read(("Plan/Planner.cs", "namespace Convex.AuthKit.Build.Plan;\ninternal static class Planner { static string Text => $\"at {Session.Name:N0}\"; }"));
        Assert.AreEqual("Plan → Provisioning", Single(inHole), "the code of an interpolation hole is code");
    }

    [TestMethod]
    public void CommentsLiteralsAndMembersNamedLikeATypeAreNotReferences()
    {
        var references = Read(("Vocabulary/Settings.cs", """
            namespace Convex.AuthKit.Build.Vocabulary;
            // Session, see Provisioning.Session
            /// <summary>Uses <see cref="Session"/>.</summary>
            internal sealed class Settings
            {
                [Setting("Session", Session = "x")] public string? Session { get; set; }
                public string Text => "Session" + @"Session" + $"{{Session}}" + 'S';
                public string Copy(Settings other) => other.Session + Session;
                public Settings With(string session) => new Settings { Session = session };
                public bool Is(object o) => o is { Session: "x" };
            }
            """));
        Assert.AreEqual(0, references.Count, SourceReferences.Describe(references));
    }

    [TestMethod]
    public void ATypeNameDeclaredInTwoFoldersIsRefused()
    {
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => SourceReferences.In(new Dictionary<string, string>
        {
            ["Plan/A.cs"] = "namespace Convex.AuthKit.Build.Plan; internal sealed class Twin { }",
            ["Status/B.cs"] = "namespace Convex.AuthKit.Build.Status; internal sealed class Twin { }",
        }));
        StringAssert.Contains(error.Message, "Twin is declared in both");
    }

    private static List<FolderReference> Read(params (string Path, string Text)[] files)
    {
        var tree = files.ToDictionary(f => f.Path, f => f.Text);
        tree["Provisioning/Session.cs"] = "namespace Convex.AuthKit.Build.Provisioning;\ninternal sealed class Session { public static string Name => \"\"; }";
        tree["MSBuildLogSink.cs"] = "namespace Convex.AuthKit.Build;\ninternal static class MSBuildLogSink { public static void Write() { } }";
        return SourceReferences.In(tree).Where(r => files.Any(f => f.Path == r.File)).ToList();
    }

    private static string Single(IReadOnlyList<FolderReference> references)
    {
        var pairs = references.Select(r => $"{r.FromFolder} → {r.ToFolder}").Distinct().ToList();
        Assert.AreEqual(1, pairs.Count, SourceReferences.Describe(references));
        return pairs[0];
    }

    private static bool PointsDown(FolderReference reference) => LayerOf(reference.ToFolder) > LayerOf(reference.FromFolder);

    private static int LayerOf(string folder) => Array.FindIndex(Layers, layer => layer.Contains(folder));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Convex.AuthKit.Build.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("No folder above " + AppContext.BaseDirectory + " holds Convex.AuthKit.Build.sln.");
    }
}
