using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.SelfEvaluations;

/// <summary>
/// 자체평가: the departments write their reports beside their results, the T/F scores each
/// sub-project, sends the year to the 민관거버넌스 실무협의체 and locks it after review.
/// </summary>
[Route("evaluations/{cycleId:int}/self")]
public sealed class SelfEvaluationsController(AppDbContext db, SelfEvaluationPages pages, TimeProvider clock) : Controller
{
    private const string PageView = "SubProject";
    private const string ConflictMessage = "이 화면을 연 뒤에 다른 사람이 이 자체평가를 저장했습니다. 입력한 내용은 그대로 두었고, 지금 저장된 내용을 함께 보여 드립니다. 비교한 뒤 다시 저장하세요.";

    [HttpGet("")]
    public async Task<IActionResult> Index(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        return cycle is null ? NotFound() : await ListAsync(cycle, cancellationToken);
    }

    private async Task<IActionResult> ListAsync(EvaluationCycle cycle, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == cycle.PlanId, cancellationToken);
        var subs = await db.SubProjects.AsNoTracking()
            .Include(s => s.LeadDepartment).Include(s => s.SharingDepartments).Include(s => s.Task)
            .Include(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
            .Include(s => s.BudgetLines).ThenInclude(b => b.Amounts)
            .Where(s => s.Task.PlanId == cycle.PlanId && s.StartYear <= cycle.Year && s.EndYear >= cycle.Year)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var results = await db.YearResults.AsNoTracking().Include(r => r.Indicators).Include(r => r.Budget)
            .Where(r => r.Year == cycle.Year && r.SubProject.Task.PlanId == cycle.PlanId)
            .AsSplitQuery()
            .ToDictionaryAsync(r => r.SubProjectId, cancellationToken);
        var evaluations = await db.SelfEvaluations.AsNoTracking().Include(e => e.Scores).Where(e => e.CycleId == cycle.Id).ToDictionaryAsync(e => e.SubProjectId, cancellationToken);
        var items = cycle.SelfFramework.Items;
        var rows = subs
            .OrderBy(s => s.Task.Number).ThenBy(s => s.SortOrder)
            .Select(s =>
            {
                results.TryGetValue(s.Id, out var result);
                evaluations.TryGetValue(s.Id, out var evaluation);
                var readable = EvaluationAccess.CanReadSelf(User, s, cycle.SelfStage);
                var confirmed = result is { Status: ResultStatus.Confirmed };
                var rate = confirmed ? Achievement.ForSubProject(s, cycle.Year, result, plan.BudgetUnit, i => i.TargetFor(cycle.Year)).Achievement : null;
                return new SelfListRow(
                    s.Code,
                    s.Name,
                    s.LeadDepartment.Name,
                    Formats.Status(result?.Status ?? ResultStatus.NotStarted),
                    confirmed ? Formats.Percent(rate) : "확정 전",
                    evaluation?.Report is not null,
                    readable ? Formats.Points(evaluation?.Total) : "비공개",
                    evaluation?.IsScored(items) ?? false,
                    readable);
            })
            .ToList();
        var scoredTotals = evaluations.Values.Where(e => e.IsScored(items)).Select(e => e.Total).ToList();
        var planMean = scoredTotals.Count > 0 && (EvaluationAccess.CanRun(User) || cycle.SelfStage == SelfStage.Locked)
            ? Formats.Points(decimal.Round(scoredTotals.Average(), 2, MidpointRounding.AwayFromZero))
            : "-";
        ViewData["CycleVersion"] = cycle.Version;
        return View("Index", new SelfListViewModel(
            cycle.Id, cycle.PlanId, cycle.Year, plan.Title, Formats.Stage(cycle.SelfStage), cycle.SelfStage, rows, planMean, Formats.Points(cycle.SelfFramework.BasePoints), cycle.ReviewNote,
            rows.Where(r => !r.Scored).Select(r => r.Code).ToList()));
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> SubProject(int cycleId, string code, CancellationToken cancellationToken)
    {
        var loaded = await pages.LoadAsync(cycleId, code, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!EvaluationAccess.CanReadSelf(User, loaded.SubProject, loaded.Cycle.SelfStage))
        {
            return Forbid();
        }

        return View(PageView, await pages.PageAsync(loaded, User, null, null, cancellationToken));
    }

    [HttpPost("{code}/report")]
    public async Task<IActionResult> Report(int cycleId, string code, [FromForm, DataType(DataType.MultilineText)] string? report, [FromForm] Guid? version, CancellationToken cancellationToken)
    {
        var loaded = await pages.LoadAsync(cycleId, code, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!EvaluationAccess.CanWriteReport(User, loaded.SubProject))
        {
            return Forbid();
        }

        var evaluation = loaded.Evaluation ?? new SelfEvaluation(loaded.Cycle, loaded.SubProject);
        if (loaded.Evaluation is not null && version != evaluation.Version)
        {
            ModelState.AddModelError("report", ConflictMessage);
            ViewData["ShowSaved"] = true;
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(() => evaluation.WriteReport(report, User.Actor(), clock.GetUtcNow().UtcDateTime), "report");
        }

        if (!ModelState.IsValid)
        {
            ViewData["TypedReport"] = report;
            return View(PageView, await pages.PageAsync(loaded, User, null, null, cancellationToken));
        }

        return await SaveAsync(loaded, evaluation, "자체평가보고서를 저장했습니다.", cancellationToken);
    }

    [HttpPost("{code}/scores")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public async Task<IActionResult> Scores(int cycleId, string code, SelfScoresEditModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var loaded = await pages.LoadAsync(cycleId, code, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        var evaluation = loaded.Evaluation ?? new SelfEvaluation(loaded.Cycle, loaded.SubProject);
        if (loaded.Evaluation is not null && form.Version != evaluation.Version)
        {
            // The typed scores stay in the form beside the saved ones, with the current version.
            ModelState.AddModelError("Scores", ConflictMessage);
            ViewData["ShowSaved"] = true;
            form.Version = evaluation.Version;
            return View(PageView, await pages.PageAsync(loaded, User, form, null, cancellationToken));
        }

        if (ModelState.Values.SelectMany(v => v.Errors).FirstOrDefault() is { } refused)
        {
            // A character TextRules refuses: nothing is saved, the typed sheet comes back with why.
            ModelState.AddModelError("Scores", refused.ErrorMessage);
            return View(PageView, await pages.PageAsync(loaded, User, form, null, cancellationToken));
        }

        IReadOnlyDictionary<int, string> problems;
        try
        {
            var inputs = form.Scores.ToDictionary(p => p.Key, p => p.Value.ToInput());
            problems = evaluation.Score(inputs, loaded.AchievementRate, User.Actor(), clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("Scores", e.Message);
            return View(PageView, await pages.PageAsync(loaded, User, form, null, cancellationToken));
        }

        if (problems.Count > 0)
        {
            ModelState.AddModelError("Scores", $"점수 {problems.Count}곳을 고쳐야 저장할 수 있습니다. 아무것도 저장하지 않았습니다.");
            return View(PageView, await pages.PageAsync(loaded, User, form, problems, cancellationToken));
        }

        return await SaveAsync(loaded, evaluation, $"{loaded.SubProject.Code} 자체평가 점수를 저장했습니다. 합계 {Formats.Points(evaluation.Total)}", cancellationToken);
    }

    [HttpPost("review")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public Task<IActionResult> Review(int cycleId, [FromForm] Guid version, CancellationToken cancellationToken) =>
        StageAsync(cycleId, version, async cycle =>
        {
            var subs = await db.SubProjects.AsNoTracking()
                .Where(s => s.Task.PlanId == cycle.PlanId && s.StartYear <= cycle.Year && s.EndYear >= cycle.Year)
                .Select(s => new { s.Id, s.Code })
                .ToListAsync(cancellationToken);
            var evaluations = await db.SelfEvaluations.AsNoTracking().Include(e => e.Scores).Where(e => e.CycleId == cycle.Id).ToDictionaryAsync(e => e.SubProjectId, cancellationToken);
            var unscored = subs.Where(s => !evaluations.TryGetValue(s.Id, out var e) || !e.IsScored(cycle.SelfFramework.Items)).Select(s => s.Code).Order(StringComparer.Ordinal).ToList();
            cycle.SendSelfToReview(unscored);
            return "자체평가를 민관거버넌스 실무협의체 검토로 보냈습니다. 검토 중에는 점수와 보고서를 고칠 수 없습니다.";
        }, cancellationToken);

    [HttpPost("return")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public Task<IActionResult> Return(int cycleId, [FromForm] Guid version, CancellationToken cancellationToken) =>
        StageAsync(cycleId, version, cycle =>
        {
            cycle.ReturnSelfToScoring();
            return Task.FromResult("자체평가를 채점 단계로 되돌렸습니다.");
        }, cancellationToken);

    [HttpPost("lock")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public async Task<IActionResult> Lock(int cycleId, [FromForm] Guid version, [FromForm, DataType(DataType.MultilineText)] string? reviewNote, CancellationToken cancellationToken)
    {
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        if (version != cycle.Version)
        {
            TempData["Notice"] = "이 화면을 연 뒤에 다른 사람이 평가 단계를 바꿨습니다. 지금 상태를 확인하고 다시 하세요.";
            return RedirectToAction(nameof(Index), new { cycleId });
        }

        // The council's note is typed here: a refusal is shown beside it with the text kept.
        ModelState.TryApply(() => cycle.LockSelf(reviewNote, clock.GetUtcNow().UtcDateTime), "reviewNote");
        if (!ModelState.IsValid)
        {
            ViewData["TypedNote"] = reviewNote;
            return await ListAsync(cycle, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = "자체평가를 확정했습니다. 확정된 자체평가는 잠깁니다.";
        return RedirectToAction(nameof(Index), new { cycleId });
    }

    private async Task<IActionResult> StageAsync(int cycleId, Guid version, Func<EvaluationCycle, Task<string>> step, CancellationToken cancellationToken)
    {
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        try
        {
            if (version != cycle.Version)
            {
                throw new DomainException("이 화면을 연 뒤에 다른 사람이 평가 단계를 바꿨습니다. 지금 상태를 확인하고 다시 하세요.");
            }

            TempData["Notice"] = await step(cycle);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            TempData["Notice"] = e.Message;
        }

        return RedirectToAction(nameof(Index), new { cycleId });
    }

    private async Task<IActionResult> SaveAsync(SelfEvaluationPages.Loaded loaded, SelfEvaluation evaluation, string notice, CancellationToken cancellationToken)
    {
        if (loaded.Evaluation is null)
        {
            db.SelfEvaluations.Add(evaluation);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save came first (a concurrent first save hits the unique index).
            TempData["Notice"] = ConflictMessage;
            return RedirectToAction(nameof(SubProject), new { cycleId = loaded.Cycle.Id, code = loaded.SubProject.Code });
        }

        TempData["Notice"] = notice;
        return RedirectToAction(nameof(SubProject), new { cycleId = loaded.Cycle.Id, code = loaded.SubProject.Code });
    }
}
