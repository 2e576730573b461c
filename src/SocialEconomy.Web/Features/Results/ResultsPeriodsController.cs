using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.PlanStructure;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Results;

/// <summary>
/// 실적 입력 기간: everyone sees which years are open for results and until when; the
/// coordinating department opens a year of an adopted plan with a deadline, and closes it.
/// </summary>
[Route("results")]
public sealed class ResultsPeriodsController(AppDbContext db, TimeProvider clock) : Controller
{
    private const string PeriodsView = "Periods";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(PeriodsView, await ViewModelAsync(new OpenPeriodEditModel(), cancellationToken));

    [HttpPost("periods")]
    [Authorize(Policy = Policies.ReviewResults)]
    public async Task<IActionResult> Open([Bind(Prefix = "Input")] OpenPeriodEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = input.PlanId is { } planId ? await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) : null;
        if (input.PlanId is not null && plan is null)
        {
            ModelState.AddModelError("Input.PlanId", "등록된 기본계획을 고르세요.");
        }

        if (plan is not null)
        {
            ModelState.CheckPlanDate(plan.Period, input.Deadline, "Input.Deadline", "제출 기한", clock);
        }

        if (ModelState.IsValid && await db.ResultsPeriods.AnyAsync(p => p.PlanId == plan!.Id && p.Year == input.Year, cancellationToken))
        {
            ModelState.AddModelError("Input.Year", $"{input.Year}년 실적 입력 기간이 이미 있습니다. 닫힌 기간은 목록에서 다시 열 수 있습니다.");
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(() => db.ResultsPeriods.Add(new ResultsPeriod(plan!, input.Year!.Value, input.Deadline!.Value, clock.GetUtcNow().UtcDateTime)), "Input.Year");
        }

        if (!ModelState.IsValid)
        {
            return View(PeriodsView, await ViewModelAsync(input, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = $"{input.Year}년 실적 입력 기간을 열었습니다. 제출 기한은 {Formats.Date(input.Deadline!.Value)}입니다.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("periods/{periodId:int}/close")]
    [Authorize(Policy = Policies.ReviewResults)]
    public Task<IActionResult> Close(int periodId, CancellationToken cancellationToken) =>
        ChangeAsync(periodId, p => p.Close(clock.GetUtcNow().UtcDateTime), p => $"{p.Year}년 실적 입력 기간을 닫았습니다. 담당자는 더 이상 저장·제출할 수 없습니다.", cancellationToken);

    [HttpPost("periods/{periodId:int}/reopen")]
    [Authorize(Policy = Policies.ReviewResults)]
    public async Task<IActionResult> Reopen(int periodId, [FromForm] DateOnly? deadline, CancellationToken cancellationToken)
    {
        var period = await db.ResultsPeriods.Where(r => r.Id == periodId).Join(db.Plans, r => r.PlanId, p => p.Id, (_, p) => new { p.FirstYear, p.LastYear }).FirstOrDefaultAsync(cancellationToken);
        var problem = period is null || deadline is not { } typed ? null : PlanDates.Problem(new YearRange(period.FirstYear, period.LastYear), typed, "새 제출 기한", Formats.KoreanToday(clock));
        return await ChangeAsync(
            periodId,
            p => p.Reopen(problem is not null ? throw new DomainException(problem) : deadline ?? throw new DomainException("다시 열 때는 새 제출 기한을 입력하세요.")),
            p => $"{p.Year}년 실적 입력 기간을 다시 열었습니다. 제출 기한은 {Formats.Date(p.Deadline)}입니다.",
            cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(int periodId, Action<ResultsPeriod> change, Func<ResultsPeriod, string> notice, CancellationToken cancellationToken)
    {
        var period = await db.ResultsPeriods.FirstOrDefaultAsync(p => p.Id == periodId, cancellationToken);
        if (period is null)
        {
            return NotFound();
        }

        try
        {
            change(period);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Notice"] = notice(period);
        }
        catch (DomainException e)
        {
            TempData["Notice"] = e.Message;
        }

        return RedirectToAction(nameof(Index));
    }

    private async Task<ResultsPeriodsViewModel> ViewModelAsync(OpenPeriodEditModel input, CancellationToken cancellationToken)
    {
        var today = Formats.KoreanToday(clock);
        var plans = await db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Adopted).OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.FirstYear).ToListAsync(cancellationToken);
        var periods = await db.ResultsPeriods.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.PlanId).ToListAsync(cancellationToken);
        var titles = await db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        var rows = periods
            .Select(p => new ResultsPeriodRow(p.Id, p.PlanId, titles[p.PlanId], p.Year, Formats.Date(p.Deadline), p.IsOpen, p.IsOpen && p.IsOverdue(today)))
            .ToList();
        var planOptions = plans.Select(p => new Option(p.Id.ToString(Formats.Korean), $"{p.Title} ({Formats.Period(p.Period)}){(p.IsCurrent ? " · 현재 계획" : string.Empty)}")).ToList();
        return new ResultsPeriodsViewModel(rows, planOptions, input, Formats.Date(today));
    }
}

public sealed class OpenPeriodEditModel
{
    [Required(ErrorMessage = "기본계획을 고르세요.")]
    [Display(Name = "기본계획")]
    public int? PlanId { get; set; }

    [Required(ErrorMessage = "연도를 입력하세요.")]
    [Range(YearRange.MinYear, YearRange.MaxYear, ErrorMessage = "연도는 1990년부터 2100년 사이로 입력하세요.")]
    [Display(Name = "실적 연도")]
    public int? Year { get; set; }

    [Required(ErrorMessage = "제출 기한을 입력하세요. 예: 2027-01-31")]
    [Display(Name = "제출 기한")]
    public DateOnly? Deadline { get; set; }
}

public sealed record ResultsPeriodRow(int Id, int PlanId, string PlanTitle, int Year, string Deadline, bool IsOpen, bool IsOverdue);

public sealed record ResultsPeriodsViewModel(IReadOnlyList<ResultsPeriodRow> Periods, IReadOnlyList<Option> Plans, OpenPeriodEditModel Input, string Today);
