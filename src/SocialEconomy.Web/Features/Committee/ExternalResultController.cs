using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Features.Reports;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Committee;

/// <summary>
/// 외부평가 결과: once the committee is closed, every signed-in role reads the per-item
/// aggregates, the spread, the comments (named or anonymous, as set for the year) and the
/// comparison with the T/F's scores; a gap larger than the year's threshold asks the
/// committee (a seated member, or the coordinator on its behalf) for a written reason.
/// Before closing the page says so and shows no score, and the workbook is not served.
/// </summary>
[Route("evaluations/{cycleId:int}/external")]
public sealed class ExternalResultController(AppDbContext db, ReportPrinter printer, TimeProvider clock) : Controller
{
    private const string ResultView = "ExternalResult";
    private const string ReportView = "Reports/ExternalReport";

    /// <summary>외부평가 결과 as a printed report: only once the committee is closed, for everyone who reads the result.</summary>
    [HttpGet("report")]
    public async Task<IActionResult> Report(int cycleId, CancellationToken cancellationToken)
    {
        var (cycle, found) = await ReportModelAsync(cycleId, cancellationToken);
        if (found is null)
        {
            return cycle is null ? NotFound() : Forbid();
        }

        ViewData[Reports.ReportLinks.Key] = new Reports.ReportLinks(Url.Action(nameof(ReportPdf), new { cycleId }), Url.Action(nameof(Workbook), new { cycleId }), Url.Action(nameof(Index), new { cycleId }));
        return View(ReportView, found);
    }

    [HttpGet("report.pdf")]
    public async Task<IActionResult> ReportPdf(int cycleId, CancellationToken cancellationToken)
    {
        var (cycle, found) = await ReportModelAsync(cycleId, cancellationToken);
        if (found is null)
        {
            return cycle is null ? NotFound() : Forbid();
        }

        return await this.PdfOrUnavailableAsync(printer, ReportView, found, $"외부평가결과_{found.Result.Year}.pdf", cancellationToken);
    }

    /// <summary>No cycle: no such year; a cycle without a model: the committee is not closed, nothing is printed.</summary>
    private async Task<(EvaluationCycle? Cycle, ExternalReportViewModel? Model)> ReportModelAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        if (cycle is null || !EvaluationAccess.CanReadCommitteeResult(cycle))
        {
            return (cycle, null);
        }

        var plan = await db.Plans.AsNoTracking().Include(p => p.OwningDepartment).FirstAsync(p => p.Id == cycle.PlanId, cancellationToken);
        // Closed committees only reach here: the result is final.
        var header = ReportHeader.For(plan, $"{cycle.Year}년 외부평가 결과", clock, draftReason: null);
        return (cycle, new ExternalReportViewModel(header, await ViewModelAsync(cycle, cancellationToken)));
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        return cycle is null ? NotFound() : View(ResultView, await ViewModelAsync(cycle, cancellationToken));
    }

    /// <summary>The printed report's content as .xlsx (also at report.xlsx, beside report.pdf): refused before closing, like the report.</summary>
    [HttpGet("workbook")]
    [HttpGet("report.xlsx")]
    public async Task<IActionResult> Workbook(int cycleId, CancellationToken cancellationToken)
    {
        var (cycle, found) = await ReportModelAsync(cycleId, cancellationToken);
        if (found is null)
        {
            return cycle is null ? NotFound() : Forbid();
        }

        return File(ExternalResultWorkbook.Write(found), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"외부평가결과_{found.Result.Year}.xlsx");
    }

    [HttpPost("gaps")]
    public async Task<IActionResult> Gap(int cycleId, [FromForm] string? topic, [FromForm, DataType(DataType.MultilineText)] string? reason, CancellationToken cancellationToken)
    {
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        if (!CanWriteReasons(cycle))
        {
            return Forbid();
        }

        var model = await ViewModelAsync(cycle, cancellationToken);
        if (topic is null || model.Gaps.All(g => g.Topic != topic || !g.NeedsReason))
        {
            // Only a topic past the threshold has a form; anything else came from an old or crafted page.
            TempData["Notice"] = "사유를 적을 만큼 점수 차이가 큰 주제가 아닙니다. 아래 비교표를 확인하세요.";
            return RedirectToAction(nameof(Index), new { cycleId });
        }

        if (ModelState.IsValid)
        {
            var existing = await db.GapReasons.FirstOrDefaultAsync(g => g.CycleId == cycle.Id && g.Topic == topic, cancellationToken);
            ModelState.TryApply(
                () =>
                {
                    if (existing is null)
                    {
                        db.GapReasons.Add(new GapReason(cycle, topic!, reason, User.Actor(), clock.GetUtcNow().UtcDateTime));
                    }
                    else
                    {
                        existing.Rewrite(reason, User.Actor(), clock.GetUtcNow().UtcDateTime);
                    }
                },
                "reason");
        }

        if (!ModelState.IsValid)
        {
            ViewData["GapTopic"] = topic;
            ViewData["TypedReason"] = reason;
            return View(ResultView, model);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = $"'{topic}' 점수 차이 사유를 저장했습니다.";
        return RedirectToAction(nameof(Index), new { cycleId });
    }

    private bool CanWriteReasons(EvaluationCycle cycle)
    {
        var userId = User.UserId();
        return cycle.IsCommitteeClosed && (EvaluationAccess.CanRun(User) || userId is not null && User.IsInRole(Roles.CommitteeMember) && cycle.SeatOf(userId) is not null);
    }

    private async Task<ExternalResultViewModel> ViewModelAsync(EvaluationCycle cycle, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == cycle.PlanId, cancellationToken);
        var framework = cycle.ExternalFramework;
        var maxTotal = framework.BonusPoints > 0 ? $"{Formats.Points(framework.BasePoints)} + 가점 {Formats.Points(framework.BonusPoints)}" : Formats.Points(framework.BasePoints);
        if (!EvaluationAccess.CanReadCommitteeResult(cycle))
        {
            // Nothing computed from the sheets leaves the server before closing.
            return new ExternalResultViewModel(cycle.Id, cycle.Year, plan.Title, false, null, ScoreAggregation.Label(cycle.Aggregation), cycle.AnonymousComments, 0, [], [], "-", "-", maxTotal, [], Formats.Points(cycle.GapThreshold), false, null, framework.BasePoints, framework.BonusPoints);
        }

        var result = CommitteeResult.Compute(cycle);
        var selfEvaluations = await db.SelfEvaluations.AsNoTracking().Include(e => e.Scores).Where(e => e.CycleId == cycle.Id).ToListAsync(cancellationToken);
        var reasons = await db.GapReasons.AsNoTracking().Where(g => g.CycleId == cycle.Id).ToDictionaryAsync(g => g.Topic, StringComparer.Ordinal, cancellationToken);
        var gaps = TopicGap.Compare(cycle, selfEvaluations, result)
            .Select(g =>
            {
                reasons.TryGetValue(g.Topic, out var reason);
                return new GapRow(g.Topic, Formats.Percent(g.SelfPercent), Formats.Percent(g.CommitteePercent), g.Gap is { } gap ? $"{gap.ToString("0.0", Formats.Korean)}%p" : "-", g.NeedsReason, reason?.Reason, reason?.WrittenBy, g);
            })
            .ToList();
        var items = result.Items.Select(i => new ItemResultRow(
                i.Item.Area,
                i.Item.Indicator,
                Formats.Points(i.Item.MaxPoints),
                i.Item.IsBonus,
                Formats.Points(i.Score?.Value),
                Formats.Points(i.Score?.Min),
                Formats.Points(i.Score?.Max),
                Formats.Points(i.Score?.Spread),
                i.Comments,
                i.Item.MaxPoints,
                i.Score))
            .ToList();
        return new ExternalResultViewModel(
            cycle.Id,
            cycle.Year,
            plan.Title,
            true,
            Formats.KoreanTime(cycle.CommitteeClosedAtUtc!.Value),
            ScoreAggregation.Label(cycle.Aggregation),
            cycle.AnonymousComments,
            result.Members,
            cycle.Seats.Where(s => s.IsSubmitted).Select(s => s.DisplayName).ToList(),
            items,
            Formats.Points(result.Total.Value),
            $"{Formats.Points(result.Total.Min)} ~ {Formats.Points(result.Total.Max)}",
            maxTotal,
            gaps,
            Formats.Points(cycle.GapThreshold).Replace("점", "%p", StringComparison.Ordinal),
            CanWriteReasons(cycle),
            result.Total,
            framework.BasePoints,
            framework.BonusPoints);
    }
}
