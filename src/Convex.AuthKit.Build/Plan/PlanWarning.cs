using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Plan;

/// <summary>
/// Something the facts show that will break the app although the plan can go on (docs/architecture.md#the-provisioning-plan): the build
/// reports it as a warning and still writes the stamp, the dry run reports it too, the status lists it. Never holds a secret.
/// </summary>
/// <param name="Location">The file (and line) the problem is in; null for the project file.</param>
internal sealed record PlanWarning(Diagnostic Diagnostic, string Message, DiagnosticLocation? Location = null);
