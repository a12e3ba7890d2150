namespace Convex.AuthKit.Build.Config;

/// <summary>A dev server port found in the app's own files (vite.config or package.json's dev script).</summary>
/// <param name="Https">The dev server serves https (vite's server.https, Next's --experimental-https).</param>
internal sealed record DevServerPort(int Port, bool Https);
