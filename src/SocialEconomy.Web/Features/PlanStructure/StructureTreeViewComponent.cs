using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.PlanStructure;

/// <summary>
/// The current structure of a plan (tasks → sub-projects → action items → indicators and
/// milestone rows, budget lines) with the add forms and remove links of a draft plan.
/// </summary>
public sealed class StructureTreeViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int planId)
    {
        var plan = await db.Plans
            .AsNoTrackingWithIdentityResolution()
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Indicators)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Milestones)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.BudgetLines)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.LeadDepartment)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.SharingDepartments).ThenInclude(d => d.Department)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId, HttpContext.RequestAborted);
        if (plan is null)
        {
            return Content(string.Empty);
        }

        var model = new StructureTreeViewModel(
            plan.Id,
            plan.Status == PlanStatus.Draft,
            plan.Tasks,
            await DepartmentOptions.LoadAsync(db, HttpContext.RequestAborted),
            PartChoices.Units,
            PartChoices.MoneyUnits,
            PartChoices.Kinds,
            PartChoices.TotalRules,
            ViewData[PlanStructureItemsController.FailedFormKey] as string);
        return View("_StructureTree", model);
    }

    public static string RuleLabel(TotalRule rule) => rule switch
    {
        TotalRule.Sum => "합계",
        TotalRule.Average => "평균",
        TotalRule.LastYear => "최종연도",
        TotalRule.Given => "직접 입력",
        TotalRule.None => "없음",
        _ => rule.ToString(),
    };
}
