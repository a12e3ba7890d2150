namespace Convex.AuthKit.Build.DotEnv;

/// <summary>The text of an env file as read, without its UTF-8 byte order mark, and whether it had one.</summary>
public sealed class DotEnvDocument
{
    public DotEnvDocument(string text, bool hasBom)
    {
        Text = text;
        HasBom = hasBom;
    }

    public string Text { get; }

    public bool HasBom { get; }

    // The text may hold secrets.
    public override string ToString() => $"env file text ({Text.Length} chars{(HasBom ? ", BOM" : string.Empty)})";
}
