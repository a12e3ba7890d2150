namespace Convex.AuthKit.Build.Config;

/// <summary>A <c>${...}</c> expression cannot be resolved. The message (the CLI's) names the expression, never a value.</summary>
internal sealed class TemplateException : Exception
{
    public TemplateException(string message) : base(message)
    {
    }
}
