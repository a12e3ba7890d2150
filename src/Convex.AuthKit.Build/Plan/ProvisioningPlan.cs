namespace Convex.AuthKit.Build.Plan;

/// <summary>
/// What the build does with the facts (docs/architecture.md#the-provisioning-plan): either a refusal, or the steps in order — create the
/// WorkOS team, provision, set the deployment variables, configure WorkOS, write the env file.
/// An env-file problem is not a refusal: its step carries it, and it is reported after the remote steps.
/// </summary>
internal sealed record ProvisioningPlan(IReadOnlyList<PlanStep> Steps, Refusal? Refusal = null)
{
    /// <summary>The credentials the steps use (stand-ins before provisioning); null for a refusal.</summary>
    public Config.WorkOSCredentials? Credentials { get; init; }

    /// <summary>Why the env file will not be written, reported once the remote steps are done; null when it will be (or is not wanted).</summary>
    public Refusal? EnvFileProblem => Find<WriteEnvFile>()?.File.Problem;

    public static ProvisioningPlan Refused(Refusal refusal) => new ProvisioningPlan(Array.Empty<PlanStep>(), refusal);

    /// <summary>What the facts show will break the app although the plan goes on (a refusal has them too).</summary>
    public IReadOnlyList<PlanWarning> Warnings { get; init; } = Array.Empty<PlanWarning>();

    /// <summary>
    /// Whether a build would change anything: the one answer behind the report's "up to date", the dry run's "nothing would
    /// change" and the status's "change nothing". A refusal or an env-file problem counts: the build would report it.
    /// </summary>
    public bool ChangesSomething => Refusal != null || Steps.Any(step => step.ChangesSomething);

    /// <summary>The plan provisions an environment, so what follows holds placeholders until it is planned again.</summary>
    public bool Provisions => Find<ProvisionEnvironment>() != null;

    public T? Find<T>() where T : PlanStep => Steps.OfType<T>().FirstOrDefault();
}
