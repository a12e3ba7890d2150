using System.Net;
using System.Net.Sockets;

namespace Convex.AuthKit.Build.Http;

/// <summary>The rule of docs/architecture.md#safety-rules: credentials travel over HTTPS, or plain HTTP to a loopback address only.</summary>
internal static class TransportSecurity
{
    public static bool MaySendCredentials(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return false;
        }

        if (string.Equals(uri.Scheme, "https", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return string.Equals(uri.Scheme, "http", StringComparison.OrdinalIgnoreCase) && IsLoopbackHost(uri.Host);
    }

    /// <summary>
    /// 127.0.0.0/8, ::1 (also IPv4-mapped), and the name localhost. A trailing dot (<c>localhost.</c>,
    /// <c>127.0.0.1.</c>) is a DNS name that a resolver or a proxy may send elsewhere, so it is not loopback.
    /// </summary>
    public static bool IsLoopbackHost(string host)
    {
        if (host.EndsWith(".", StringComparison.Ordinal))
        {
            return false;
        }

        var trimmed = host.Trim('[', ']');
        if (string.Equals(trimmed, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!IPAddress.TryParse(trimmed, out var address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return address.GetAddressBytes()[0] == 127;
        }

        return IPAddress.IPv6Loopback.Equals(address);
    }
}
