using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.MyWork;

/// <summary>내 세부사업: the sub-projects the signed-in person works on, scoped by department.</summary>
[Route("my")]
public sealed class MyWorkController(AppDbContext db) : Controller
{
    [HttpGet("subprojects")]
    public async Task<IActionResult> SubProjects(CancellationToken cancellationToken)
    {
        var seesAll = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Coordinator);
        var isOfficer = User.IsInRole(Roles.DepartmentOfficer);
        var departments = SubProjectAccess.DepartmentIds(User);
        var query = db.SubProjects.AsNoTracking();
        if (!seesAll)
        {
            // The same rule as SubProjectAccess.CanWorkOn, written as a query.
            query = isOfficer
                ? query.Where(s => departments.Contains(s.LeadDepartmentId) || s.SharingDepartments.Any(d => departments.Contains(d.DepartmentId)))
                : query.Where(_ => false);
        }

        var rows = await query
            .OrderByDescending(s => s.Task.Plan.FirstYear).ThenBy(s => s.Task.Number).ThenBy(s => s.SortOrder)
            .Select(s => new MySubProjectRow(
                s.Task.PlanId,
                s.Task.Plan.Title,
                s.Code,
                s.Name,
                s.LeadDepartment.Name,
                departments.Contains(s.LeadDepartmentId) ? "주관" : s.SharingDepartments.Any(d => departments.Contains(d.DepartmentId)) ? "협조" : "전체 관리"))
            .ToListAsync(cancellationToken);
        return View(new MySubProjectsViewModel(rows, seesAll, isOfficer));
    }
}

public sealed record MySubProjectRow(int PlanId, string PlanTitle, string Code, string Name, string LeadDepartment, string Role);

public sealed record MySubProjectsViewModel(IReadOnlyList<MySubProjectRow> Rows, bool SeesAll, bool IsOfficer);
