using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.PlanWorkbook;

public sealed record PlanWorkbookFile(string FileName, byte[] Content);

/// <summary>The outcome of an import: the new plan's id, or every problem found (and nothing saved).</summary>
public sealed record PlanImportResult(int? PlanId, IReadOnlyList<WorkbookProblem> Problems, bool TitleTaken)
{
    public static PlanImportResult Refused(params IReadOnlyList<WorkbookProblem> problems) => new(null, problems, TitleTaken: false);
}

/// <summary>
/// Plan workbooks in and out: loads a whole plan for the writer; runs an upload through the
/// guard, ClosedXML and the reader, and saves the new draft plan in one SaveChanges (one
/// transaction, audited by SaveBookkeeping) only when nothing at all is wrong.
/// </summary>
public sealed class PlanWorkbookService(AppDbContext db, IOptions<PlanWorkbookOptions> options, ILogger<PlanWorkbookService> log, TimeProvider clock)
{
    public const string Unreadable = WorkbookGuard.Unreadable;

    public static string TitleTakenMessage(string title) =>
        $"같은 자치단체·시작연도에 계획명이 '{title}'인 계획이 이미 있습니다. 새 계획명을 입력하세요.";

    public PlanWorkbookOptions Options => options.Value;

    public async Task<PlanWorkbookFile?> ExportAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await LoadPlanAsync(planId, cancellationToken);
        return plan is null
            ? null
            : new PlanWorkbookFile($"{SafeFileName(plan.Title)}_{plan.FirstYear}-{plan.LastYear}.xlsx", PlanWorkbookWriter.Write(plan));
    }

    /// <summary>The template is a four-year plan starting next year (Korean time).</summary>
    public PlanWorkbookFile Template() =>
        new("기본계획_가져오기_양식.xlsx", PlanWorkbookWriter.WriteTemplate(Formats.KoreanToday(clock).Year + 1));

    public async Task<PlanImportResult> ImportAsync(string? fileName, long? length, Stream upload, string? newTitle, CancellationToken cancellationToken)
    {
        return await WorkbookGuard.OpenAsync(
            fileName, length, upload, options.Value, log, workbook => ImportAsync(workbook, newTitle, cancellationToken), PlanImportResult.Refused, cancellationToken);
    }

    private async Task<PlanImportResult> ImportAsync(XLWorkbook workbook, string? newTitle, CancellationToken cancellationToken)
    {
        // Tracked: the new plan refers to these rows and must not insert them again.
        var departments = await db.Departments.ToListAsync(cancellationToken);
        var read = PlanWorkbookReader.Read(workbook, departments, newTitle);
        if (read.Plan is not { } plan)
        {
            log.LogInformation("Plan workbook refused with {ProblemCount} problems", read.Problems.Count);
            return new PlanImportResult(null, read.Problems, TitleTaken: false);
        }

        var taken = await db.Plans.AnyAsync(p => p.District == plan.District && p.FirstYear == plan.FirstYear && p.Title == plan.Title, cancellationToken);
        if (taken)
        {
            return new PlanImportResult(null, [TitleProblem(plan.Title, newTitle, read.TitleRow)], TitleTaken: true);
        }

        db.Plans.Add(plan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another import of the same title between the check and the save: the unique index refuses it.
            log.LogWarning(ex, "Saving an imported plan failed");
            db.ChangeTracker.Clear();
            return new PlanImportResult(null, [TitleProblem(plan.Title, newTitle, read.TitleRow)], TitleTaken: true);
        }

        log.LogInformation(
            "Imported plan {PlanId} {FirstYear}-{LastYear} from a workbook: {TaskCount} tasks, {SubProjectCount} sub-projects",
            plan.Id, plan.FirstYear, plan.LastYear, plan.Tasks.Count, plan.SubProjects.Count());
        return new PlanImportResult(plan.Id, [], TitleTaken: false);
    }

    private static WorkbookProblem TitleProblem(string title, string? newTitle, int? titleRow) =>
        string.IsNullOrWhiteSpace(newTitle)
            ? new WorkbookProblem(PlanWorkbookLayout.InfoSheet, titleRow, "B", TitleTakenMessage(title))
            : WorkbookProblem.OfFile(TitleTakenMessage(title));

    /// <summary>The whole plan graph, every navigation the writer follows fixed up.</summary>
    private Task<BasicPlan?> LoadPlanAsync(int planId, CancellationToken cancellationToken) =>
        db.Plans.AsNoTrackingWithIdentityResolution().AsSplitQuery()
            .Include(p => p.OwningDepartment)
            .Include(p => p.Goals)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.LeadDepartment)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.SharingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.BudgetLines).ThenInclude(b => b.Amounts)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Milestones).ThenInclude(m => m.Entries)
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);

    private static string SafeFileName(string title)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '*', ':', '<', '>', '?', '/', '\\', '|']).ToHashSet();
        var safe = new string(title.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        return safe.Length == 0 ? "기본계획" : safe[..Math.Min(safe.Length, 80)];
    }
}
