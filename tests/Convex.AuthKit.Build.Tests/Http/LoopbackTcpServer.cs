using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Convex.AuthKit.Build.Tests.Http;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that counts the connections it accepts and answers every request with the
/// same bytes, then closes. Stands in for a proxy (any request that reaches it is counted) or for a server whose answer
/// must be exact on the wire (a compressed body, for instance).
/// </summary>
internal sealed class LoopbackTcpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _response;
    private int _connections;

    private LoopbackTcpServer(byte[] response)
    {
        _response = response;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public int Connections => Volatile.Read(ref _connections);

    public static LoopbackTcpServer Answering(int status, string reason, string contentType, byte[] body, params string[] headers)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
            .Append("Connection: close\r\n");
        foreach (var header in headers) head.Append(header).Append("\r\n");
        head.Append("\r\n");
        return new LoopbackTcpServer(Encoding.ASCII.GetBytes(head.ToString()).Concat(body).ToArray());
    }

    public static LoopbackTcpServer AnsweringJson(string json) =>
        Answering(200, "OK", "application/json", Encoding.UTF8.GetBytes(json));

    public void Dispose() => _listener.Stop();

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadRequestAsync(stream);
                await stream.WriteAsync(_response);
                await stream.FlushAsync();
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException)
            {
                // The client went away; the connection still counts.
            }
        }
    }

    /// <summary>Reads the head and a Content-Length body, so that closing afterwards does not reset the connection.</summary>
    private static async Task ReadRequestAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0) return;
            received.AddRange(buffer.Take(read));
        }
        var head = Encoding.ASCII.GetString(received.Take(headEnd).ToArray());
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine == null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        var bodyReceived = received.Count - (headEnd + 4);
        while (bodyReceived < length)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0) return;
            bodyReceived += read;
        }
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') return i;
        return -1;
    }
}
