using System.Text;

namespace Convex.AuthKit.Build.Status;

/// <summary>
/// The status as one readable block: a title, aligned "label: value" rows, and a last row saying what the next
/// build would do. Logged as a single message so parallel builds cannot interleave it. Never holds a secret.
/// </summary>
internal sealed class StatusBlock
{
    public const string NextBuildLabel = "next build";

    private readonly List<KeyValuePair<string, string>> _rows = new List<KeyValuePair<string, string>>();

    public StatusBlock(string title) { Title = title; }

    public string Title { get; }

    /// <summary>What the next build would do; rendered last.</summary>
    public string NextBuild { get; set; } = "";

    public void Add(string label, string value) => _rows.Add(new KeyValuePair<string, string>(label, value));

    /// <summary>The value of the first row with this label, or null.</summary>
    public string? this[string label] => _rows.Where(r => r.Key == label).Select(r => r.Value).FirstOrDefault();

    public string Render()
    {
        var rows = _rows.Concat(new[] { new KeyValuePair<string, string>(NextBuildLabel, NextBuild) }).ToList();
        var width = rows.Max(r => r.Key.Length) + 1;
        var text = new StringBuilder(Title);
        foreach (var row in rows)
            text.Append('\n').Append("  ").Append((row.Key + ":").PadRight(width + 1)).Append(row.Value);
        return text.ToString();
    }

    public override string ToString() => Render();
}
