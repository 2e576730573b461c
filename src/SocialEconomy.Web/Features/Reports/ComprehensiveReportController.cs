using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Comprehensive;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>
/// 총괄평가 결과 보고서 on screen, as PDF and as .xlsx. Whoever reads the 총괄평가 page (every
/// signed-in role) prints it; until the evaluation is finalised it prints as 초안. A plan
/// whose 총괄평가 has not started has no report (404).
/// </summary>
[Route("evaluations/comprehensive/{planId:int}")]
public sealed class ComprehensiveReportController(AppDbContext db, ReportPrinter printer, TimeProvider clock) : Controller
{
    private const string ReportView = "ComprehensiveReport";

    [HttpGet("report")]
    public async Task<IActionResult> Report(int planId, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(planId, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        ViewData[ReportLinks.Key] = new ReportLinks(Url.Action(nameof(Pdf), new { planId }), Url.Action(nameof(Workbook), new { planId }), Url.Action(nameof(Comprehensive.ComprehensiveController.Index), "Comprehensive", new { planId }));
        return View(ReportView, model);
    }

    [HttpGet("report.pdf")]
    public async Task<IActionResult> Pdf(int planId, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(planId, cancellationToken);
        return model is null ? NotFound() : await this.PdfOrUnavailableAsync(printer, ReportView, model, FileName(model, "pdf"), cancellationToken);
    }

    [HttpGet("report.xlsx")]
    public async Task<IActionResult> Workbook(int planId, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(planId, cancellationToken);
        return model is null
            ? NotFound()
            : File(ComprehensiveWorkbook.Write(model), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(model, "xlsx"));
    }

    private static string FileName(ComprehensiveReportViewModel model, string extension) =>
        $"총괄평가결과_{model.FirstYear}-{model.AfterYear}{(model.Header.IsDraft ? "_초안" : string.Empty)}.{extension}";

    private async Task<ComprehensiveReportViewModel?> ModelAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.OwningDepartment).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        var evaluation = plan is null
            ? null
            : await db.ComprehensiveEvaluations.AsNoTracking().Include(e => e.Panel).Include(e => e.Verdicts).AsSplitQuery().FirstOrDefaultAsync(e => e.PlanId == planId, cancellationToken);
        if (plan is null || evaluation is null)
        {
            return null;
        }

        var (years, figures) = await ComprehensiveFigures.ForAsync(db, evaluation, cancellationToken);
        var tasks = figures
            .GroupBy(f => (f.TaskNumber, f.TaskName))
            .Select(g => new ComprehensiveReportTask(g.Key.TaskNumber, g.Key.TaskName, g.Select(f =>
            {
                var verdict = evaluation.VerdictFor(f.SubProjectId);
                return new ComprehensiveReportRow(f.Code, f.Name, f.Department, f.Years, verdict?.Assessment, verdict?.Recommendation is { } r ? Formats.Recommendation(r) : null, verdict?.Reason);
            }).ToList()))
            .ToList();
        var header = ReportHeader.For(plan, "총괄평가 결과 보고서", clock, evaluation.IsFinal ? null : "확정 전 총괄평가");
        return new ComprehensiveReportViewModel(
            header,
            plan.Id,
            years[0],
            evaluation.AfterYear,
            evaluation.IsFinal ? "확정" : "진행 중",
            evaluation.Panel.Select(p => p.DisplayName).ToList(),
            years,
            tasks,
            evaluation.Directions);
    }
}
