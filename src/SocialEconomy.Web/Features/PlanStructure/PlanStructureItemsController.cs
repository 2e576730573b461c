using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.PlanStructure;

/// <summary>
/// The rest of a draft plan's structure: action items, indicators, milestone rows, budget
/// lines and sharing departments of a sub-project, and removing parts that have no children.
/// Every child id in a URL is looked up inside the plan of the URL; a foreign id is a 404.
/// </summary>
[Authorize(Policy = Policies.EditPlans)]
[Route("plans/{id:int}/structure")]
public sealed class PlanStructureItemsController(AppDbContext db) : Controller
{
    /// <summary>ViewData key naming the add form whose errors the structure page shows.</summary>
    public const string FailedFormKey = "PlanStructure.FailedForm";

    private const string RemoveView = "Remove";

    [HttpPost("subprojects/{code}/actionitems")]
    public async Task<IActionResult> AddActionItem(int id, string code, [Bind(Prefix = "ActionItem")] NewActionItemEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await PlanAsync(id, cancellationToken);
        var sub = plan?.SubProjects.FirstOrDefault(s => s.Code == code);
        if (plan is null || sub is null)
        {
            return NotFound();
        }

        if (input.StartYear is null != input.EndYear is null)
        {
            ModelState.AddModelError($"ActionItem.{nameof(input.EndYear)}", "기간은 시작연도와 종료연도를 함께 입력하거나 모두 비워 두세요.");
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(
                () =>
                {
                    plan.BeginStructureChange();
                    var period = input.StartYear is { } first && input.EndYear is { } last ? new YearRange(first, last) : (YearRange?)null;
                    sub.AddActionItem(input.Name, period).Describe(input.Summary, null, null);
                },
                $"ActionItem.{nameof(input.Name)}");
        }

        return await SaveOrShowAsync(plan, $"actionitem-{sub.Id}", $"ActionItem.{nameof(input.Name)}", "단위사업을 추가했습니다.", cancellationToken);
    }

    [HttpPost("subprojects/{code}/actionitems/{itemId:int}/indicators")]
    public async Task<IActionResult> AddIndicator(int id, string code, int itemId, [Bind(Prefix = "Indicator")] NewIndicatorEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await PlanAsync(id, cancellationToken);
        var item = plan?.SubProjects.FirstOrDefault(s => s.Code == code)?.ActionItems.FirstOrDefault(a => a.Id == itemId);
        if (plan is null || item is null)
        {
            return NotFound();
        }

        Unit? unit = null;
        if (input.Unit is not null && !Unit.TryParse(input.Unit, out unit))
        {
            ModelState.AddModelError($"Indicator.{nameof(input.Unit)}", "목록에 있는 단위를 고르세요.");
        }

        if (input.TotalRule == TotalRule.Given && string.IsNullOrWhiteSpace(input.TotalText))
        {
            ModelState.AddModelError($"Indicator.{nameof(input.TotalText)}", "계 산정방식이 '직접 입력'이면 계 문구를 입력하세요.");
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(
                () =>
                {
                    plan.BeginStructureChange();
                    item.AddIndicator(input.Name, unit!, input.Kind!.Value, input.TotalRule!.Value).SetTotalText(input.TotalText);
                },
                $"Indicator.{nameof(input.Unit)}");
        }

        return await SaveOrShowAsync(plan, $"indicator-{item.Id}", $"Indicator.{nameof(input.Name)}", "성과지표를 추가했습니다.", cancellationToken);
    }

    [HttpPost("subprojects/{code}/actionitems/{itemId:int}/milestones")]
    public async Task<IActionResult> AddMilestone(int id, string code, int itemId, [Bind(Prefix = "Milestone")] NewMilestoneEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await PlanAsync(id, cancellationToken);
        var item = plan?.SubProjects.FirstOrDefault(s => s.Code == code)?.ActionItems.FirstOrDefault(a => a.Id == itemId);
        if (plan is null || item is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(() => plan.BeginStructureChange().SubProjects.First(s => s.Code == code).ActionItems.First(a => a.Id == itemId).AddMilestone(input.Label), $"Milestone.{nameof(input.Label)}");
        }

        return await SaveOrShowAsync(plan, $"milestone-{item.Id}", $"Milestone.{nameof(input.Label)}", "연도별 추진계획 행을 추가했습니다.", cancellationToken);
    }

    [HttpPost("subprojects/{code}/budgetlines")]
    public async Task<IActionResult> AddBudgetLine(int id, string code, [Bind(Prefix = "BudgetLine")] NewBudgetLineEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await PlanAsync(id, cancellationToken);
        var sub = plan?.SubProjects.FirstOrDefault(s => s.Code == code);
        if (plan is null || sub is null)
        {
            return NotFound();
        }

        Unit? unit = null;
        if (input.Unit is not null && (!Unit.TryParse(input.Unit, out unit) || !unit.IsMoney))
        {
            ModelState.AddModelError($"BudgetLine.{nameof(input.Unit)}", "원, 천원, 백만원, 억원 가운데 고르세요.");
        }

        var funded = input.ActionItemId is { } itemId ? sub.ActionItems.FirstOrDefault(a => a.Id == itemId) : null;
        if (input.ActionItemId is not null && funded is null)
        {
            ModelState.AddModelError($"BudgetLine.{nameof(input.ActionItemId)}", "이 세부사업의 단위사업을 고르세요.");
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(
                () =>
                {
                    plan.BeginStructureChange();
                    var line = sub.AddBudgetLine(input.Name, unit!, funded);
                    if (input.IsNonBudget)
                    {
                        line.MarkNonBudget();
                    }
                },
                $"BudgetLine.{nameof(input.Name)}");
        }

        return await SaveOrShowAsync(plan, $"budgetline-{sub.Id}", $"BudgetLine.{nameof(input.Name)}", "예산 항목을 추가했습니다.", cancellationToken);
    }

    [HttpPost("subprojects/{code}/sharing")]
    public async Task<IActionResult> AddSharing(int id, string code, [Bind(Prefix = "Sharing")] NewSharingEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await PlanAsync(id, cancellationToken);
        var sub = plan?.SubProjects.FirstOrDefault(s => s.Code == code);
        if (plan is null || sub is null)
        {
            return NotFound();
        }

        var department = input.DepartmentId is { } departmentId ? await db.Departments.FirstOrDefaultAsync(d => d.Id == departmentId && d.IsActive, cancellationToken) : null;
        var field = $"Sharing.{nameof(input.DepartmentId)}";
        if (input.DepartmentId is not null && department is null)
        {
            ModelState.AddModelError(field, "등록된 부서를 고르세요.");
        }
        else if (department is not null && sub.SharingDepartments.Any(s => s.DepartmentId == department.Id))
        {
            ModelState.AddModelError(field, $"{department.Name}은(는) 이미 협조부서입니다.");
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(() => plan.BeginStructureChange().SubProjects.First(s => s.Code == code).ShareWith(department!), field);
        }

        return await SaveOrShowAsync(plan, $"sharing-{sub.Id}", $"Sharing.{nameof(input.DepartmentId)}", "협조부서를 추가했습니다.", cancellationToken);
    }

    [HttpGet("remove/{kind}/{entityId:int}")]
    public async Task<IActionResult> Remove(int id, string kind, int entityId, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(id, cancellationToken);
        var part = plan is null ? null : StructureParts.Find(plan, kind, entityId);
        if (plan is null || part is null)
        {
            return NotFound();
        }

        // "Has results" is the more telling reason, so it comes before "the plan is adopted".
        var recorded = await StructureParts.RecordedAsync(db, id, cancellationToken);
        return View(RemoveView, new RemoveViewModel(plan.Id, plan.Title, kind, entityId, StructureParts.Describe(part), recorded.Refusal(part) ?? plan.StructureChangeRefusal ?? StructureRemoval.Refusal(part)));
    }

    [HttpPost("remove/{kind}/{entityId:int}")]
    [ActionName(nameof(Remove))]
    public async Task<IActionResult> RemoveConfirmed(int id, string kind, int entityId, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(id, cancellationToken);
        var part = plan is null ? null : StructureParts.Find(plan, kind, entityId);
        if (plan is null || part is null)
        {
            return NotFound();
        }

        var description = StructureParts.Describe(part);
        if (StructureRemoval.Refusal(part, await StructureParts.RecordedAsync(db, id, cancellationToken)) is { } refusal)
        {
            return View(RemoveView, new RemoveViewModel(plan.Id, plan.Title, kind, entityId, description, refusal));
        }

        try
        {
            plan.BeginStructureChange();
            StructureParts.Remove(plan, part);
        }
        catch (DomainException e)
        {
            return View(RemoveView, new RemoveViewModel(plan.Id, plan.Title, kind, entityId, description, e.Message));
        }

        if (!await db.TrySaveStructureAsync(ModelState, string.Empty, cancellationToken))
        {
            return View(RemoveView, new RemoveViewModel(plan.Id, plan.Title, kind, entityId, description, StructureSave.ConflictMessage));
        }

        TempData["Notice"] = $"{description}을(를) 삭제했습니다.";
        return RedirectToAction(nameof(PlanStructureController.Structure), "PlanStructure", new { id });
    }

    private Task<BasicPlan?> PlanAsync(int id, CancellationToken cancellationToken) => StructureParts.LoadAsync(db, id, cancellationToken);

    private async Task<IActionResult> SaveOrShowAsync(BasicPlan plan, string form, string field, string notice, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await db.TrySaveStructureAsync(ModelState, field, cancellationToken))
        {
            TempData["Notice"] = notice;
            return RedirectToAction(nameof(PlanStructureController.Structure), "PlanStructure", new { id = plan.Id });
        }

        // Shown again with what was typed: the failed form's fields keep their values and errors.
        ViewData[FailedFormKey] = form;
        var tasks = plan.Tasks.Select(t => new Option(t.Number.ToString(Formats.Korean), $"{t.Number}. {t.Name}")).ToList();
        return View("Structure", new PlanStructureViewModel(plan.Id, plan.Title, Formats.Period(plan.Period), tasks, await DepartmentOptions.LoadAsync(db, cancellationToken), new NewTaskEditModel(), new NewSubProjectEditModel()));
    }
}
