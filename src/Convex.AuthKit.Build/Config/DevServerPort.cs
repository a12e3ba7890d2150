namespace Convex.AuthKit.Build.Config;

/// <summary>A dev server port found in the app's own files (vite.config or package.json's dev script).</summary>
public sealed class DevServerPort
{
    public DevServerPort(int port, bool https)
    {
        Port = port;
        Https = https;
    }

    public int Port { get; }

    /// <summary>The dev server serves https (vite's server.https, Next's --experimental-https).</summary>
    public bool Https { get; }
}
