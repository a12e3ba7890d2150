using System.Text;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.TestSupport;
using Convex.AuthKit.Harness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.DotEnv;

/// <summary>
/// The model of the front ends' readers (FrontEndEnvReaders) against the real ones: Vite 8.3.8's loadEnv and @next/env
/// 16.4.6's loadEnvConfig, run by Node from tests/real-readers. Every vector is a folder of env files; both must agree
/// on every variable the files define.
/// </summary>
[TestClass]
public sealed class FrontEndEnvReadersTests
{
    private static readonly string[] Tricky =
    {
        "plain", "http://localhost:5173/callback", "client_01JQ3M7Y5X0ZC8R2V9K4T6N1B3", "sk_test_a1B2-c3_d4",
        "Zx8_-Qm3vT0aK9LpR2sW5yB7nC1dE4fG6hJ8kM0oP2q", "a#b", " padded ", "\tTab", "it's", "say \"hi\"", "it's \"quoted\"",
        "line1\nline2", "a\\nb", "back\\slash", "a=b=c", "`tick`", "'single'", "\"double\"", "a$b", "${A}", "$HOME", "cost: $5", "a\\$b",
        "100%", "é ü 中", "trailing\\", "x # not a comment", "#leading", "a\rb", "ends with $", "$", "${", "\\${A}",
    };

    /// <summary>Folders of env files, by name. File names are the ones the readers look for.</summary>
    private static IEnumerable<(string Name, Dictionary<string, string> Files)> Vectors()
    {
        Dictionary<string, string> Local(string text) => new() { [".env.local"] = text };

        yield return ("what the build writes", Local(
            "# Deployment used by `npx convex dev`\nCONVEX_DEPLOYMENT=dev:happy-animal-123 # team: my-team, project: my-project\n\n"
            + "# See this environment at https://dashboard.workos.com/environment_01/authentication\nVITE_WORKOS_CLIENT_ID=client_01JQ3M7Y5X0ZC8R2V9K4T6N1B3\n"
            + "\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n\nWORKOS_API_KEY=sk_test_a1B2c3\n\nWORKOS_COOKIE_PASSWORD=Zx8_-Qm3vT0aK9LpR2sW5yB7nC1dE4fG6hJ8kM0oP2q\n"));
        yield return ("a copied template", Local(
            "# Deployment used by `npx convex dev`\nCONVEX_DEPLOYMENT=dev:happy-animal-123 # team: my-team, project: my-project\n"
            + "# WorkOS AuthKit\nWORKOS_CLIENT_ID=client_your_client_id_here\nWORKOS_API_KEY=sk_test_your_api_key_here\n"
            + "WORKOS_COOKIE_PASSWORD=your_secure_password_here_must_be_at_least_32_characters_long\nNEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback\n"));
        yield return ("CRLF and no final line break", Local("A=1\r\nB=two words\r\n# c\r\nC='x y'\r\nD=last"));
        yield return ("BOM", Local("\uFEFFFIRST=1\nSECOND=2\n"));
        yield return ("BOM before a comment", Local("\uFEFF# comment\nFIRST=1\n"));
        yield return ("export and indentation", Local("export A=1\n  B=2\n\tC=3\nexport   D=4\n"));
        yield return ("inline comments", Local("A=1 # c\nB=x#y\nC='x#y' # c\nD=\"x#y\"#c\nE=`x#y`\nF= # only a comment\n"));
        yield return ("duplicates: the last wins", Local("A=1\nB=2\nA=3\n"));
        yield return ("empty values", Local("A=\nB=''\nC=\"\"\nD= \n"));
        yield return ("quotes left open", Local("A='open\nB=2\nC=\"x\" tail\nD='a' 'b'\n"));
        yield return ("multi-line values", Local("A='one\ntwo'\nB=\"three\\nfour\"\nC=\"five\nsix\"\nD=`seven\neight`\nE=after\n"));
        yield return ("escapes", Local("A=\"a\\nb\\rc\"\nB='a\\nb'\nC=a\\nb\nD=`a\\nb`\n"));
        yield return ("keys", Local("a.b=1\nc-d=2\nE_F=3\n0=zero\n10=ten\nZ=last\n"));
        yield return ("expansion", Local("A=1\nB=${A}x\nC=$A-y\nD=${MISSING:-fallback}\nE=${MISSING-dash}\nF=${A:+set}\nG=${MISSING:+set}\nH=\\$A\nI=$1\nJ=a$\nK=${A}${A}\nL=$A$B\n"));
        yield return ("expansion order", Local("Z=${Y}z\nY=${X}y\nX=x\nQ=$P\nP=p\n"));
        yield return ("expansion, odd", Local("A=${B}\nB=${A}\nC=$C\nD=${nullx}\nE=$$\nF=${A:-${B}}\nG=pre$&post\n"));
        yield return ("a reference that never resolves", Local("A=1\nC=$C\nD=2\n"));
        yield return ("precedence across files", new()
        {
            [".env"] = "A=env\nB=env\nC=env\nD=env\nREF=${A}\n",
            [".env.local"] = "A=local\nB=local\nC=local\n",
            [".env.development"] = "A=development\nB=development\n",
            [".env.development.local"] = "A=development-local\nLREF=$C\n",
        });
        yield return ("references across files", new()
        {
            [".env"] = "BASE=http://localhost\nURL=${BASE}:5173\n",
            [".env.local"] = "BASE=https://localhost\nCALLBACK=${URL}/callback\n",
        });
        foreach (var value in Tricky)
        {
            foreach (var form in DotEnvValueForms.Candidates(value)) yield return ($"the form {Show(form)}", Local("BEFORE=1\nKEY=" + form + "\nAFTER=2\n"));
        }
    }

    [TestMethod]
    public void TheModelReadsEveryVectorAsTheRealReadersDo()
    {
        var readers = Prerequisite.RealReaders();
        var vectors = Vectors().ToList();
        var root = NewFolder();
        try
        {
            var folders = new List<string>();
            foreach (var (name, files) in vectors) folders.Add(WriteFolder(root, folders.Count, files));
            var real = readers.Read(folders);

            var failures = new List<string>();
            for (var i = 0; i < vectors.Count; i++)
            {
                var (name, files) = vectors[i];
                var readings = real[Path.GetFullPath(folders[i])];
                Compare(failures, name, "Vite", Added(FrontEndEnvReaders.Vite(files, readers.Environment), readers), readings.Vite);
                Compare(failures, name, "Next.js", Added(FrontEndEnvReaders.Next(files, readers.Environment), readers), readings.Next);
            }
            Assert.AreEqual(0, failures.Count, $"Node {readers.NodeVersion} (the model is of Node 20.20's util.parseEnv, which Vite uses):\n" + string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public void WhatTheEditorWritesReadsBackUnchanged_OrIsRefusedBecauseAReaderAltersIt()
    {
        var readers = Prerequisite.RealReaders();
        var root = NewFolder();
        try
        {
            var written = new List<(string Value, string Folder)>();
            var refused = new List<(string Value, string Folder)>();
            for (var i = 0; i < Tricky.Length; i++)
            {
                var value = Tricky[i];
                string? text;
                try
                {
                    text = DotEnvEditor.Change("CONVEX_DEPLOYMENT=dev:happy-animal-123\n", "KEY", value,
                        alsoReadsBack: candidate => FrontEndEnvReaders.ReadBack(candidate, "KEY", value));
                }
                catch (DotEnvValueException)
                {
                    text = null;
                }
                // A refused value: its plain form, to show that a real reader would indeed alter it.
                var folder = WriteFolder(root, i, new() { [".env.local"] = text ?? "KEY=" + value + "\n" });
                (text != null ? written : refused).Add((value, folder));
            }
            var real = readers.Read(written.Concat(refused).Select(w => w.Folder));

            foreach (var (value, folder) in written)
            {
                var readings = real[Path.GetFullPath(folder)];
                Assert.AreEqual(value, readings.Vite.GetValueOrDefault("KEY"), $"Vite reads back {Show(value)}");
                Assert.AreEqual(value, readings.Next.GetValueOrDefault("KEY"), $"Next.js reads back {Show(value)}");
            }
            foreach (var (value, folder) in refused)
            {
                var readings = real[Path.GetFullPath(folder)];
                Assert.IsTrue(readings.Vite.GetValueOrDefault("KEY") != value || readings.Next.GetValueOrDefault("KEY") != value,
                    $"{Show(value)} is refused, yet both readers read its plain form back");
            }
            CollectionAssert.IsSubsetOf(new[] { "a$b", "${A}", "$HOME", "cost: $5", "a\\$b", "\\${A}" }, refused.Select(r => r.Value).ToList(), "a reference the readers would expand is refused");
            CollectionAssert.IsSubsetOf(new[] { "plain", "http://localhost:5173/callback", "a#b", "it's \"quoted\"", "line1\nline2", "ends with $" }, written.Select(w => w.Value).ToList());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public void AReferenceIsExpandedByBothModels()
    {
        var files = new Dictionary<string, string> { [".env.local"] = "A=1\nB=${A}2\nC=\\$A\n" };
        var none = new Dictionary<string, string>();
        foreach (var read in new[] { FrontEndEnvReaders.Vite(files, none), FrontEndEnvReaders.Next(files, none) })
        {
            Assert.AreEqual("12", read["B"]);
            Assert.AreEqual("$A", read["C"]);
        }
        Assert.IsFalse(FrontEndEnvReaders.ReadBack("K=a$b\n", "K", "a$b"));
        Assert.IsFalse(FrontEndEnvReaders.ReadBack("K=cost: $5\n", "K", "cost: $5"), "Next.js reads $5 as a reference");
        Assert.IsTrue(FrontEndEnvReaders.ReadBack("K=ends with $\n", "K", "ends with $"));
    }

    private static Dictionary<string, string> Added(IReadOnlyDictionary<string, string> values, RealEnvReaders readers) =>
        values.Where(pair => !readers.Environment.ContainsKey(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value);

    private static void Compare(List<string> failures, string vector, string reader, IReadOnlyDictionary<string, string> model, IReadOnlyDictionary<string, string> real)
    {
        foreach (var key in model.Keys.Union(real.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            var expected = real.TryGetValue(key, out var r) ? Show(r) : "(absent)";
            var actual = model.TryGetValue(key, out var m) ? Show(m) : "(absent)";
            if (expected != actual) failures.Add($"{vector}, {reader}, {Show(key)}: real {expected}, model {actual}");
        }
    }

    private static string Show(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t").Replace("\uFEFF", "\\uFEFF") + "\"";

    private static string NewFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "convex-authkit-readers-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        return root;
    }

    private static string WriteFolder(string root, int index, Dictionary<string, string> files)
    {
        var folder = Path.Combine(root, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files) File.WriteAllBytes(Path.Combine(folder, name), new UTF8Encoding(false).GetBytes(text));
        return folder;
    }
}
