using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.PlanWorkbook;

public sealed record PlanWorkbookFile(string FileName, byte[] Content);

/// <summary>
/// What an import is asked to do: the signer's government receives the plan; the names in
/// <see cref="ConfirmedDepartments"/> are the new departments the user has been shown and agreed
/// to create (empty on a first upload).
/// </summary>
public sealed record PlanImportRequest(int GovernmentId, string? NewTitle, bool MayCreateDepartments, IReadOnlyCollection<string> ConfirmedDepartments);

/// <summary>
/// The outcome of an import: the new plan's id; or every problem found (and nothing saved);
/// or, with no problem, the new departments to confirm first (and nothing saved).
/// </summary>
public sealed record PlanImportResult(int? PlanId, IReadOnlyList<WorkbookProblem> Problems, bool TitleTaken)
{
    /// <summary>Departments the workbook names that the government lacks: created with the plan, or to be confirmed.</summary>
    public IReadOnlyList<NewDepartment> NewDepartments { get; init; } = [];

    public bool NeedsConfirmation => PlanId is null && Problems.Count == 0 && NewDepartments.Count > 0;

    public static PlanImportResult Refused(params IReadOnlyList<WorkbookProblem> problems) => new(null, problems, TitleTaken: false);
}

/// <summary>
/// Plan workbooks in and out: loads a whole plan for the writer; runs an upload through the
/// guard, ClosedXML and the reader, and saves the new draft plan in one SaveChanges (one
/// transaction, audited by SaveBookkeeping) only when nothing at all is wrong. The plan goes
/// to the signer's government; departments it lacks are saved in that same SaveChanges, and
/// only when every one of them was confirmed.
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

    /// <summary>The template: a plan of the signer's government of <paramref name="years"/> years starting next year (Korean time).</summary>
    public async Task<PlanWorkbookFile?> TemplateAsync(int governmentId, int years, CancellationToken cancellationToken)
    {
        var government = await db.LocalGovernments.AsNoTracking().FirstOrDefaultAsync(g => g.Id == governmentId, cancellationToken);
        return government is null
            ? null
            : new("기본계획_가져오기_양식.xlsx", PlanWorkbookWriter.WriteTemplate(government, Formats.KoreanToday(clock).Year + 1, years));
    }

    public async Task<PlanImportResult> ImportAsync(string? fileName, long? length, Stream upload, PlanImportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await WorkbookGuard.OpenAsync(
            fileName, length, upload, options.Value, log, workbook => ImportAsync(workbook, request, cancellationToken), PlanImportResult.Refused, cancellationToken);
    }

    private async Task<PlanImportResult> ImportAsync(XLWorkbook workbook, PlanImportRequest request, CancellationToken cancellationToken)
    {
        var newTitle = request.NewTitle;

        // Tracked: the new plan refers to these rows and must not insert them again. Filtered by
        // the government here as well as by the query filter, because start-up code sees all.
        var government = await db.LocalGovernments.SingleAsync(g => g.Id == request.GovernmentId, cancellationToken);
        var departments = await db.Departments.Where(d => d.LocalGovernmentId == government.Id).ToListAsync(cancellationToken);
        var read = PlanWorkbookReader.Read(workbook, new PlanImportTarget(government, departments, request.MayCreateDepartments), newTitle);
        if (read.Plan is not { } plan)
        {
            log.LogInformation("Plan workbook refused with {ProblemCount} problems", read.Problems.Count);
            return new PlanImportResult(null, read.Problems, TitleTaken: false) { NewDepartments = read.NewDepartments };
        }

        var taken = await db.Plans.AnyAsync(p => p.LocalGovernmentId == government.Id && p.FirstYear == plan.FirstYear && p.Title == plan.Title, cancellationToken);
        if (taken)
        {
            return new PlanImportResult(null, [TitleProblem(plan.Title, newTitle, read.TitleRow)], TitleTaken: true) { NewDepartments = read.NewDepartments };
        }

        // Nothing is created that the user was not shown: the same bytes read again name the
        // same departments, unless someone added or renamed one in between, which asks again.
        var confirmed = request.ConfirmedDepartments.ToHashSet(StringComparer.Ordinal);
        if (read.NewDepartments.Any(d => !confirmed.Contains(d.Name)))
        {
            log.LogInformation("Plan workbook names {NewDepartmentCount} departments to confirm", read.NewDepartments.Count);
            return new PlanImportResult(null, [], TitleTaken: false) { NewDepartments = read.NewDepartments };
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
            "Imported plan {PlanId} {FirstYear}-{LastYear} from a workbook: {TaskCount} tasks, {SubProjectCount} sub-projects, {NewDepartmentCount} new departments",
            plan.Id, plan.FirstYear, plan.LastYear, plan.Tasks.Count, plan.SubProjects.Count(), read.NewDepartments.Count);
        return new PlanImportResult(plan.Id, [], TitleTaken: false) { NewDepartments = read.NewDepartments };
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
