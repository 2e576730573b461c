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

namespace SocialEconomy.Web.Features.Evaluations;

/// <summary>
/// 평가: the list of yearly evaluations and one year's home page with its calendar (what is
/// due and overdue), progress and settings. The coordinating department starts a year,
/// which copies the default frameworks for it, and sets the dates and committee rules.
/// </summary>
[Route("evaluations")]
public sealed class EvaluationsController(AppDbContext db, TimeProvider clock) : Controller
{
    private const string IndexView = "Index";
    private const string CycleView = "Cycle";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(IndexView, await IndexModelAsync(new StartCycleEditModel(), cancellationToken));

    [HttpPost("")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public async Task<IActionResult> Start([Bind(Prefix = "Input")] StartCycleEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = input.PlanId is { } planId ? await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) : null;
        if (input.PlanId is not null && plan is null)
        {
            ModelState.AddModelError("Input.PlanId", "등록된 기본계획을 고르세요.");
        }

        if (ModelState.IsValid && await db.EvaluationCycles.AnyAsync(c => c.PlanId == plan!.Id && c.Year == input.Year, cancellationToken))
        {
            ModelState.AddModelError("Input.Year", $"{input.Year}년 평가가 이미 있습니다.");
        }

        EvaluationCycle? cycle = null;
        if (ModelState.IsValid)
        {
            var defaults = await db.EvaluationFrameworks.WithItems().Where(f => f.IsDefault).ToListAsync(cancellationToken);
            var self = defaults.First(f => f.Kind == FrameworkKind.Self);
            var external = defaults.First(f => f.Kind == FrameworkKind.External);
            ModelState.TryApply(() => cycle = new EvaluationCycle(plan!, input.Year!.Value, self, external), "Input.Year");
        }

        if (!ModelState.IsValid || cycle is null)
        {
            return View(IndexView, await IndexModelAsync(input, cancellationToken));
        }

        db.EvaluationCycles.Add(cycle);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = $"{cycle.Year}년 평가를 시작했습니다. 기본 평가지표를 복사했으니 채점 전에 항목과 배점을 확인하세요.";
        return RedirectToAction(nameof(Cycle), new { cycleId = cycle.Id });
    }

    [HttpGet("{cycleId:int}")]
    public async Task<IActionResult> Cycle(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        return cycle is null ? NotFound() : View(CycleView, await CycleModelAsync(cycle, null, null, cancellationToken));
    }

    [HttpPost("{cycleId:int}/calendar")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public async Task<IActionResult> Calendar(int cycleId, [Bind(Prefix = "Calendar")] CalendarEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        input.Version = CheckVersion(cycle, input.Version, "Calendar.PlanBy");
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == cycle.PlanId).Select(p => new { p.FirstYear, p.LastYear }).SingleAsync(cancellationToken);
        var period = new YearRange(plan.FirstYear, plan.LastYear);
        ModelState.CheckPlanDate(period, input.PlanBy, "Calendar.PlanBy", "평가계획 수립일", clock);
        ModelState.CheckPlanDate(period, input.SelfReportsBy, "Calendar.SelfReportsBy", "자체평가 기한", clock);
        ModelState.CheckPlanDate(period, input.CommitteeBy, "Calendar.CommitteeBy", "평가위원회 구성 기한", clock);
        ModelState.CheckPlanDate(period, input.ExternalBy, "Calendar.ExternalBy", "외부평가 기한", clock);
        if (ModelState.IsValid)
        {
            ModelState.TryApply(() => cycle.SetCalendar(EvaluationCalendar.Create(input.PlanBy!.Value, input.SelfReportsBy!.Value, input.CommitteeBy!.Value, input.ExternalBy!.Value)), "Calendar.PlanBy");
        }

        if (!ModelState.IsValid)
        {
            return View(CycleView, await CycleModelAsync(cycle, input, null, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = "평가 일정을 저장했습니다.";
        return RedirectToAction(nameof(Cycle), new { cycleId = cycle.Id });
    }

    [HttpPost("{cycleId:int}/rules")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public async Task<IActionResult> Rules(int cycleId, [Bind(Prefix = "Rules")] CommitteeRulesEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        if (!Enum.IsDefined(input.Aggregation))
        {
            ModelState.AddModelError("Rules.Aggregation", "집계 방법을 고르세요.");
        }

        input.Version = CheckVersion(cycle, input.Version, "Rules.Aggregation");
        if (ModelState.IsValid)
        {
            ModelState.TryApply(() => cycle.SetCommitteeRules(input.Aggregation, input.AnonymousComments, input.GapThreshold!.Value), "Rules.Aggregation");
        }

        if (!ModelState.IsValid)
        {
            return View(CycleView, await CycleModelAsync(cycle, null, input, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = $"평가위원회 집계 방법을 저장했습니다: {ScoreAggregation.Label(cycle.Aggregation)}.";
        return RedirectToAction(nameof(Cycle), new { cycleId = cycle.Id });
    }

    /// <summary>
    /// A stale form is refused with the typed values kept; the version it returns is the
    /// current one, so saving again after reading the message is a deliberate choice.
    /// </summary>
    private Guid CheckVersion(EvaluationCycle cycle, Guid version, string field)
    {
        if (version != cycle.Version)
        {
            ModelState.AddModelError(field, "이 화면을 연 뒤에 다른 사람이 평가 설정을 바꿨습니다. 입력한 값은 그대로 두었습니다. 위의 현재 일정·방법을 확인하고 다시 저장하세요.");
        }

        return cycle.Version;
    }

    private async Task<EvaluationsIndexViewModel> IndexModelAsync(StartCycleEditModel input, CancellationToken cancellationToken)
    {
        var today = Formats.KoreanToday(clock);
        var titles = await db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        var cycles = await db.EvaluationCycles.AsNoTracking().Include(c => c.Seats).OrderByDescending(c => c.Year).ToListAsync(cancellationToken);
        var rows = cycles.Select(c =>
        {
            var next = EvaluationCalendarView.NextDue(c, today);
            return new CycleRow(c.Id, titles[c.PlanId], c.Year, Formats.Stage(c.SelfStage), c.IsCommitteeClosed ? "마감" : $"위원 {c.Seats.Count}명", next?.Text, next?.Overdue ?? false);
        }).ToList();
        var defaults = await db.EvaluationFrameworks.AsNoTracking().WithItems().Where(f => f.IsDefault).OrderBy(f => f.Kind).ToListAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().Where(p => p.Status != PlanStatus.Draft).OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.FirstYear).ToListAsync(cancellationToken);
        var comprehensive = await db.ComprehensiveEvaluations.AsNoTracking().ToDictionaryAsync(e => e.PlanId, cancellationToken);
        return new EvaluationsIndexViewModel(
            rows,
            defaults.Select(Link).ToList(),
            plans.Select(p => new Option(p.Id.ToString(Formats.Korean), $"{p.Title} ({Formats.Period(p.Period)})")).ToList(),
            input,
            plans.Select(p => new ComprehensiveLink(p.Id, p.Title, comprehensive.TryGetValue(p.Id, out var e) ? (e.IsFinal ? "확정" : "진행 중") : "시작 전")).ToList());
    }

    private async Task<CycleViewModel> CycleModelAsync(EvaluationCycle cycle, CalendarEditModel? calendar, CommitteeRulesEditModel? rules, CancellationToken cancellationToken)
    {
        var today = Formats.KoreanToday(clock);
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == cycle.PlanId, cancellationToken);
        var subCount = await db.SubProjects.CountAsync(s => s.Task.PlanId == cycle.PlanId && s.StartYear <= cycle.Year && s.EndYear >= cycle.Year, cancellationToken);
        var evaluations = await db.SelfEvaluations.AsNoTracking().Include(e => e.Scores).Where(e => e.CycleId == cycle.Id).ToListAsync(cancellationToken);
        var scored = evaluations.Count(e => e.IsScored(cycle.SelfFramework.Items));
        var openFollowUps = await db.FollowUpActions.CountAsync(a => a.PlanId == cycle.PlanId && a.Year == cycle.Year && !a.IsDone, cancellationToken);
        var userId = User.UserId();
        return new CycleViewModel(
            cycle.Id,
            cycle.PlanId,
            plan.Title,
            cycle.Year,
            EvaluationCalendarView.Steps(cycle, today),
            Formats.Stage(cycle.SelfStage),
            scored,
            subCount,
            cycle.Seats.Count,
            cycle.Seats.Count(s => s.IsDeclared),
            cycle.Seats.Count(s => s.IsSubmitted),
            cycle.IsCommitteeClosed,
            userId is not null && cycle.SeatOf(userId) is not null,
            Link(cycle.SelfFramework),
            Link(cycle.ExternalFramework),
            calendar ?? new CalendarEditModel { PlanBy = cycle.PlanBy, SelfReportsBy = cycle.SelfReportsBy, CommitteeBy = cycle.CommitteeBy, ExternalBy = cycle.ExternalBy, Version = cycle.Version },
            rules ?? new CommitteeRulesEditModel { Aggregation = cycle.Aggregation, AnonymousComments = cycle.AnonymousComments, GapThreshold = cycle.GapThreshold, Version = cycle.Version },
            ScoreAggregation.Label(cycle.Aggregation),
            openFollowUps);
    }

    internal static FrameworkLink Link(EvaluationFramework f) =>
        new(f.Id, f.Title, f.Kind == FrameworkKind.Self ? "자체평가" : "외부평가", f.BonusPoints > 0 ? $"{Formats.Points(f.BasePoints)} + 가점 {Formats.Points(f.BonusPoints)}" : Formats.Points(f.BasePoints));
}
