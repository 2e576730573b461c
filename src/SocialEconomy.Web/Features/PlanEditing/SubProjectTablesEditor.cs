using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.PlanEditing;

/// <summary>
/// Edits a sub-project's yearly tables (targets, milestones, budget amounts) in one form.
/// Invalid cells are reported beside themselves and nothing is saved; after adoption every
/// changed cell becomes a revision with the reason; a save based on an older version is
/// refused with both values shown.
/// </summary>
public sealed class SubProjectTablesEditor(AppDbContext db, TimeProvider clock)
{
    public enum Outcome
    {
        Saved,
        Invalid,
        Conflict,
    }

    public async Task<SubProject?> LoadAsync(int planId, string code, CancellationToken cancellationToken) =>
        await db.SubProjects
            .Include(s => s.Task).ThenInclude(t => t.Plan)
            .Include(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
            .Include(s => s.ActionItems).ThenInclude(a => a.Milestones).ThenInclude(m => m.Entries)
            .Include(s => s.BudgetLines).ThenInclude(b => b.Amounts)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Task.PlanId == planId && s.Code == code, cancellationToken);

    /// <summary>The cells as they are stored, in the form's keys and display format.</summary>
    public static TablesEditModel CurrentValues(SubProject subProject)
    {
        ArgumentNullException.ThrowIfNull(subProject);
        var model = new TablesEditModel { Version = subProject.Version };
        foreach (var (key, value) in Cells(subProject))
        {
            model.Cells[key] = value;
        }

        return model;
    }

    public static TablesFormViewModel Form(SubProject subProject, TablesEditModel form, IReadOnlyDictionary<string, string?>? theirs = null)
    {
        ArgumentNullException.ThrowIfNull(subProject);
        ArgumentNullException.ThrowIfNull(form);
        var plan = subProject.Task.Plan;
        var years = plan.Period.Years.ToList();
        string? Theirs(string key) => theirs is not null && theirs.TryGetValue(key, out var value) && !string.Equals(value ?? string.Empty, form.Cells.GetValueOrDefault(key) ?? string.Empty, StringComparison.Ordinal) ? value ?? string.Empty : null;

        var sections = subProject.ActionItems
            .Where(a => a.Indicators.Count > 0 || a.Milestones.Count > 0)
            .Select(a => new TablesFormSection(
                a.Name,
                a.Indicators.Select(i => new TablesFormRow(
                        i.Group is null ? i.Name : $"{i.Group} {i.Name}",
                        i.Unit.Symbol,
                        Formats.Kind(i.Kind),
                        years.Select(y => new TablesFormCell(y, TablesEditModel.TargetKey(i.Id, y), !a.CellYears().Contains(y), false, Theirs(TablesEditModel.TargetKey(i.Id, y)))).ToList()))
                    .Concat(a.Milestones.Select(m => new TablesFormRow(
                        m.Label ?? "추진내용",
                        null,
                        "추진계획",
                        years.Select(y => new TablesFormCell(y, TablesEditModel.MilestoneKey(m.Id, y), !a.CellYears().Contains(y), true, Theirs(TablesEditModel.MilestoneKey(m.Id, y)))).ToList())))
                    .ToList()))
            .ToList();
        var budget = subProject.BudgetLines
            .Select(l => new TablesFormRow(
                l.Name,
                l.Unit.Symbol,
                l.IsNonBudget ? "비예산" : "예산",
                years.Select(y => new TablesFormCell(y, TablesEditModel.BudgetKey(l.Id, y), l.IsNonBudget || !subProject.Period.Contains(y), false, Theirs(TablesEditModel.BudgetKey(l.Id, y)))).ToList()))
            .ToList();
        return new TablesFormViewModel(plan.Id, plan.Title, subProject.Code, subProject.Name, Formats.Status(plan.Status), plan.ChangesNeedReason, years, sections, budget, form, theirs is not null);
    }

    /// <summary>Applies the posted cells; on success saves once, writing revisions when the plan is adopted.</summary>
    public async Task<(Outcome Outcome, IReadOnlyDictionary<string, string?>? Theirs)> SaveAsync(
        SubProject subProject, TablesEditModel form, string userName, ModelStateDictionary errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subProject);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var plan = subProject.Task.Plan;
        try
        {
            plan.EnsureEditable();
        }
        catch (DomainException e)
        {
            errors.AddModelError(string.Empty, e.Message);
            return (Outcome.Invalid, null);
        }

        var before = Cells(subProject).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var changes = new List<(string Key, RevisionSubject Subject, int SubjectId, string Label, int Year)>();
        foreach (var item in subProject.ActionItems)
        {
            foreach (var indicator in item.Indicators)
            {
                foreach (var year in item.CellYears().Years.Where(y => plan.Period.Contains(y)))
                {
                    var key = TablesEditModel.TargetKey(indicator.Id, year);
                    if (Changed(key) is { } text && Apply(key, () => indicator.SetTarget(year, TargetValue.Parse(text, indicator.Unit))))
                    {
                        changes.Add((key, RevisionSubject.Target, indicator.Id, $"{indicator.Name} ({indicator.Unit})", year));
                    }
                }
            }

            foreach (var milestone in item.Milestones)
            {
                foreach (var year in item.CellYears().Years.Where(y => plan.Period.Contains(y)))
                {
                    var key = TablesEditModel.MilestoneKey(milestone.Id, year);
                    if (Changed(key) is { } text && Apply(key, () => milestone.SetText(year, text)))
                    {
                        changes.Add((key, RevisionSubject.Milestone, milestone.Id, $"{milestone.Label ?? item.Name} 추진계획", year));
                    }
                }
            }
        }

        foreach (var line in subProject.BudgetLines.Where(l => !l.IsNonBudget))
        {
            foreach (var year in subProject.Period.Years)
            {
                var key = TablesEditModel.BudgetKey(line.Id, year);
                if (Changed(key) is { } text && Apply(key, () => line.SetAmount(year, ParseAmount(text))))
                {
                    changes.Add((key, RevisionSubject.Budget, line.Id, $"{line.Name} ({line.Unit})", year));
                }
            }
        }

        if (changes.Count > 0 && plan.ChangesNeedReason && string.IsNullOrWhiteSpace(form.Reason))
        {
            errors.AddModelError(nameof(TablesEditModel.Reason), "확정된 계획을 변경하려면 변경 사유를 입력하세요.");
        }

        if (!errors.IsValid)
        {
            return (Outcome.Invalid, null);
        }

        if (changes.Count == 0)
        {
            return (Outcome.Saved, null);
        }

        var after = Cells(subProject).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        if (plan.ChangesNeedReason)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.PlanRevisions.AddRange(changes.Select(c => new PlanRevision(
                subProject, c.Subject, c.SubjectId, c.Label, c.Year, NullIfEmpty(before[c.Key]), NullIfEmpty(after[c.Key]), form.Reason!, userName, now)));
        }

        db.Entry(subProject).Property(s => s.Version).OriginalValue = form.Version;
        subProject.MarkChanged();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (Outcome.Saved, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await LoadAsync(plan.Id, subProject.Code, cancellationToken);
            if (current is null)
            {
                errors.AddModelError(string.Empty, "다른 사용자가 이 세부사업을 삭제했습니다.");
                return (Outcome.Invalid, null);
            }

            form.Version = current.Version;
            return (Outcome.Conflict, Cells(current).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));
        }

        string? Changed(string key)
        {
            if (!form.Cells.TryGetValue(key, out var posted))
            {
                return null;
            }

            var typed = TargetValue.Normalize(posted);
            return string.Equals(typed, TargetValue.Normalize(before.GetValueOrDefault(key)), StringComparison.Ordinal) ? null : typed;
        }

        bool Apply(string key, Action change)
        {
            try
            {
                change();
                return true;
            }
            catch (DomainException e)
            {
                errors.AddModelError(TablesEditModel.FieldName(key), e.Message);
                return false;
            }
        }
    }

    private static decimal ParseAmount(string text)
    {
        var normalized = TargetValue.Normalize(text).Replace(",", string.Empty, StringComparison.Ordinal);
        if (normalized.Length == 0 || normalized == "-")
        {
            return 0m;
        }

        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new DomainException($"'{text}'은(는) 금액이 아닙니다. 숫자로 입력하세요(예: 1,200).");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static IEnumerable<KeyValuePair<string, string?>> Cells(SubProject subProject)
    {
        var years = subProject.Task.Plan.Period.Years.ToList();
        foreach (var item in subProject.ActionItems)
        {
            foreach (var indicator in item.Indicators)
            {
                foreach (var year in years)
                {
                    var value = indicator.TargetFor(year);
                    yield return new(TablesEditModel.TargetKey(indicator.Id, year), value.IsEmpty ? string.Empty : value.Format(Formats.Korean));
                }
            }

            foreach (var milestone in item.Milestones)
            {
                foreach (var year in years)
                {
                    yield return new(TablesEditModel.MilestoneKey(milestone.Id, year), milestone.TextFor(year) ?? string.Empty);
                }
            }
        }

        foreach (var line in subProject.BudgetLines)
        {
            foreach (var year in years)
            {
                var amount = line.Amounts.FirstOrDefault(a => a.Year == year);
                yield return new(TablesEditModel.BudgetKey(line.Id, year), amount is null ? string.Empty : Formats.Number(amount.Amount));
            }
        }
    }
}

internal static class ActionItemYears
{
    /// <summary>The years an action item's cells may use (its period, else its sub-project's).</summary>
    public static YearRange CellYears(this ActionItem item) => item.Period ?? item.SubProject.Period;
}
