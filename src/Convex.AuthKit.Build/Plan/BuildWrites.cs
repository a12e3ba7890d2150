using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Convex.AuthKit.Build.Plan;

/// <summary>
/// What the build last wrote where the user writes too (docs/architecture.md#lines-the-build-wrote): the env file's lines and
/// the WorkOS homepage URL, each as a hash of where it went and a hash of the value, never a value. A line that still holds
/// what the build wrote is the build's to update; any other is the user's.
/// </summary>
/// <param name="Hashes">The hash of a place (an env file's entry, an environment's homepage) → the hash of the value last written there.</param>
internal sealed record BuildWrites(IReadOnlyDictionary<string, string> Hashes)
{
    public static readonly BuildWrites None = new BuildWrites(new Dictionary<string, string>());

    /// <summary>Whether <paramref name="value"/> is what the build last wrote to the entry <paramref name="name"/> of the env file.</summary>
    public bool WroteEnvLine(string envFile, string name, string value) => Holds(EnvLine(envFile, name), value);

    public BuildWrites WithEnvLine(string envFile, string name, string value) => With(EnvLine(envFile, name), value);

    /// <summary>Null when the build has not set the environment's homepage URL; else whether it last set <paramref name="url"/>.</summary>
    public bool? SetHomepage(string environment, string url) => Hashes.ContainsKey(Homepage(environment)) ? Holds(Homepage(environment), url) : null;

    public BuildWrites WithHomepage(string environment, string url) => With(Homepage(environment), url);

    private static string EnvLine(string envFile, string name) => Hash("env-file\0" + envFile + "\0" + name);

    private static string Homepage(string environment) => Hash("homepage\0" + environment);

    private bool Holds(string place, string value) => Hashes.TryGetValue(place, out var hash) && hash == Hash(place + "\0" + value);

    private BuildWrites With(string place, string value)
    {
        var hashes = new Dictionary<string, string>();
        foreach (var entry in Hashes) hashes[entry.Key] = entry.Value;
        hashes[place] = Hash(place + "\0" + value);
        return new BuildWrites(hashes);
    }

    private static string Hash(string text)
    {
        using var sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
