using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Features.PlanStructure;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Comprehensive;

/// <summary>
/// 총괄평가: after the year the coordinator names (the seed: the third), the panel sees each
/// sub-project's achievement and execution by year, judges it against its original goals,
/// recommends 확대 / 유지 / 축소 / 종료 with reasons and writes directions for the next plan.
/// Every signed-in role reads it; the coordinator and the panel's members write it.
/// </summary>
[Route("evaluations/comprehensive/{planId:int}")]
public sealed class ComprehensiveController(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : Controller
{
    private const string PageView = "Comprehensive";
    private const string Stale = "이 화면을 연 뒤에 다른 사람이 총괄평가를 저장했습니다. 입력한 내용은 그대로 두었습니다. 지금 저장된 내용을 확인하고 다시 저장하세요.";

    [HttpGet("")]
    public async Task<IActionResult> Index(int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        return plan is null ? NotFound() : View(PageView, await ViewModelAsync(plan, await LoadAsync(planId, cancellationToken), null, cancellationToken));
    }

    [HttpPost("")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public async Task<IActionResult> Start(int planId, [FromForm] int? afterYear, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (await LoadAsync(planId, cancellationToken) is not null)
        {
            TempData["Notice"] = "이미 시작한 총괄평가입니다.";
            return RedirectToAction(nameof(Index), new { planId });
        }

        ComprehensiveEvaluation? evaluation = null;
        if (afterYear is null)
        {
            ModelState.AddModelError("afterYear", "총괄평가 기준 연도를 입력하세요.");
        }
        else
        {
            ModelState.TryApply(() => evaluation = new ComprehensiveEvaluation(plan, afterYear.Value, Formats.KoreanToday(clock)), "afterYear");
        }

        if (evaluation is null)
        {
            return View(PageView, await ViewModelAsync(plan, null, null, cancellationToken));
        }

        db.ComprehensiveEvaluations.Add(evaluation);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = $"{afterYear}년까지의 사업을 대상으로 총괄평가를 시작했습니다. 총괄평가단을 구성하세요.";
        return RedirectToAction(nameof(Index), new { planId });
    }

    [HttpPost("panel")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public async Task<IActionResult> AddPanelist(int planId, [FromForm] string? userId, CancellationToken cancellationToken)
    {
        var evaluation = await LoadAsync(planId, cancellationToken);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (evaluation is null)
        {
            return NotFound();
        }

        if (user is null || !user.IsActive || !(await users.IsInRoleAsync(user, Roles.CommitteeMember) || await users.IsInRoleAsync(user, Roles.Coordinator)))
        {
            TempData["Notice"] = "목록에 있는 평가위원이나 주무부서 담당자를 고르세요.";
            return RedirectToAction(nameof(Index), new { planId });
        }

        return await ChangeAsync(planId, () => evaluation.AddPanelist(user.Id, user.DisplayName), $"{user.DisplayName} 님을 총괄평가단에 넣었습니다.", cancellationToken);
    }

    [HttpPost("panel/{panelSeatId:int}/remove")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public async Task<IActionResult> RemovePanelist(int planId, int panelSeatId, CancellationToken cancellationToken)
    {
        var evaluation = await LoadAsync(planId, cancellationToken);
        var seat = evaluation?.Panel.FirstOrDefault(p => p.Id == panelSeatId);
        if (evaluation is null || seat is null)
        {
            return NotFound();
        }

        return await ChangeAsync(planId, () => evaluation.RemovePanelist(seat), $"{seat.DisplayName} 님을 총괄평가단에서 뺐습니다.", cancellationToken);
    }

    [HttpPost("verdicts/{code}")]
    public async Task<IActionResult> Judge(int planId, string code, [Bind(Prefix = "Verdict")] VerdictEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var evaluation = await LoadAsync(planId, cancellationToken);
        var sub = await db.SubProjects.Include(s => s.Task).FirstOrDefaultAsync(s => s.Task.PlanId == planId && s.Code == code, cancellationToken);
        if (evaluation is null || sub is null)
        {
            return NotFound();
        }

        if (!CanJudge(evaluation))
        {
            return Forbid();
        }

        if (input.Recommendation is { } r && !Enum.IsDefined(r))
        {
            ModelState.AddModelError("Verdict.Recommendation", "권고를 고르세요.");
        }

        if (input.Version != evaluation.Version)
        {
            // Kept as typed with the current version: saving again is a deliberate choice.
            ModelState.AddModelError("Verdict.Reason", Stale);
            input.Version = evaluation.Version;
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(() => evaluation.Judge(sub, input.Assessment, input.Recommendation, input.Reason, User.Actor(), clock.GetUtcNow().UtcDateTime), "Verdict.Reason");
        }

        if (!ModelState.IsValid)
        {
            var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, cancellationToken);
            return View(PageView, await ViewModelAsync(plan, evaluation, (code, input), cancellationToken));
        }

        return await SaveAsync(planId, $"{code} 총괄평가 의견을 저장했습니다.", cancellationToken);
    }

    [HttpPost("directions")]
    public async Task<IActionResult> Directions(int planId, [FromForm, DataType(DataType.MultilineText)] string? directions, [FromForm] Guid version, CancellationToken cancellationToken)
    {
        var evaluation = await LoadAsync(planId, cancellationToken);
        if (evaluation is null)
        {
            return NotFound();
        }

        if (!CanJudge(evaluation))
        {
            return Forbid();
        }

        if (version != evaluation.Version)
        {
            ModelState.AddModelError("directions", Stale);
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(() => evaluation.WriteDirections(directions), "directions");
        }

        if (!ModelState.IsValid)
        {
            // The typed directions stay in the box; the form now carries the current version.
            ViewData["TypedDirections"] = directions;
            var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, cancellationToken);
            return View(PageView, await ViewModelAsync(plan, evaluation, null, cancellationToken));
        }

        return await SaveAsync(planId, "차기 기본계획 방향을 저장했습니다.", cancellationToken);
    }

    [HttpPost("finalise")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public async Task<IActionResult> Finalise(int planId, CancellationToken cancellationToken)
    {
        var evaluation = await LoadAsync(planId, cancellationToken);
        if (evaluation is null)
        {
            return NotFound();
        }

        var subs = await db.SubProjects.Where(s => s.Task.PlanId == planId && s.StartYear <= evaluation.AfterYear).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        return await ChangeAsync(planId, () => evaluation.FinaliseWith(subs, clock.GetUtcNow().UtcDateTime), "총괄평가를 확정했습니다. 확정된 총괄평가는 잠깁니다.", cancellationToken);
    }

    private bool CanJudge(ComprehensiveEvaluation evaluation)
    {
        var userId = User.UserId();
        return EvaluationAccess.CanRun(User) || userId is not null && evaluation.IsOnPanel(userId);
    }

    private async Task<IActionResult> ChangeAsync(int planId, Action change, string notice, CancellationToken cancellationToken)
    {
        try
        {
            change();
        }
        catch (DomainException e)
        {
            TempData["Notice"] = e.Message;
            return RedirectToAction(nameof(Index), new { planId });
        }

        return await SaveAsync(planId, notice, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(int planId, string notice, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Notice"] = notice;
        }
        catch (DbUpdateException)
        {
            TempData["Notice"] = Stale;
        }

        return RedirectToAction(nameof(Index), new { planId });
    }

    private Task<ComprehensiveEvaluation?> LoadAsync(int planId, CancellationToken cancellationToken) =>
        db.ComprehensiveEvaluations.Include(e => e.Panel).Include(e => e.Verdicts).AsSplitQuery().FirstOrDefaultAsync(e => e.PlanId == planId, cancellationToken);

    private async Task<ComprehensiveViewModel> ViewModelAsync(BasicPlan plan, ComprehensiveEvaluation? evaluation, (string Code, VerdictEditModel Form)? typed, CancellationToken cancellationToken)
    {
        var defaultAfter = Math.Min(plan.Period.First + 2, plan.Period.Last);
        if (evaluation is null)
        {
            return new ComprehensiveViewModel(plan.Id, plan.Title, false, defaultAfter, null, false, false, [], [], [], [], null, Guid.Empty);
        }

        var (years, figures) = await ComprehensiveFigures.ForAsync(db, evaluation, cancellationToken);
        var rows = figures.Select(s =>
        {
            var verdict = evaluation.VerdictFor(s.SubProjectId);
            var form = typed is { } t && t.Code == s.Code
                ? t.Form
                : new VerdictEditModel { Assessment = verdict?.Assessment, Recommendation = verdict?.Recommendation, Reason = verdict?.Reason, Version = evaluation.Version };
            return new VerdictRow(s.Code, s.Name, s.Department, s.Years, form, verdict?.Recommendation is { } r ? Formats.Recommendation(r) : null, verdict?.WrittenBy, typed?.Code == s.Code);
        }).ToList();
        var panelIds = evaluation.Panel.Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
        var candidates = (await users.GetUsersInRoleAsync(Roles.CommitteeMember)).Concat(await users.GetUsersInRoleAsync(Roles.Coordinator))
            .Where(u => u.IsActive && !panelIds.Contains(u.Id))
            .DistinctBy(u => u.Id)
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal)
            .Select(u => new Option(u.Id, $"{u.DisplayName} ({u.UserName})"))
            .ToList();
        return new ComprehensiveViewModel(
            plan.Id,
            plan.Title,
            true,
            defaultAfter,
            evaluation.AfterYear,
            evaluation.IsFinal,
            !evaluation.IsFinal && CanJudge(evaluation),
            evaluation.Panel.Select(p => (p.Id, p.DisplayName)).ToList(),
            candidates,
            years,
            rows,
            evaluation.Directions,
            evaluation.Version);
    }
}
