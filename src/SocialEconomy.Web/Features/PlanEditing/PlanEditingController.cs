using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.PlanEditing;

/// <summary>The coordinating department's plan changes: yearly tables and the plan's status.</summary>
[Authorize(Policy = Policies.EditPlans)]
[Route("plans/{id:int}")]
public sealed class PlanEditingController(SubProjectTablesEditor editor, AppDbContext db) : Controller
{
    [HttpGet("subprojects/{code}/tables")]
    public async Task<IActionResult> Tables(int id, string code, CancellationToken cancellationToken)
    {
        var subProject = await editor.LoadAsync(id, code, cancellationToken);
        return subProject is null ? NotFound() : View(SubProjectTablesEditor.Form(subProject, SubProjectTablesEditor.CurrentValues(subProject)));
    }

    [HttpPost("subprojects/{code}/tables")]
    public async Task<IActionResult> Tables(int id, string code, TablesEditModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var subProject = await editor.LoadAsync(id, code, cancellationToken);
        if (subProject is null)
        {
            return NotFound();
        }

        var (outcome, theirs) = await editor.SaveAsync(subProject, form, User.Identity?.Name ?? "unknown", ModelState, cancellationToken);
        switch (outcome)
        {
            case SubProjectTablesEditor.Outcome.Saved:
                TempData["Notice"] = "연도별 목표·추진계획·예산을 저장했습니다.";
                return RedirectToAction(nameof(Plans.PlansController.SubProject), "Plans", new { id, code });
            case SubProjectTablesEditor.Outcome.Conflict:
                ModelState.AddModelError(string.Empty, "다른 사용자가 먼저 저장했습니다. 칸 아래에 그 사용자가 저장한 값이 보입니다. 확인한 뒤 다시 저장하면 입력한 값으로 저장됩니다.");
                var current = await editor.LoadAsync(id, code, cancellationToken);
                return View(SubProjectTablesEditor.Form(current!, form, theirs));
            default:
                // Re-render from what was typed: nothing the user entered is lost.
                return View(SubProjectTablesEditor.Form(subProject, form));
        }
    }

    /// <summary>Adopting makes the plan current too when its office has no current plan yet.</summary>
    [HttpPost("adopt")]
    public Task<IActionResult> Adopt(int id, CancellationToken cancellationToken) =>
        ChangeStatusAsync(
            id,
            (plan, officePlans) =>
            {
                plan.Adopt();
                if (!officePlans.Any(p => p.IsCurrent))
                {
                    plan.MakeCurrent(officePlans);
                }
            },
            "계획을 확정했습니다. 이후 목표·추진계획·예산의 변경은 사유와 함께 이력으로 남습니다.",
            cancellationToken);

    [HttpPost("make-current")]
    public Task<IActionResult> MakeCurrent(int id, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, (plan, officePlans) => plan.MakeCurrent(officePlans), "이 계획을 현재 계획으로 지정했습니다. 같은 부서의 다른 계획은 현재 계획에서 해제되었습니다.", cancellationToken);

    [HttpPost("close")]
    public Task<IActionResult> Close(int id, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, (plan, _) => plan.Close(), "계획을 종료했습니다.", cancellationToken);

    private async Task<IActionResult> ChangeStatusAsync(int id, Action<Domain.Planning.BasicPlan, IReadOnlyList<Domain.Planning.BasicPlan>> change, string notice, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        var officePlans = await db.Plans.Where(p => p.OwningDepartmentId == plan.OwningDepartmentId).ToListAsync(cancellationToken);
        try
        {
            change(plan, officePlans);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Notice"] = notice;
        }
        catch (DomainException e)
        {
            TempData["Notice"] = e.Message;
        }

        return RedirectToAction(nameof(Plans.PlansController.Overview), "Plans", new { id });
    }
}
