using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Convex.AuthKit.Sandbox.Hosting;

/// <summary>Ids and secrets that look like the real ones (ULID-style WorkOS ids, sk_test_ keys, hex admin keys).</summary>
internal static class SandboxIds
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>26 characters: 10 of millisecond time, 16 random (starts with <c>01</c> for the next few centuries).</summary>
    public static string Ulid()
    {
        var builder = new StringBuilder(26);
        var time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var timeChars = new char[10];
        for (var i = 9; i >= 0; i--)
        {
            timeChars[i] = Crockford[(int)(time % 32)];
            time /= 32;
        }
        builder.Append(timeChars);
        for (var i = 0; i < 16; i++) builder.Append(Crockford[RandomNumberGenerator.GetInt32(32)]);
        return builder.ToString();
    }

    public static string Alnum(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = Alphanumeric[RandomNumberGenerator.GetInt32(Alphanumeric.Length)];
        return new string(chars);
    }

    public static string Hex(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();

    public static string AdminKey(string deploymentName) => deploymentName + "|" + Hex(32);

    public static string DeployKey(string type, string deploymentName) => type + ":" + deploymentName + "|" + Alnum(48);

    public static string WorkOSApiKey(bool production) => (production ? "sk_live_" : "sk_test_") + Alnum(40);

    public static string WebhookEndpointId() => "we_" + Ulid();

    /// <summary>A webhook signing secret, shaped like the reference's example (<c>whsec_</c> and letters and digits).</summary>
    public static string WebhookSecret() => "whsec_" + Alnum(32);

    /// <summary>Now as WorkOS writes timestamps: ISO 8601, milliseconds, <c>Z</c>.</summary>
    public static string Timestamp() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
