using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Results;

/// <summary>
/// A sub-project's results of one year: loading what the page shows, and saving what an
/// official typed. A save keeps everything typed, valid or not (the problems are stored
/// beside the values and block submission, not saving), and is refused whole when someone
/// else saved since the form was opened.
/// </summary>
public sealed class ResultEntry(AppDbContext db, PlanSnapshots snapshots, TimeProvider clock)
{
    public enum Outcome
    {
        Saved,
        Submitted,
        SubmitRefused,
        Conflict,
        Refused,
    }

    /// <summary>What the page needs: tracked so that a save can change it (<see cref="LoadAsync"/>), or read-only for showing it (<see cref="LoadForReadingAsync"/>).</summary>
    public sealed record Loaded(BasicPlan Plan, SubProject SubProject, int Year, ResultsPeriod? Period, YearResult? Result);

    public async Task<Loaded?> LoadAsync(int planId, int year, string code, CancellationToken cancellationToken)
    {
        var sub = await db.SubProjects
            .Include(s => s.Task).ThenInclude(t => t.Plan)
            .Include(s => s.LeadDepartment)
            .Include(s => s.SharingDepartments)
            .Include(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
            .Include(s => s.ActionItems).ThenInclude(a => a.Milestones).ThenInclude(m => m.Entries)
            .Include(s => s.BudgetLines).ThenInclude(b => b.Amounts)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Task.PlanId == planId && s.Code == code, cancellationToken);
        if (sub is null || !sub.Period.Contains(year))
        {
            return null;
        }

        var period = await db.ResultsPeriods.FirstOrDefaultAsync(p => p.PlanId == planId && p.Year == year, cancellationToken);
        var result = await LoadResultAsync(sub.Id, year, cancellationToken);
        return new Loaded(sub.Task.Plan, sub, year, period, result);
    }

    /// <summary>
    /// What the page shows when it is only read (GET): the sub-project and its result from the
    /// shared copies (<see cref="PlanSnapshots"/>), so that opening the page does not load and
    /// track the sub-project's tables. Never saved: a POST loads with <see cref="LoadAsync"/>.
    /// </summary>
    public async Task<Loaded?> LoadForReadingAsync(int planId, int year, string code, CancellationToken cancellationToken)
    {
        var plan = await snapshots.PlanAsync(db, planId, cancellationToken);
        var sub = plan?.SubProjects.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal));
        if (plan is null || sub is null || !sub.Period.Contains(year))
        {
            return null;
        }

        var period = await db.ResultsPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == planId && p.Year == year, cancellationToken);
        var results = await snapshots.YearResultsAsync(db, planId, year, cancellationToken);
        return new Loaded(plan, sub, year, period, results.GetValueOrDefault(sub.Id));
    }

    private Task<YearResult?> LoadResultAsync(int subProjectId, int year, CancellationToken cancellationToken) =>
        db.YearResults
            .Include(r => r.Indicators)
            .Include(r => r.Budget)
            .Include(r => r.Milestones)
            .Include(r => r.Events)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.SubProjectId == subProjectId && r.Year == year, cancellationToken);

    /// <summary>What a save did: its outcome, the other user's saved result on a conflict, and the notice of an evidence file stored with it.</summary>
    public sealed record SaveResult(Outcome Outcome, YearResult? Theirs = null, string? FileNotice = null);

    /// <summary>
    /// Saves the typed values; then runs <paramref name="addFile"/> (adding an evidence file
    /// sent with the form, while the draft is still open for it); on "submit" then submits.
    /// All of it is one transaction with one commit at the end: a crash or a conflict between
    /// the steps leaves none of it (docs/results.md). A refused file still lets the draft be
    /// saved, but not submitted. Errors that are not stored go to <paramref name="modelState"/>.
    /// </summary>
    public async Task<SaveResult> SaveAsync(Loaded loaded, ResultEditModel form, string actor, ModelStateDictionary modelState, Func<YearResult, Task<ResultAttachments.EvidenceOutcome>>? addFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        if (loaded.Period is not { IsOpen: true })
        {
            modelState.AddModelError(string.Empty, loaded.Period is null
                ? $"{loaded.Year}년 실적 입력 기간이 아직 열리지 않았습니다. 사회적경제 담당부서에 문의하세요."
                : $"{loaded.Year}년 실적 입력 기간이 닫혀 있습니다. 사회적경제 담당부서에 문의하세요.");
            return new SaveResult(Outcome.Refused);
        }

        var result = loaded.Result;
        if (result is not null && form.Version != result.Version)
        {
            return new SaveResult(Outcome.Conflict, result);
        }

        if (result?.EditRefusal is { } refusal)
        {
            modelState.AddModelError(string.Empty, refusal);
            return new SaveResult(Outcome.Refused);
        }

        // Every SaveChanges below joins this transaction (SaveBookkeeping opens
        // its own only when none is open); leaving without CommitAsync rolls all of it back.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var isNew = result is null;
        if (result is null)
        {
            result = new YearResult(loaded.SubProject, loaded.Year);
            db.YearResults.Add(result);
        }

        Apply(loaded, result, form, modelState);
        result.Touch(actor, clock.GetUtcNow().UtcDateTime);
        db.Entry(result).Property(r => r.Version).OriginalValue = form.Version ?? result.Version;

        // The draft is saved first: a file hangs on its key. A first save can race another
        // first save: the unique (sub-project, year) index refuses the second, which is then
        // a conflict like any other.
        if (!await TrySaveAsync(cancellationToken, firstSave: isNew))
        {
            return new SaveResult(Outcome.Conflict, await LoadResultAsync(loaded.SubProject.Id, loaded.Year, cancellationToken));
        }

        var file = addFile is null ? null : await addFile(result);
        var submitting = string.Equals(form.Intent, "submit", StringComparison.Ordinal);
        if (file is { Stored: false })
        {
            // The reason stands beside the file field, as an error; the typed values are saved
            // without the file, and submitting would lock them without the evidence meant for them.
            modelState.AddModelError(ResultEditModel.FileField, file.Notice);
            modelState.AddModelError(string.Empty, submitting
                ? "증빙자료를 올리지 못해 제출하지 않았습니다. 입력한 실적은 임시 저장했습니다."
                : "입력한 실적은 임시 저장했지만 증빙자료는 올리지 못했습니다.");
            await transaction.CommitAsync(cancellationToken);
            return new SaveResult(submitting ? Outcome.SubmitRefused : Outcome.Saved);
        }

        var outcome = Outcome.Saved;
        if (submitting && modelState.IsValid)
        {
            try
            {
                result.Submit(loaded.Period, actor, clock.GetUtcNow().UtcDateTime);
                outcome = Outcome.Submitted;
            }
            catch (DomainException e)
            {
                modelState.AddModelError(string.Empty, e.Message);
                outcome = Outcome.SubmitRefused;
            }
        }

        // The file and the submission, then the one commit of the whole save.
        if (!await TrySaveAsync(cancellationToken))
        {
            return new SaveResult(Outcome.Conflict, await LoadResultAsync(loaded.SubProject.Id, loaded.Year, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return new SaveResult(outcome, FileNotice: file?.Notice);
    }

    /// <summary>A review step (confirm, return, reopen) by the coordinating department.</summary>
    public async Task<string> ReviewAsync(Loaded loaded, Action<YearResult> step, string done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(step);
        if (loaded.Result is null)
        {
            return "아직 작성된 실적이 없습니다.";
        }

        try
        {
            step(loaded.Result);
        }
        catch (DomainException e)
        {
            return e.Message;
        }

        return await TrySaveAsync(cancellationToken) ? done : "다른 사용자가 방금 이 실적을 바꿨습니다. 화면을 확인한 뒤 다시 처리하세요.";
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken, bool firstSave = false)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || firstSave)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static void Apply(Loaded loaded, YearResult result, ResultEditModel form, ModelStateDictionary modelState)
    {
        foreach (var item in loaded.SubProject.ActionItems.Where(a => a.Years.Contains(loaded.Year)))
        {
            foreach (var indicator in item.Indicators)
            {
                var key = ResultEditModel.IndicatorKey(indicator.Id);
                var judgement = Enum.TryParse<Judgement>(form.Judgement.GetValueOrDefault(key), out var j) && Enum.IsDefined(j) ? j : (Judgement?)null;
                result.RecordIndicator(indicator, form.Actual.GetValueOrDefault(key), judgement);
            }

            foreach (var milestone in item.Milestones.Where(m => m.TextFor(loaded.Year) is not null))
            {
                var key = ResultEditModel.MilestoneKey(milestone.Id);
                var state = Enum.TryParse<MilestoneState>(form.State.GetValueOrDefault(key), out var s) && Enum.IsDefined(s) ? s : (MilestoneState?)null;
                var note = form.Note.GetValueOrDefault(key);
                if (note?.Trim().Length > MilestoneProgress.NoteMaxLength)
                {
                    // Too long to store: the typed text stays on the page, the rest is saved.
                    modelState.AddModelError($"Note[{key}]", $"비고는 {MilestoneProgress.NoteMaxLength}자 이내로 입력하세요.");
                    note = result.For(milestone)?.Note;
                }

                result.RecordMilestone(milestone, state, note);
            }
        }

        foreach (var line in loaded.SubProject.BudgetLines.Where(l => !l.IsNonBudget))
        {
            result.RecordExecution(line, form.Executed.GetValueOrDefault(ResultEditModel.BudgetKey(line.Id)));
        }

        string? Narrative(string field, string label, string? typed, string? saved)
        {
            if (typed?.Trim().Length > YearResult.NarrativeMaxLength)
            {
                modelState.AddModelError(field, $"{label}은(는) {YearResult.NarrativeMaxLength}자 이내로 입력하세요. 지금 {typed.Trim().Length.ToString(Formats.Korean)}자입니다.");
                return saved;
            }

            return typed;
        }

        result.SetNarratives(
            Narrative(nameof(form.Achievements), "추진실적", form.Achievements, result.Achievements),
            Narrative(nameof(form.Problems), "문제점", form.Problems, result.Problems),
            Narrative(nameof(form.Improvements), "개선방안", form.Improvements, result.Improvements));
    }

    /// <summary>
    /// The page: the saved values, or, when <paramref name="typed"/> is given, what was typed
    /// (with <paramref name="theirs"/> beside each value another user saved differently).
    /// </summary>
    public async Task<ResultPageViewModel> PageAsync(Loaded loaded, ClaimsPrincipal user, ResultEditModel? typed, YearResult? theirs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(user);
        var (plan, sub, year, period, result) = loaded;
        var shown = theirs ?? result;
        var status = shown?.Status ?? ResultStatus.NotStarted;
        var canEdit = SubProjectAccess.CanWorkOn(user, sub) && period is { IsOpen: true } && (shown is null || shown.IsEditable);
        string? Typed(Dictionary<string, string?>? values, string key, string? saved) => typed is null ? saved : values?.GetValueOrDefault(key);
        string? Differs(string? mine, string? other) => theirs is not null && (mine ?? string.Empty) != (other ?? string.Empty) ? other ?? "(빈칸)" : null;

        var items = sub.ActionItems.Where(a => a.Years.Contains(year)).Select(item => new ItemBlock(
                item.Name,
                item.Indicators.Select(i =>
                {
                    var key = ResultEditModel.IndicatorKey(i.Id);
                    var target = i.TargetFor(year);
                    var saved = shown?.For(i);
                    var input = Typed(typed?.Actual, key, saved?.Input);
                    var judgement = typed is null ? saved?.Judgement : Enum.TryParse<Judgement>(typed.Judgement.GetValueOrDefault(key), out var j) ? j : null;
                    return new IndicatorRow(
                        key,
                        i.Name,
                        i.Unit.Symbol,
                        Formats.Kind(i.Kind),
                        Formats.Direction(i.Direction),
                        target.IsEmpty ? "-" : $"{target.Format(Formats.Korean)}{(target.Number is null ? string.Empty : i.Unit.Symbol)}",
                        !target.IsEmpty && target.Number is null,
                        input,
                        judgement,
                        saved?.Problem,
                        Formats.Percent(Achievement.Rate(target, saved, i.Direction)),
                        Differs(input, theirs?.For(i)?.Input));
                }).ToList(),
                item.Milestones.Where(m => m.TextFor(year) is not null).Select(m =>
                {
                    var key = ResultEditModel.MilestoneKey(m.Id);
                    var saved = shown?.For(m);
                    var state = typed is null ? saved?.State : Enum.TryParse<MilestoneState>(typed.State.GetValueOrDefault(key), out var s) ? s : null;
                    var note = Typed(typed?.Note, key, saved?.Note);
                    var theirState = theirs?.For(m);
                    return new MilestoneRow(
                        key,
                        m.Label ?? $"{m.SortOrder.ToString(Formats.Korean)}번째 행",
                        m.TextFor(year)!,
                        state,
                        note,
                        null,
                        theirs is null || (theirState?.State == state && (theirState?.Note ?? string.Empty) == (note ?? string.Empty)) ? null : $"{(theirState?.State is { } ts ? Formats.State(ts) : "미선택")} {theirState?.Note}".Trim());
                }).ToList()))
            .ToList();

        var budget = sub.BudgetLines.Where(l => !l.IsNonBudget).Select(line =>
            {
                var key = ResultEditModel.BudgetKey(line.Id);
                var saved = shown?.For(line);
                var input = Typed(typed?.Executed, key, saved?.Input);
                var planned = line.Amounts.FirstOrDefault(a => a.Year == year)?.Amount;
                var rate = planned is > 0 && saved?.Executed is { } spent ? decimal.Round(spent / planned.Value * 100m, 1, MidpointRounding.AwayFromZero) : (decimal?)null;
                return new BudgetRow(key, line.Name, line.Unit.Symbol, planned is { } p ? Formats.Number(p) : "-", input, saved?.Problem, Formats.Percent(rate), Differs(input, theirs?.For(line)?.Input));
            })
            .ToList();

        var narratives = new List<NarrativeField>
        {
            new(nameof(ResultEditModel.Achievements), "추진실적", typed is null ? shown?.Achievements : typed.Achievements, Differs(typed?.Achievements, theirs?.Achievements)),
            new(nameof(ResultEditModel.Problems), "문제점", typed is null ? shown?.Problems : typed.Problems, Differs(typed?.Problems, theirs?.Problems)),
            new(nameof(ResultEditModel.Improvements), "개선방안", typed is null ? shown?.Improvements : typed.Improvements, Differs(typed?.Improvements, theirs?.Improvements)),
        };

        var rollup = Achievement.ForSubProject(sub, year, shown, plan.BudgetUnit, i => i.TargetFor(year));
        var attachments = shown is null
            ? []
            : await db.ResultAttachments.AsNoTracking().Where(a => a.YearResultId == shown.Id).OrderBy(a => a.UploadedAtUtc).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.FileName, a.Length, a.UploadedBy, a.UploadedAtUtc })
                .ToListAsync(cancellationToken);
        var today = Formats.KoreanToday(clock);
        return new ResultPageViewModel(
            plan.Id,
            plan.Title,
            year,
            sub.Code,
            sub.Name,
            sub.LeadDepartment.Name,
            status,
            shown?.Version,
            period is null ? null : Formats.Date(period.Deadline),
            period is { IsOpen: true },
            period is { IsOpen: true } && period.IsOverdue(today) && status is not (ResultStatus.Submitted or ResultStatus.Confirmed),
            canEdit,
            ResultsAccess.CanReview(user),
            shown?.EditRefusal,
            items,
            budget,
            narratives,
            Formats.Percent(rollup.Achievement),
            Formats.Percent(rollup.Execution),
            plan.BudgetUnit.Symbol,
            shown?.Events.Select(e => new TimelineRow(Formats.Step(e.Step), e.Actor, Formats.KoreanTime(e.AtUtc), e.Comment)).ToList() ?? [],
            attachments.Select(a => new AttachmentRow(a.Id, a.FileName, Formats.FileSize(a.Length), a.UploadedBy, Formats.KoreanTime(a.UploadedAtUtc))).ToList(),
            shown is { IsEditable: true } ? shown.SubmissionGaps(sub) : [],
            theirs is not null)
        {
            ReturnReason = status == ResultStatus.Returned && shown?.ReturnStep is { } back
                ? new TimelineRow(Formats.Step(back.Step), back.Actor, Formats.KoreanTime(back.AtUtc), back.Comment)
                : null,
        };
    }
}
