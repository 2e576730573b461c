using System.Security.Claims;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Security;

/// <summary>
/// Who sees what of the evaluations (docs/evaluations.md):
/// <list type="bullet">
/// <item>the coordinating department (the T/F) and administrators run everything;</item>
/// <item>an officer writes and reads the self-evaluation of the sub-projects their
/// departments lead or share;</item>
/// <item>once the self-evaluation is locked every signed-in role reads it (the committee
/// scores against it);</item>
/// <item>a committee member's scores are seen by that member alone until the committee is
/// closed, and then by every signed-in role — the coordinator included, who sees only who
/// has declared and submitted before.</item>
/// </list>
/// </summary>
public static class EvaluationAccess
{
    public static bool CanRun(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);
    }

    public static bool CanReadSelf(ClaimsPrincipal user, SubProject subProject, SelfStage stage) =>
        SubProjectAccess.CanWorkOn(user, subProject) || stage == SelfStage.Locked;

    /// <summary>The department's report: its own officers, and the T/F on their behalf.</summary>
    public static bool CanWriteReport(ClaimsPrincipal user, SubProject subProject) => SubProjectAccess.CanWorkOn(user, subProject);

    public static bool CanReadCommitteeResult(EvaluationCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return cycle.IsCommitteeClosed;
    }
}
