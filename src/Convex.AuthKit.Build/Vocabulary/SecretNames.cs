namespace Convex.AuthKit.Build.Vocabulary;

/// <summary>docs/architecture.md#settings: a name containing KEY, SECRET, PASSWORD or TOKEN is secret, whatever its value.</summary>
internal static class SecretNames
{
    private static readonly string[] Markers = { "KEY", "SECRET", "PASSWORD", "TOKEN" };

    public static bool LooksSecret(string name)
    {
        foreach (var marker in Markers)
            if (name.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        return false;
    }
}
