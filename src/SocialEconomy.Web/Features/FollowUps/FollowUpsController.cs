using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.PlanStructure;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.FollowUps;

/// <summary>
/// 환류 조치: the coordinator turns a finding of the self, external or comprehensive
/// evaluation into an action for a department with a due date; the department records
/// what it did. Every signed-in role reads the list (it is the office's to-do list for the
/// next plan year); officers record only their own departments' actions.
/// </summary>
[Route("follow-ups")]
public sealed class FollowUpsController(AppDbContext db, TimeProvider clock) : Controller
{
    private const string ListView = "Index";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int? planId, [FromQuery] int? year, CancellationToken cancellationToken) =>
        View(ListView, await ViewModelAsync(planId, year, new FollowUpEditModel { PlanId = planId, Year = year, DueDate = Formats.KoreanToday(clock).AddMonths(3) }, null, null, cancellationToken));

    [HttpPost("")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] FollowUpEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = input.PlanId is { } planId ? await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) : null;
        if (input.PlanId is not null && plan is null)
        {
            ModelState.AddModelError("Input.PlanId", "등록된 기본계획을 고르세요.");
        }

        if (!Enum.IsDefined(input.Source))
        {
            ModelState.AddModelError("Input.Source", "평가 구분을 고르세요.");
        }

        if (plan is not null && input.Year is { } y && !plan.Period.Contains(y))
        {
            ModelState.AddModelError("Input.Year", $"{y}년은 계획기간({Formats.Period(plan.Period)}) 밖의 연도입니다.");
        }

        if (plan is not null)
        {
            ModelState.CheckPlanDate(plan.Period, input.DueDate, "Input.DueDate", "조치 기한", clock);
        }

        int? subProjectId = null;
        if (plan is not null && !string.IsNullOrWhiteSpace(input.Code))
        {
            var code = Domain.Planning.SubProjectCode.Normalize(input.Code);
            subProjectId = await db.SubProjects.Where(s => s.Task.PlanId == plan.Id && s.Code == code).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (subProjectId is null)
            {
                ModelState.AddModelError("Input.Code", $"이 계획에 {input.Code.Trim()} 세부사업이 없습니다. 예: 1-1");
            }
        }

        var department = input.DepartmentId is { } departmentId ? await db.Departments.FirstOrDefaultAsync(d => d.Id == departmentId && d.IsActive, cancellationToken) : null;
        if (input.DepartmentId is not null && department is null)
        {
            ModelState.AddModelError("Input.DepartmentId", "목록에 있는 부서를 고르세요.");
        }

        FollowUpAction? action = null;
        if (ModelState.IsValid)
        {
            ModelState.TryApply(() => action = new FollowUpAction(plan!.Id, input.Source, input.Year!.Value, subProjectId, input.Finding, department!, input.DueDate!.Value), "Input.Finding");
        }

        if (!ModelState.IsValid || action is null)
        {
            return View(ListView, await ViewModelAsync(input.PlanId, input.Year, input, null, null, cancellationToken));
        }

        db.FollowUpActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = $"{department!.Name}에 환류 조치를 배정했습니다. 기한 {Formats.Date(action.DueDate)}.";
        return RedirectToAction(nameof(Index), new { planId = action.PlanId, year = action.Year });
    }

    [HttpPost("{followUpId:int}")]
    public async Task<IActionResult> Record(int followUpId, [FromForm, DataType(DataType.MultilineText)] string? outcome, [FromForm] bool done, [FromForm] Guid version, CancellationToken cancellationToken)
    {
        var action = await db.FollowUpActions.FirstOrDefaultAsync(a => a.Id == followUpId, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        if (!CanRecord(action.DepartmentId))
        {
            return Forbid();
        }

        if (version != action.Version)
        {
            ModelState.AddModelError("outcome", "이 화면을 연 뒤에 다른 사람이 조치 결과를 저장했습니다. 지금 저장된 내용을 확인하고 다시 저장하세요.");
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(() => action.Record(outcome, done, User.Actor(), clock.GetUtcNow().UtcDateTime), "outcome");
        }

        if (!ModelState.IsValid)
        {
            return View(ListView, await ViewModelAsync(action.PlanId, null, new FollowUpEditModel(), followUpId, outcome, cancellationToken));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Notice"] = done ? "조치 완료로 기록했습니다." : "조치 결과를 저장했습니다.";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = "다른 사람이 먼저 조치 결과를 저장했습니다. 지금 저장된 내용을 확인하세요.";
        }

        return RedirectToAction(nameof(Index), new { planId = action.PlanId });
    }

    private bool CanRecord(int departmentId) =>
        EvaluationAccess.CanRun(User) || User.IsInRole(Roles.DepartmentOfficer) && SubProjectAccess.DepartmentIds(User).Contains(departmentId);

    private async Task<FollowUpsViewModel> ViewModelAsync(int? planId, int? year, FollowUpEditModel input, int? errorRowId, string? typedOutcome, CancellationToken cancellationToken)
    {
        var today = Formats.KoreanToday(clock);
        var query = db.FollowUpActions.AsNoTracking();
        if (planId is not null)
        {
            query = query.Where(a => a.PlanId == planId);
        }

        if (year is not null)
        {
            query = query.Where(a => a.Year == year);
        }

        var actions = await query.OrderBy(a => a.IsDone).ThenBy(a => a.DueDate).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().Where(p => p.Status != PlanStatus.Draft).OrderByDescending(p => p.IsCurrent).ToListAsync(cancellationToken);
        var titles = await db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var names = departments.ToDictionary(d => d.Id, d => d.Name);
        var subIds = actions.Where(a => a.SubProjectId is not null).Select(a => a.SubProjectId!.Value).Distinct().ToList();
        var subs = await db.SubProjects.AsNoTracking().Where(s => subIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => $"{s.Code} {s.Name}", cancellationToken);
        var rows = actions.Select(a => new FollowUpRow(
                a.Id,
                titles.GetValueOrDefault(a.PlanId, "-"),
                Formats.Source(a.Source),
                a.Year,
                a.SubProjectId is { } id ? subs.GetValueOrDefault(id) : null,
                names.GetValueOrDefault(a.DepartmentId, "-"),
                a.Finding,
                Formats.Date(a.DueDate),
                a.IsOverdue(today),
                a.IsDone,
                a.Outcome,
                a.OutcomeBy,
                CanRecord(a.DepartmentId),
                a.Version))
            .ToList();
        return new FollowUpsViewModel(
            rows,
            planId,
            year,
            plans.Select(p => new Option(p.Id.ToString(Formats.Korean), p.Title)).ToList(),
            departments.Where(d => d.IsActive).Select(d => new Option(d.Id.ToString(Formats.Korean), d.Name)).ToList(),
            input,
            errorRowId,
            typedOutcome);
    }
}
