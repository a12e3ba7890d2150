using System;

namespace Convex.AuthKit.Build.Config;

/// <summary>A <c>${...}</c> expression cannot be resolved. The message (the CLI's) names the expression, never a value.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string message, string expression) : base(message) => Expression = expression;

    /// <summary>The text between <c>${</c> and <c>}</c>.</summary>
    public string Expression { get; }
}
