using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Results;

/// <summary>
/// A year's results: the list of sub-projects a person may see, each sub-project's year page
/// (entry for its departments, review for the coordinating department) and the review steps.
/// </summary>
[Route("results/{planId:int}/{year:int}")]
public sealed class YearResultsController(ResultEntry entry, ResultAttachments.EvidenceStore store, AppDbContext db, PlanSnapshots snapshots, TimeProvider clock) : Controller
{
    private const string PageView = "SubProject";

    [HttpGet("")]
    public async Task<IActionResult> Index(int planId, int year, CancellationToken cancellationToken)
    {
        var plan = await snapshots.PlanAsync(db, planId, cancellationToken);
        if (plan is null || !plan.Period.Contains(year))
        {
            return NotFound();
        }

        var subs = plan.SubProjects.Where(s => s.Period.Contains(year)).ToList();
        var statuses = await snapshots.YearResultsAsync(db, planId, year, cancellationToken);
        var period = await db.ResultsPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == planId && p.Year == year, cancellationToken);
        var rows = subs
            .Select(s => (Sub: s, Status: statuses.TryGetValue(s.Id, out var r) ? r.Status : ResultStatus.NotStarted, Updated: statuses.TryGetValue(s.Id, out var u) ? u.UpdatedAtUtc : null))
            .Where(x => SubProjectAccess.CanWorkOn(User, x.Sub) || ResultsAccess.CanRead(User, x.Sub, x.Status))
            .Select(x => new YearListRow(x.Sub.Code, x.Sub.Name, x.Sub.LeadDepartment.Name, Formats.Status(x.Status), x.Updated is { } at ? Formats.KoreanTime(at) : "-", SubProjectAccess.CanWorkOn(User, x.Sub) && period is { IsOpen: true }))
            .ToList();
        return View("Year", new YearListViewModel(plan.Id, plan.Title, year, period is null ? null : Formats.Date(period.Deadline), period is { IsOpen: true }, rows, ResultsAccess.CanReview(User)));
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> SubProject(int planId, int year, string code, CancellationToken cancellationToken)
    {
        var loaded = await entry.LoadForReadingAsync(planId, year, code, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!ResultsAccess.CanRead(User, loaded.SubProject, loaded.Result?.Status ?? ResultStatus.NotStarted))
        {
            return Forbid();
        }

        return View(PageView, await entry.PageAsync(loaded, User, null, null, cancellationToken));
    }

    [HttpPost("{code}")]
    [ResultAttachments.ResultFormLimits]
    public async Task<IActionResult> SubProject(int planId, int year, string code, ResultEditModel form, IFormFile? file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var loaded = await entry.LoadAsync(planId, year, code, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!SubProjectAccess.CanWorkOn(User, loaded.SubProject))
        {
            return Forbid();
        }

        // Every field is text, so the only errors here are characters TextRules refuses: nothing
        // is saved, and the page comes back as typed with each message beside its field. It keeps
        // the version the official opened, so that a later save still notices someone else's.
        if (!ModelState.IsValid)
        {
            var typed = await entry.PageAsync(loaded, User, form, null, cancellationToken);
            return View(PageView, typed with { Version = form.Version });
        }

        var actor = User.Identity?.Name ?? "unknown";

        // A file chosen on the page is read and checked before the save opens its transaction,
        // then added within it, before any submission locks the draft.
        Func<YearResult, Task<ResultAttachments.EvidenceOutcome>>? withFile = null;
        if (file is { Length: > 0 })
        {
            var (evidence, refusal) = await store.ReadAsync(file, cancellationToken);
            withFile = result => evidence is null
                ? Task.FromResult(ResultAttachments.EvidenceOutcome.Refused(refusal!))
                : store.AddAsync(result, evidence, actor, cancellationToken);
        }

        var (outcome, theirs, fileNotice) = await entry.SaveAsync(loaded, form, actor, ModelState, withFile, cancellationToken);
        switch (outcome)
        {
            case ResultEntry.Outcome.Submitted:
                TempData["Notice"] = Join("실적을 제출했습니다. 사회적경제 담당부서가 검토합니다.", fileNotice);
                return RedirectToAction(nameof(SubProject), new { planId, year, code });
            case ResultEntry.Outcome.Saved when ModelState.IsValid:
                TempData["Notice"] = Join("임시 저장했습니다. 로그아웃해도 저장한 내용은 남습니다.", fileNotice);
                return RedirectToAction(nameof(SubProject), new { planId, year, code });
            case ResultEntry.Outcome.Conflict:
                ModelState.AddModelError(string.Empty, "다른 사용자가 이 화면을 연 뒤에 실적을 저장했습니다. 입력한 값은 그대로 있고, 다른 값이 저장된 칸 아래에 그 값을 보여 줍니다. 확인한 뒤 다시 저장하면 입력한 값으로 저장됩니다.");
                break;
        }

        if (fileNotice is not null)
        {
            // Only a stored file has a notice here; a refused one is a model error of the file field.
            ViewData["FileNotice"] = fileNotice;
        }

        // Refused, a refused submission, or a value too long to store: the page again with what was typed.
        var fresh = await entry.LoadAsync(planId, year, code, cancellationToken);
        var page = await entry.PageAsync(fresh!, User, form, outcome == ResultEntry.Outcome.Conflict ? theirs ?? fresh!.Result : null, cancellationToken);
        return View(PageView, page);
    }

    private static string Join(string notice, string? fileNotice) => fileNotice is null ? notice : $"{notice} {fileNotice}";

    [HttpPost("{code}/confirm")]
    [Authorize(Policy = Policies.ReviewResults)]
    public Task<IActionResult> Confirm(int planId, int year, string code, [FromForm] Guid? version, CancellationToken cancellationToken) =>
        ReviewAsync(planId, year, code, version, (r, actor, now) => r.Confirm(actor, now), "실적을 확정했습니다. 확정된 실적은 잠깁니다.", cancellationToken);

    [HttpPost("{code}/return")]
    [Authorize(Policy = Policies.ReviewResults)]
    public Task<IActionResult> Return(int planId, int year, string code, [FromForm] Guid? version, [FromForm, DataType(DataType.MultilineText), Display(Name = "반려 사유")] string? comment, CancellationToken cancellationToken) =>
        ReviewAsync(planId, year, code, version, (r, actor, now) => r.Return(actor, now, comment!), "실적을 반려했습니다. 담당자가 고쳐서 다시 제출합니다.", cancellationToken);

    [HttpPost("{code}/reopen")]
    [Authorize(Policy = Policies.ReviewResults)]
    public Task<IActionResult> Reopen(int planId, int year, string code, [FromForm] Guid? version, [FromForm, DataType(DataType.MultilineText), Display(Name = "재개 사유")] string? reason, CancellationToken cancellationToken) =>
        ReviewAsync(planId, year, code, version, (r, actor, now) => r.Reopen(actor, now, reason!), "확정된 실적을 재개했습니다. 담당자가 고칠 수 있습니다.", cancellationToken);

    /// <summary>A review step on the version the coordinator saw: if the results changed since, nothing happens.</summary>
    private async Task<IActionResult> ReviewAsync(int planId, int year, string code, Guid? version, Action<YearResult, string, DateTime> step, string done, CancellationToken cancellationToken)
    {
        var loaded = await entry.LoadAsync(planId, year, code, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            // A comment with a character TextRules refuses: nothing happens, and the page comes
            // back with the comment as typed and the message beside it.
            return View(PageView, await entry.PageAsync(loaded, User, null, null, cancellationToken));
        }

        if (loaded.Result is { } current && current.Version != version)
        {
            TempData["Notice"] = "화면을 연 뒤에 실적이 바뀌었습니다. 바뀐 내용을 확인한 뒤 다시 처리하세요.";
            return RedirectToAction(nameof(SubProject), new { planId, year, code });
        }

        var actor = User.Identity?.Name ?? "unknown";
        TempData["Notice"] = await entry.ReviewAsync(loaded, r => step(r, actor, clock.GetUtcNow().UtcDateTime), done, cancellationToken);
        return RedirectToAction(nameof(SubProject), new { planId, year, code });
    }
}

public sealed record YearListRow(string Code, string Name, string LeadDepartment, string Status, string UpdatedAt, bool CanEdit);

public sealed record YearListViewModel(int PlanId, string PlanTitle, int Year, string? Deadline, bool PeriodOpen, IReadOnlyList<YearListRow> Rows, bool CanReview);
