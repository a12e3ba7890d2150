using System.Text.RegularExpressions;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Looks at the Convex auth config (<c>auth.config.*</c> in the functions folder) and the files it imports for a use
/// of WorkOS AuthKit: a read of <c>WORKOS_CLIENT_ID</c>, or the WorkOS AuthKit component (docs/architecture.md#triggers).
/// </summary>
internal static class AuthConfigScanner
{
    /// <summary>The extensions the Convex bundler looks for, in the order they are tried.</summary>
    public static readonly string[] Extensions = { ".ts", ".js", ".mjs", ".cjs", ".mts", ".cts" };

    /// <summary>The package of the WorkOS AuthKit component; its client reads WORKOS_CLIENT_ID itself.</summary>
    public const string ComponentPackage = "@convex-dev/workos-authkit";

    /// <summary>How far the import closure is followed: the auth config is at depth 0.</summary>
    public const int MaxDepth = 5;

    /// <summary>The most files of the closure read, the auth config included.</summary>
    public const int MaxFiles = 50;

    /// <summary>A larger file is not read (it is still a stamp input).</summary>
    public const int MaxFileBytes = 256 * 1024;

    /// <summary>The extensions a relative import is resolved with, in this order; then <c>/index</c> with each.</summary>
    private static readonly string[] ImportExtensions = { ".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs" };

    private const string GeneratedFolder = "_generated";

    private static readonly Regex ClientIdMention = new(@"(?<![A-Za-z0-9_$])WORKOS_CLIENT_ID(?![A-Za-z0-9_$])", RegexOptions.CultureInvariant);

    /// <summary>The auth config file's full path, or null when the functions folder has none.</summary>
    public static string? FindAuthConfigFile(ProjectFiles files, string functionsDir)
    {
        foreach (var extension in Extensions)
        {
            var candidate = files.PathOf(Path.Combine(functionsDir, "auth.config" + extension));
            if (files.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Whether JavaScript/TypeScript source mentions <c>WORKOS_CLIENT_ID</c> outside comments.</summary>
    public static bool SourceMentionsWorkOSClientId(string source) => ClientIdMention.IsMatch(JsSource.WithoutComments(source));

    /// <summary>
    /// The auth config and its import closure, breadth first: relative specifiers only, never into
    /// <c>_generated/</c>, at most <see cref="MaxDepth"/> deep and <see cref="MaxFiles"/> files, each file once.
    /// Every file followed (and every candidate path tried) is recorded in <paramref name="files"/> for the stamp.
    /// </summary>
    public static AuthConfigScan Scan(ProjectFiles files, string authConfig)
    {
        var followed = new List<string>();
        var queued = new HashSet<string>(StringComparer.Ordinal) { authConfig };
        var queue = new Queue<(string File, int Depth)>();
        queue.Enqueue((authConfig, 0));
        string? clientIdFile = null;
        string? componentFile = null;
        while (queue.Count > 0)
        {
            var (file, depth) = queue.Dequeue();
            followed.Add(file);
            var source = depth == 0 ? Read(files, file) : TryRead(files, file);
            if (source == null) continue;
            if (clientIdFile == null && SourceMentionsWorkOSClientId(source)) clientIdFile = file;
            foreach (var specifier in JsImports.Specifiers(source))
            {
                if (IsComponent(specifier))
                {
                    componentFile ??= file;
                    continue;
                }
                if (depth >= MaxDepth || queued.Count >= MaxFiles || !IsRelative(specifier)) continue;
                var resolved = Resolve(files, Path.GetDirectoryName(file)!, specifier);
                if (resolved != null && queued.Add(resolved)) queue.Enqueue((resolved, depth + 1));
            }
        }
        return new AuthConfigScan(authConfig, followed, clientIdFile, componentFile);
    }

    /// <summary>A followed file that cannot be read decides nothing; the auth config itself is read as before.</summary>
    private static string? TryRead(ProjectFiles files, string file)
    {
        try
        {
            return Read(files, file);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? Read(ProjectFiles files, string file) =>
        files.ReadOptional(file, MaxFileBytes, "whether it uses WorkOS AuthKit (WORKOS_CLIENT_ID or the AuthKit component) is not known");

    private static bool IsComponent(string specifier) =>
        specifier == ComponentPackage || specifier.StartsWith(ComponentPackage + "/", StringComparison.Ordinal);

    private static bool IsRelative(string specifier) =>
        specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal);

    /// <summary>
    /// The file a relative specifier names: itself when it has a source extension (a <c>.js</c> specifier may name
    /// the <c>.ts</c> file it is compiled from), else with each extension, else its folder's <c>index</c>.
    /// </summary>
    private static string? Resolve(ProjectFiles files, string fromDirectory, string specifier)
    {
        var target = Path.GetFullPath(Path.Combine(fromDirectory, specifier.Replace('/', Path.DirectorySeparatorChar)));
        if (IsGenerated(files.AppDirectory, fromDirectory, target)) return null;
        var isFolder = specifier.EndsWith("/", StringComparison.Ordinal);
        target = target.TrimEnd(Path.DirectorySeparatorChar);

        if (!isFolder)
        {
            var extension = Path.GetExtension(target);
            if (ImportExtensions.Contains(extension, StringComparer.Ordinal))
            {
                if (files.Exists(target)) return target;
                foreach (var source in CompiledFrom(extension))
                {
                    var candidate = target.Substring(0, target.Length - extension.Length) + source;
                    if (files.Exists(candidate)) return candidate;
                }
            }
            foreach (var candidateExtension in ImportExtensions)
            {
                if (files.Exists(target + candidateExtension)) return target + candidateExtension;
            }
        }
        foreach (var candidateExtension in ImportExtensions)
        {
            var index = Path.Combine(target, "index" + candidateExtension);
            if (files.Exists(index)) return index;
        }
        return null;
    }

    private static string[] CompiledFrom(string extension) => extension switch
    {
        ".js" => new[] { ".ts", ".tsx" },
        ".mjs" => new[] { ".mts" },
        ".cjs" => new[] { ".cts" },
        _ => Array.Empty<string>(),
    };

    /// <summary>
    /// Whether the target lies in a <c>_generated</c> folder: Convex's generated code, which never reads the
    /// deployment's variables. Only folders below the app (or below the importing file's folder) count.
    /// </summary>
    private static bool IsGenerated(string appDirectory, string fromDirectory, string target)
    {
        var root = IsInside(target, appDirectory) ? appDirectory : fromDirectory;
        if (!IsInside(target, root)) return false;
        var relative = target.Substring(root.TrimEnd(Path.DirectorySeparatorChar).Length);
        return relative.Split(new[] { Path.DirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries).Contains(GeneratedFolder, StringComparer.Ordinal);
    }

    private static bool IsInside(string path, string directory)
    {
        var prefix = directory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}

/// <summary>What the auth config's import closure shows (docs/architecture.md#triggers).</summary>
/// <param name="AuthConfig">The auth config's full path.</param>
/// <param name="Files">Every file followed, the auth config first (stamp inputs).</param>
/// <param name="ClientIdFile">The first file that reads WORKOS_CLIENT_ID outside comments; null when none does.</param>
/// <param name="ComponentFile">The first file that imports the WorkOS AuthKit component; null when none does.</param>
internal sealed record AuthConfigScan(string AuthConfig, IReadOnlyList<string> Files, string? ClientIdFile, string? ComponentFile)
{
    /// <summary>The closure reads WORKOS_CLIENT_ID, directly or through the component: AuthKit is wanted.</summary>
    public bool UsesWorkOS => ClientIdFile != null || ComponentFile != null;
}
