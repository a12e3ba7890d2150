using System.Security.Cryptography;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.FileSystem;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Provisioning;

/// <summary>
/// The env-file step (docs/architecture.md#concurrent-edits). Just before the file is replaced it is read again: when another writer (an
/// editor, <c>npx convex dev</c>) changed it since the plan was made, the step is planned again on the new text with the
/// same rules, so that the other writer's edit is kept. After <see cref="MaxReplans"/> such changes it gives up with CAK1015.
/// </summary>
internal static class EnvFileWrite
{
    public const int MaxReplans = 3;

    /// <summary>Carries out the plan, or the plan made again on the file's newer text. Returns the plan carried out and whether the file was written.</summary>
    /// <param name="read">Reads the file; the tests use it to change the file between plan and write.</param>
    /// <param name="cancellationToken">Stops the waits for a file another process holds.</param>
    /// <exception cref="ProvisioningException">The plan's problem (the file is left as it is), or the file kept changing.</exception>
    public static (EnvFilePlan Plan, bool Wrote) Execute(EnvFilePlan plan, Func<string, DotEnvDocument?>? read = null, CancellationToken cancellationToken = default)
    {
        read ??= DotEnvFile.Read;
        for (var replans = 0; ; replans++)
        {
            if (plan.Problem != null) throw plan.Problem.ToException();
            var current = read(plan.Path);
            if (SameText(current, plan.Original)) return (plan, Write(plan, current, cancellationToken));
            if (replans == MaxReplans)
                throw new ProvisioningException(Diagnostics.EnvFileWriteFailed,
                    $"{plan.DisplayName} was changed by another program {MaxReplans + 1} times while the build was about to write it, so it is left as that program wrote it. "
                    + "Build again once it is done (an editor saving repeatedly, or `npx convex dev` running?).");
            plan = plan.PlanAgain(EnvFileSnapshot.Of(current, plan.Snapshot.Environment));
        }
    }

    private static bool Write(EnvFilePlan plan, DotEnvDocument? current, CancellationToken cancellationToken)
    {
        var text = plan.NewText(NewCookiePassword);
        if (text == null) return false;
        try
        {
            return DotEnvFile.WriteIfChanged(plan.Path, text, current, cancellationToken);
        }
        catch (UnusableFileException e)
        {
            // A secret manager's named pipe, a read-only file: the user adds the entries where the file comes from.
            var entries = string.Join(", ", plan.Changes.Select(c => c.IsSecret || c.Value == null ? c.Name + " (a secret: its value is not shown)" : c.Name + "=" + c.Value));
            throw new ProvisioningException(Diagnostics.EnvFileWriteFailed,
                $"{plan.DisplayName} ({plan.Path}) is {e.What}. Add these entries to it, or to its source: {entries}.", e);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw new ProvisioningException(Diagnostics.EnvFileWriteFailed,
                $"Could not write {plan.DisplayName} ({plan.Path}): {e.Message} It is left as it was; fix its folder or permissions and build again.", e);
        }
    }

    /// <summary>docs/protocol.md#env-file-writes: 32 random bytes, base64url without padding (43 characters).</summary>
    private static string NewCookiePassword()
    {
        var bytes = new byte[32];
        using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static bool SameText(DotEnvDocument? a, DotEnvDocument? b) =>
        a == null || b == null ? a == null && b == null : a.Text == b.Text && a.HasBom == b.HasBom;
}
