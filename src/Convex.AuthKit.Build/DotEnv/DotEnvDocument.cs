namespace Convex.AuthKit.Build.DotEnv;

/// <summary>The text of an env file as read, without its UTF-8 byte order mark, and whether it had one.</summary>
internal sealed record DotEnvDocument(string Text, bool HasBom)
{
    // The text may hold secrets.
    public override string ToString() => $"env file text ({Text.Length} chars{(HasBom ? ", BOM" : string.Empty)})";
}
