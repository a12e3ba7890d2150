namespace Convex.AuthKit.Build.DotEnv;

/// <summary>Where writing to a path must really happen so that a symlink stays a symlink.</summary>
internal static class LinkTarget
{
    /// <summary>
    /// The path itself when it is not a symlink, else the final target of the link chain (which may not exist yet).
    /// Null on .NET Framework when the path is a reparse point it cannot resolve.
    /// </summary>
    public static string? FinalPath(string path)
    {
        var full = Path.GetFullPath(path);
#if NET
        var info = new FileInfo(full);
        if (info.LinkTarget == null) return full;
        var final = info.ResolveLinkTarget(returnFinalTarget: true);
        return final == null ? full : Path.GetFullPath(final.FullName);
#else
        if (File.Exists(full) && (File.GetAttributes(full) & FileAttributes.ReparsePoint) != 0) return null;
        return full;
#endif
    }
}
