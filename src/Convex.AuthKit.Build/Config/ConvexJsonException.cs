using System;

namespace Convex.AuthKit.Build.Config;

public enum ConvexJsonErrorKind
{
    /// <summary>The file is JSON but breaks the schema (the message is the CLI's, or the corrected one).</summary>
    Validation,
    /// <summary>The file is not JSON (as <c>JSON.parse</c> reads it: no comments, no byte order mark).</summary>
    InvalidJson,
}

/// <summary><c>convex.json</c> cannot be used. <see cref="Exception.Message"/> is the line the CLI prints.</summary>
public sealed class ConvexJsonException : Exception
{
    public ConvexJsonException(ConvexJsonErrorKind kind, string message, string? detail = null) : base(message)
    {
        Kind = kind;
        Detail = detail;
    }

    public ConvexJsonErrorKind Kind { get; }

    /// <summary>For <see cref="ConvexJsonErrorKind.InvalidJson"/>: what the JSON parser found, and where.</summary>
    public string? Detail { get; }
}
