using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Harness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// What a NuGet user sees of the package, packed both ways: with the SDK's RepositoryUrl (the project URL, the
/// repository element and the diagnostics' help links all name it) and without (no repository anywhere); in both, the
/// metadata, the user README, and task assemblies with their symbols and no path of the building machine.
/// </summary>
[TestClass]
public sealed class PackageMetadataTests
{
    private const string RepositoryUrl = "https://example.com/owner/Convex.AuthKit.Build";
    private static PackageFeed? _withRepository;

    [ClassInitialize]
    public static void PackWithARepositoryUrl(TestContext _) => _withRepository = PackageFeed.Pack("repo", "RepositoryUrl=" + RepositoryUrl);

    [ClassCleanup]
    public static void Cleanup() => _withRepository?.Delete();

    private static PackageFeed[] BothWays() => new[] { PackedPackage.Feed, _withRepository! };

    private static XElement Metadata(PackageFeed feed)
    {
        using var zip = ZipFile.OpenRead(feed.NupkgPath);
        using var stream = zip.GetEntry("Convex.AuthKit.Build.nuspec")!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement? Element(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    private static byte[] Entry(PackageFeed feed, string path)
    {
        using var zip = ZipFile.OpenRead(feed.NupkgPath);
        using var stream = zip.GetEntry(path)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static readonly string[] TaskAssemblies = { "tasks/net8.0/Convex.AuthKit.Build.dll", "tasks/net472/Convex.AuthKit.Build.dll" };

    private static bool Contains(byte[] bytes, string text, Encoding encoding) =>
        bytes.AsSpan().IndexOf(encoding.GetBytes(text)) >= 0;

    [TestMethod]
    public void WithARepositoryUrl_TheProjectUrlTheRepositoryAndTheHelpLinksNameIt()
    {
        var metadata = Metadata(_withRepository!);
        Assert.AreEqual(RepositoryUrl, Element(metadata, "projectUrl")?.Value, metadata.ToString());
        Assert.AreEqual(RepositoryUrl, Element(metadata, "repository")?.Attribute("url")?.Value, metadata.ToString());
        foreach (var assembly in TaskAssemblies)
            Assert.IsTrue(Contains(Entry(_withRepository!, assembly), RepositoryUrl, Encoding.UTF8), "the help links' base is compiled into " + assembly);
    }

    [TestMethod]
    public void WithoutARepositoryUrl_NoRepositoryIsNamedAnywhere()
    {
        var metadata = Metadata(PackedPackage.Feed);
        Assert.IsNull(Element(metadata, "projectUrl"), metadata.ToString());
        Assert.IsNull(Element(metadata, "repository"), metadata.ToString());
        foreach (var assembly in TaskAssemblies)
        {
            var bytes = Entry(PackedPackage.Feed, assembly);
            Assert.IsFalse(Contains(bytes, "github.com", Encoding.UTF8) || Contains(bytes, "example.com", Encoding.UTF8), "no help-link base in " + assembly);
        }
    }

    [TestMethod]
    public void BothWays_MetadataAUserReadmeAndAnIcon()
    {
        foreach (var feed in BothWays())
        {
            var metadata = Metadata(feed);
            Assert.AreEqual("MIT", Element(metadata, "license")?.Value, metadata.ToString());
            Assert.AreEqual("icon.png", Element(metadata, "icon")?.Value, metadata.ToString());
            Assert.IsFalse(string.IsNullOrWhiteSpace(Element(metadata, "releaseNotes")?.Value), metadata.ToString());
            StringAssert.Contains(Element(metadata, "copyright")?.Value ?? "", "Copyright", metadata.ToString());
            CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, Entry(feed, "icon.png").Take(4).ToArray(), "a PNG icon");

            var readme = Encoding.UTF8.GetString(Entry(feed, "README.md"));
            StringAssert.Contains(readme, "## Quick start");
            StringAssert.Contains(readme, "| `ConvexAuthKitEnabled` |", "the properties");
            StringAssert.Contains(readme, "<a id=\"cak1006\"></a>`CAK1006`", "the diagnostics, with their anchors");
            StringAssert.Contains(readme, "## Recipes");
            foreach (var contributorOnly in new[] { "## Working on this repository", "## Performance", "## The sandbox", "repository-only" })
                Assert.IsFalse(readme.Contains(contributorOnly, StringComparison.Ordinal), contributorOnly + " stays in the repository's README");
            Assert.IsFalse(System.Text.RegularExpressions.Regex.IsMatch(readme, @"\]\((?!https?://|#)[^)]+\)"), "a relative link cannot resolve on a package page");
        }
        StringAssert.StartsWith(File.ReadAllText(Path.Combine(Repository.Root, "LICENSE")), "MIT License", "the LICENSE file matches the expression");
    }

    [TestMethod]
    public void BothWays_TaskAssembliesCarryTheirSymbolsAndNoPathOfTheBuildingMachine()
    {
        var root = Repository.Root.TrimEnd('/', '\\');
        foreach (var feed in BothWays())
        {
            foreach (var assembly in TaskAssemblies)
            {
                var bytes = Entry(feed, assembly);
                Assert.IsFalse(Contains(bytes, root, Encoding.UTF8) || Contains(bytes, root, Encoding.Unicode), root + " inside " + assembly);
                using var pe = new PEReader(new MemoryStream(bytes));
                Assert.IsTrue(pe.ReadDebugDirectory().Any(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb), "an embedded PDB in " + assembly);
            }
        }
    }
}
