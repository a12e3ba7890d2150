using System.Text;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.House;

/// <summary>
/// Comments cite the repository's own docs by anchor (<c>docs/architecture.md#incremental-rules</c>): every such
/// citation must name a doc that exists and a heading in it, nothing may cite documents outside the repository, and
/// nothing cites an issue number: a comment says what the code or test protects, which an issue number does not.
/// </summary>
[TestClass]
public sealed class DocsCitationTests
{
    private static readonly string[] ScannedFolders = { "src", "tests", "build", "buildMultiTargeting", "eng" };
    private static readonly string[] ScannedExtensions = { ".cs", ".props", ".targets", ".csproj", ".sh", ".md", ".ts", ".tsx", ".js", ".mjs" };

    private static readonly Regex Citation = new(@"docs/(?<doc>[A-Za-z0-9_.-]+\.md)#(?<anchor>[A-Za-z0-9_-]+)", RegexOptions.CultureInvariant);

    private static readonly Regex IssueNumber = new(@"\b[Ii]ssues?[ \t]*#?[0-9]+", RegexOptions.CultureInvariant);

    // Built from parts so that this file does not match its own needles.
    private static readonly string[] OutsideReferences = { "DESIGN " + "§", "spec " + "§", "../" + "shared" };
    private const string Issue = "iss" + "ue";
    private const string CapitalIssue = "Iss" + "ue";

    [TestMethod]
    public void EveryDocsCitationNamesAnExistingHeading()
    {
        var root = RepositoryRoot();
        var anchorsByDoc = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        var broken = new List<string>();
        var citations = 0;
        foreach (var file in ScannedFiles(root))
        {
            foreach (Match match in Citation.Matches(File.ReadAllText(file)))
            {
                citations++;
                var doc = match.Groups["doc"].Value;
                var anchor = match.Groups["anchor"].Value;
                if (!anchorsByDoc.TryGetValue(doc, out var anchors))
                {
                    var path = Path.Combine(root, "docs", doc);
                    anchors = File.Exists(path) ? HeadingAnchors(File.ReadAllLines(path)) : null;
                    anchorsByDoc[doc] = anchors;
                }
                if (anchors == null) broken.Add($"{Relative(root, file)}: docs/{doc} does not exist");
                else if (!anchors.Contains(anchor)) broken.Add($"{Relative(root, file)}: docs/{doc} has no heading #{anchor}");
            }
        }
        Assert.IsTrue(citations > 0, "No docs citation found: is the scan looking in the right place?");
        Assert.AreEqual(0, broken.Count, "Broken docs citations:\n" + string.Join("\n", broken.Distinct()));
    }

    [TestMethod]
    public void NoFileCitesDocumentsOutsideTheRepository()
    {
        var offenders = LinesHolding(line => OutsideReferences.FirstOrDefault(needle => line.Contains(needle, StringComparison.Ordinal)));
        Assert.AreEqual(0, offenders.Count, "Files cite documents outside the repository:\n" + string.Join("\n", offenders));
    }

    [TestMethod]
    public void NoFileCitesAnIssueNumber()
    {
        var offenders = LinesHolding(line => IssueNumber.Match(line) is { Success: true } match ? match.Value : null);
        Assert.AreEqual(0, offenders.Count, "Say what the code or test protects instead of citing an issue:\n" + string.Join("\n", offenders));
    }

    /// <summary>"file:line: what" for every line of the scanned files in which <paramref name="find"/> finds something.</summary>
    private static List<string> LinesHolding(Func<string, string?> find)
    {
        var root = RepositoryRoot();
        var found = new List<string>();
        foreach (var file in ScannedFiles(root))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                if (find(lines[i]) is { } what) found.Add($"{Relative(root, file)}:{i + 1}: {what}");
        }
        return found;
    }

    [TestMethod]
    public void TheIssueNumberPatternCatchesTheWaysOneIsWritten()
    {
        foreach (var citation in new[] { "(" + Issue + " 13)", CapitalIssue + " 2:", Issue + " 10 items 3 and 4", Issue + "s 4 and 5", Issue + " #7" })
            Assert.IsTrue(IssueNumber.IsMatch(citation), citation);
        foreach (var text in new[] { "issues.Error(\"functions\")", "an " + Issue + " with the port", "t" + Issue + " 5" })
            Assert.IsFalse(IssueNumber.IsMatch(text), text);
    }

    [TestMethod]
    public void SlugsFollowGitHub()
    {
        Assert.AreEqual("incremental-rules", Slug("Incremental rules"));
        Assert.AreEqual("faults-retries-and-partial-failure", Slug("Faults, retries and partial failure"));
        Assert.AreEqual("env-file-writes", Slug("Env-file writes"));
        Assert.AreEqual("convexjson-schema", Slug("`convex.json` schema"));
    }

    /// <summary>GitHub's anchors of a Markdown file's headings; a repeated heading gets <c>-1</c>, <c>-2</c>, ...</summary>
    internal static HashSet<string> HeadingAnchors(IEnumerable<string> lines)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence) continue;
            var heading = Regex.Match(line, @"^ {0,3}#{1,6}[ \t]+(?<text>.*?)[ \t]*#*[ \t]*$");
            if (!heading.Success) continue;
            var slug = Slug(heading.Groups["text"].Value);
            var count = seen.TryGetValue(slug, out var n) ? n : 0;
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }
        return anchors;
    }

    /// <summary>Lowercase; letters, digits, spaces, hyphens (and underscores, as GitHub keeps them) stay; spaces become hyphens.</summary>
    internal static string Slug(string heading)
    {
        var slug = new StringBuilder(heading.Length);
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '-' || c == '_') slug.Append(c);
            else if (c == ' ') slug.Append('-');
        }
        return slug.ToString();
    }

    private static IEnumerable<string> ScannedFiles(string root) =>
        ScannedFolders
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(file => ScannedExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Where(file => !IsBuildOutput(root, file));

    private static bool IsBuildOutput(string root, string file) =>
        Relative(root, file).Split('/').Any(part => part == "bin" || part == "obj");

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Convex.AuthKit.Build.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("No folder above " + AppContext.BaseDirectory + " holds Convex.AuthKit.Build.sln.");
    }
}
