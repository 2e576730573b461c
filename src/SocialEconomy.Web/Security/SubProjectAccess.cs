using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Security;

/// <summary>
/// Department scoping, the portal's largest access risk: a 사업담당자 works only on the
/// sub-projects their department leads or shares; the coordinating department and
/// administrators work on all; committee members and viewers on none. Features that change
/// a sub-project's data call <c>IAuthorizationService.AuthorizeAsync(User, subProject,
/// SubProjectAccess.Work)</c> after loading it, and answer 403 on failure.
/// </summary>
public static class SubProjectAccess
{
    public const string DepartmentClaim = "se:dept";

    public static readonly OperationAuthorizationRequirement Work = new() { Name = nameof(Work) };

    public static IReadOnlyList<int> DepartmentIds(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(DepartmentClaim)
            .Select(c => int.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .ToList();
    }

    public static bool CanWorkOn(ClaimsPrincipal user, SubProject subProject)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(subProject);
        return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator)
            || user.IsInRole(Roles.DepartmentOfficer) && subProject.IsLedOrSharedBy(DepartmentIds(user));
    }
}

public sealed class SubProjectAccessHandler : AuthorizationHandler<OperationAuthorizationRequirement, SubProject>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, SubProject resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (requirement == SubProjectAccess.Work && SubProjectAccess.CanWorkOn(context.User, resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Who may read a sub-project's results of a year: the coordinating department and the
/// system administrator always; an officer for the sub-projects their departments lead or
/// share; committee members and viewers only once the results are confirmed (a draft is
/// work in progress, not a record). Attachments follow the same rule.
/// </summary>
public static class ResultsAccess
{
    public static bool CanRead(ClaimsPrincipal user, SubProject subProject, Domain.Results.ResultStatus status)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SubProjectAccess.CanWorkOn(user, subProject)
            || status == Domain.Results.ResultStatus.Confirmed && (user.IsInRole(Roles.Viewer) || user.IsInRole(Roles.CommitteeMember) || user.IsInRole(Roles.DepartmentOfficer));
    }

    public static bool CanReview(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);
    }
}
