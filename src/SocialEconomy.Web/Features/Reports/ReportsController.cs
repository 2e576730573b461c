using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Plans;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>
/// Printed reports of a plan: the same Razor print view on screen (for reading and Ctrl+P),
/// as PDF (printed by headless Chromium) and the same content as .xlsx. Every signed-in
/// role reads a plan, so every role prints its reports; a draft plan prints as 초안.
/// </summary>
[Route("plans/{id:int}/reports")]
public sealed class ReportsController(AppDbContext db, PlanQueries queries, ReportPrinter printer, TimeProvider clock) : Controller
{
    private const string FinanceView = "FinanceReport";
    private const string ImplementationView = "ImplementationReport";
    private const string BookView = "PlanBook";
    private const string ResultsView = "ResultsReport";
    private const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet("book")]
    public async Task<IActionResult> Book(int id, CancellationToken cancellationToken)
    {
        var model = await BookAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        ViewData[ReportLinks.Key] = new ReportLinks(Url.Action(nameof(BookPdf), new { id }), Url.Action(nameof(BookWorkbookFile), new { id }), Url.Action(nameof(Plans.PlansController.Overview), "Plans", new { id }));
        return View(BookView, model);
    }

    [HttpGet("book.pdf")]
    public async Task<IActionResult> BookPdf(int id, CancellationToken cancellationToken)
    {
        var model = await BookAsync(id, cancellationToken);
        return model is null ? NotFound() : await this.PdfOrUnavailableAsync(printer, BookView, model, $"기본계획_{model.Header.PlanTitle}.pdf", cancellationToken);
    }

    [HttpGet("book.xlsx")]
    public async Task<IActionResult> BookWorkbookFile(int id, CancellationToken cancellationToken)
    {
        var model = await BookAsync(id, cancellationToken);
        return model is null ? NotFound() : File(PlanBookWorkbook.Write(model), WorkbookType, $"기본계획_{model.Header.PlanTitle}.xlsx");
    }

    [HttpGet("finance")]
    public async Task<IActionResult> Finance(int id, CancellationToken cancellationToken)
    {
        var model = await FinanceAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        ViewData[ReportLinks.Key] = new ReportLinks(Url.Action(nameof(FinancePdf), new { id }), Url.Action(nameof(FinanceWorkbookFile), new { id }), Url.Action(nameof(Plans.PlansController.Finance), "Plans", new { id }));
        return View(FinanceView, model);
    }

    [HttpGet("finance.pdf")]
    public async Task<IActionResult> FinancePdf(int id, CancellationToken cancellationToken)
    {
        var model = await FinanceAsync(id, cancellationToken);
        return model is null ? NotFound() : await this.PdfOrUnavailableAsync(printer, FinanceView, model, $"재정계획_{model.Header.PlanTitle}.pdf", cancellationToken);
    }

    [HttpGet("finance.xlsx")]
    public async Task<IActionResult> FinanceWorkbookFile(int id, CancellationToken cancellationToken)
    {
        var model = await FinanceAsync(id, cancellationToken);
        return model is null
            ? NotFound()
            : File(FinanceWorkbook.Write(model), WorkbookType, $"재정계획_{model.Header.PlanTitle}.xlsx");
    }

    [HttpGet("implementation/{year:int}")]
    public async Task<IActionResult> Implementation(int id, int year, CancellationToken cancellationToken)
    {
        var model = await ImplementationAsync(id, year, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        ViewData[ReportLinks.Key] = new ReportLinks(Url.Action(nameof(ImplementationPdf), new { id, year }), Url.Action(nameof(ImplementationWorkbookFile), new { id, year }), Url.Action(nameof(Plans.PlansController.Overview), "Plans", new { id }));
        return View(ImplementationView, model);
    }

    [HttpGet("implementation/{year:int}.pdf")]
    public async Task<IActionResult> ImplementationPdf(int id, int year, CancellationToken cancellationToken)
    {
        var model = await ImplementationAsync(id, year, cancellationToken);
        return model is null ? NotFound() : await this.PdfOrUnavailableAsync(printer, ImplementationView, model, $"{year}년_시행계획.pdf", cancellationToken);
    }

    [HttpGet("implementation/{year:int}.xlsx")]
    public async Task<IActionResult> ImplementationWorkbookFile(int id, int year, CancellationToken cancellationToken)
    {
        var model = await ImplementationAsync(id, year, cancellationToken);
        return model is null ? NotFound() : File(ImplementationWorkbook.Write(model), WorkbookType, $"{year}년_시행계획.xlsx");
    }

    [HttpGet("results/{year:int}")]
    public async Task<IActionResult> Results(int id, int year, CancellationToken cancellationToken)
    {
        var model = await ResultsAsync(id, year, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        ViewData[ReportLinks.Key] = new ReportLinks(Url.Action(nameof(ResultsPdf), new { id, year }), Url.Action(nameof(ResultsWorkbookFile), new { id, year }), Url.Action(nameof(Features.Results.YearResultsController.Index), "YearResults", new { planId = id, year }));
        return View(ResultsView, model);
    }

    [HttpGet("results/{year:int}.pdf")]
    public async Task<IActionResult> ResultsPdf(int id, int year, CancellationToken cancellationToken)
    {
        var model = await ResultsAsync(id, year, cancellationToken);
        return model is null ? NotFound() : await this.PdfOrUnavailableAsync(printer, ResultsView, model, $"{year}년_실적_및_자체평가.pdf", cancellationToken);
    }

    [HttpGet("results/{year:int}.xlsx")]
    public async Task<IActionResult> ResultsWorkbookFile(int id, int year, CancellationToken cancellationToken)
    {
        var model = await ResultsAsync(id, year, cancellationToken);
        return model is null ? NotFound() : File(ResultsWorkbook.Write(model), WorkbookType, $"{year}년_실적_및_자체평가.xlsx");
    }

    private async Task<ResultsReportViewModel?> ResultsAsync(int id, int year, CancellationToken cancellationToken)
    {
        var plan = await queries.PlanWithTablesAsync(id, cancellationToken);
        if (plan is null || !plan.Period.Contains(year))
        {
            return null;
        }

        var header = ReportHeader.For(plan, $"{year}년 실적 및 자체평가 보고서", clock, ReportHeader.PlanDraftReason(plan));
        return await ResultsReport.BuildAsync(db, plan, year, User, header, cancellationToken);
    }

    private async Task<PlanBookViewModel?> BookAsync(int id, CancellationToken cancellationToken)
    {
        var book = await queries.BookAsync(id, cancellationToken);
        return book is null ? null : new PlanBookViewModel(ReportHeader.For(book.Plan, "사회적경제 기본계획", clock, ReportHeader.PlanDraftReason(book.Plan)), book);
    }

    private async Task<ImplementationReportViewModel?> ImplementationAsync(int id, int year, CancellationToken cancellationToken)
    {
        var plan = await queries.PlanWithTablesAsync(id, cancellationToken);
        if (plan is null || !plan.Period.Contains(year))
        {
            return null;
        }

        var header = ReportHeader.For(plan, $"{year}년 연차별 시행계획", clock, ReportHeader.PlanDraftReason(plan));
        return await ImplementationReport.BuildAsync(db, plan, year, header, cancellationToken);
    }

    private async Task<FinanceReportViewModel?> FinanceAsync(int id, CancellationToken cancellationToken)
    {
        // The 재정계획 query reads budgets only; the title block needs the plan's own row.
        var finance = await queries.FinancialPlanAsync(id, cancellationToken);
        var plan = finance is null ? null : await db.Plans.AsNoTracking().Include(p => p.OwningDepartment).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return finance is null || plan is null ? null : new FinanceReportViewModel(ReportHeader.For(plan, "재정계획", clock, ReportHeader.PlanDraftReason(plan)), finance);
    }
}
