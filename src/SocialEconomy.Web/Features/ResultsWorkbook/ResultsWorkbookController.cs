using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Auditing;
using SocialEconomy.Web.Features.PlanStructure;
using SocialEconomy.Web.Features.PlanWorkbook;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.ResultsWorkbook;

/// <summary>
/// A department's results of a year as an Excel workbook: download it filled with targets
/// and what is saved, fill it in, upload it back. Officers work on their own departments;
/// the coordinating department on any, or on all at once. Layout: docs/results.md.
/// </summary>
[Route("results/{planId:int}/{year:int}/workbook")]
public sealed class ResultsWorkbookController(AppDbContext db, ResultsWorkbookImport import, AuditLog audit, IOptions<PlanWorkbookOptions> options) : Controller
{
    public const string PageView = "Workbook";

    [HttpGet("")]
    public async Task<IActionResult> Index(int planId, int year, CancellationToken cancellationToken)
    {
        if (!ResultsAccess.CanReview(User) && !User.IsInRole(Roles.DepartmentOfficer))
        {
            return Forbid();
        }

        return await PageAsync(planId, year, null, null, cancellationToken) is { } page ? View(PageView, page) : NotFound();
    }

    [HttpGet("download")]
    public async Task<IActionResult> Download(int planId, int year, [FromQuery] int? department, CancellationToken cancellationToken)
    {
        if (!MayUse(department))
        {
            return Forbid();
        }

        var scope = await ResultsWorkbookScope.LoadAsync(db, User, planId, year, department, tracked: false, cancellationToken);
        if (scope is null)
        {
            return NotFound();
        }

        var content = ResultsWorkbookWriter.Write(scope);
        await audit.WriteAsync(AuditAction.Exported, detail: $"results workbook plan {planId} year {year} department {department?.ToString(Formats.Korean) ?? "all"}", cancellationToken: cancellationToken);
        return File(content, ResultsWorkbookLayout.ContentType, ResultsWorkbookLayout.FileName(scope.Plan.Title, year, scope.Department?.Name));
    }

    [HttpPost("")]
    [ResultsWorkbookUploadLimits]
    [WorkbookImportLimit]
    public async Task<IActionResult> Upload(int planId, int year, [FromForm] int? department, [FromForm] string? mode, IFormFile? workbook, CancellationToken cancellationToken)
    {
        if (!MayUse(department))
        {
            return Forbid();
        }

        if (workbook is null || workbook.Length == 0)
        {
            return await PageAsync(planId, year, department, new ResultsImportOutcome(false, 0, [WorkbookProblem.OfFile("올릴 통합 문서를 고르세요.")]), cancellationToken) is { } empty ? View(PageView, empty) : NotFound();
        }

        ResultsImportOutcome outcome;
        await using (var stream = workbook.OpenReadStream())
        {
            outcome = await import.ImportAsync(User, planId, year, department, workbook.FileName, workbook.Length, stream, string.Equals(mode, "valid", StringComparison.Ordinal), cancellationToken);
        }

        if (outcome.Saved)
        {
            await audit.WriteAsync(AuditAction.Imported, detail: $"results workbook plan {planId} year {year}: {outcome.ChangedRows} rows, {outcome.Problems.Count} refused", cancellationToken: cancellationToken);
        }

        return await PageAsync(planId, year, department, outcome, cancellationToken) is { } page ? View(PageView, page) : NotFound();
    }

    /// <summary>An officer uses only their own departments' workbooks; the coordinating department any, or all.</summary>
    private bool MayUse(int? department) =>
        ResultsAccess.CanReview(User) || (User.IsInRole(Roles.DepartmentOfficer) && department is { } id && SubProjectAccess.DepartmentIds(User).Contains(id));

    private async Task<ResultsWorkbookViewModel?> PageAsync(int planId, int year, int? department, ResultsImportOutcome? outcome, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || !plan.Period.Contains(year))
        {
            return null;
        }

        var mine = SubProjectAccess.DepartmentIds(User);
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive && (ResultsAccess.CanReview(User) || mine.Contains(d.Id)))
            .OrderBy(d => d.Name)
            .ToListAsync(cancellationToken);
        var period = await db.ResultsPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == planId && p.Year == year, cancellationToken);
        return new ResultsWorkbookViewModel(
            plan.Id,
            plan.Title,
            year,
            period is { IsOpen: true },
            departments.Select(d => new Option(d.Id.ToString(Formats.Korean), d.Name)).ToList(),
            ResultsAccess.CanReview(User),
            department,
            options.Value.MaxUploadLabel,
            outcome);
    }
}

public sealed record ResultsWorkbookViewModel(
    int PlanId,
    string PlanTitle,
    int Year,
    bool PeriodOpen,
    IReadOnlyList<Option> Departments,
    bool MayUseAll,
    int? Department,
    string MaxUpload,
    ResultsImportOutcome? Outcome);

/// <summary>The results upload's limits (the plan workbook's caps); a too large file gets the workbook page with its Korean problem and 413.</summary>
public sealed class ResultsWorkbookUploadLimitsAttribute : UploadLimitsAttribute
{
    protected override long MaxRequestBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<PlanWorkbookOptions>>().Value.MaxRequestBytes;

    protected override IActionResult TooLarge(AuthorizationFilterContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<PlanWorkbookOptions>>().Value;
        var values = context.RouteData.Values;
        var planId = int.TryParse(values["planId"]?.ToString(), out var p) ? p : 0;
        var year = int.TryParse(values["year"]?.ToString(), out var y) ? y : 0;
        return new ViewResult
        {
            ViewName = ResultsWorkbookController.PageView,
            StatusCode = StatusCodes.Status413PayloadTooLarge,
            ViewData = new ViewDataDictionary<ResultsWorkbookViewModel>(context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>(), context.ModelState)
            {
                Model = new ResultsWorkbookViewModel(planId, "실적 통합 문서", year, true, [], false, null, options.MaxUploadLabel, ResultsImportOutcome.Refused(WorkbookProblem.OfFile(WorkbookGuard.TooLarge(options)))),
            },
        };
    }
}
