using System.Globalization;
using System.Security.Claims;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.PlanWorkbook;
using SocialEconomy.Web.Features.Results;
using static SocialEconomy.Web.Features.ResultsWorkbook.ResultsWorkbookLayout;

namespace SocialEconomy.Web.Features.ResultsWorkbook;

/// <summary>What an upload did: how many rows changed, and every problem by sheet, row and column.</summary>
public sealed record ResultsImportOutcome(bool Saved, int ChangedRows, IReadOnlyList<WorkbookProblem> Problems)
{
    public static ResultsImportOutcome Refused(params IReadOnlyList<WorkbookProblem> problems) => new(false, 0, problems);
}

/// <summary>
/// Reads a department's results workbook back. Every value is checked by the same rules as
/// the year page (IndicatorResult.Read, BudgetExecution.Read); a row is matched by its key and
/// must belong to a sub-project the uploader may work on; submitted or confirmed results are
/// never changed (an unchanged row of theirs is fine). Nothing is saved unless the whole
/// file is valid — or, when the user asks, the valid rows are saved as draft and the rest
/// listed. Whatever is saved is saved in one transaction.
/// </summary>
public sealed class ResultsWorkbookImport(AppDbContext db, IOptions<PlanWorkbookOptions> options, TimeProvider clock, ILogger<ResultsWorkbookImport> log)
{
    public async Task<ResultsImportOutcome> ImportAsync(ClaimsPrincipal user, int planId, int year, int? departmentId, string? fileName, long? length, Stream upload, bool saveValidRows, CancellationToken cancellationToken)
    {
        return await WorkbookGuard.OpenAsync(
            fileName,
            length,
            upload,
            options.Value,
            log,
            async workbook =>
            {
                var scope = await ResultsWorkbookScope.LoadAsync(db, user, planId, year, departmentId, tracked: true, cancellationToken);
                if (scope is null)
                {
                    return ResultsImportOutcome.Refused(WorkbookProblem.OfFile("기본계획이나 연도, 부서를 찾을 수 없습니다."));
                }

                if (scope.Period is not { IsOpen: true })
                {
                    return ResultsImportOutcome.Refused(WorkbookProblem.OfFile($"{year}년 실적 입력 기간이 열려 있지 않아 올릴 수 없습니다."));
                }

                return await ApplyAsync(new Reading(workbook, scope).Run(), scope, user.Identity?.Name ?? "unknown", saveValidRows, cancellationToken);
            },
            ResultsImportOutcome.Refused,
            cancellationToken);
    }

    private async Task<ResultsImportOutcome> ApplyAsync(Reading.Result read, ResultsWorkbookScope scope, string actor, bool saveValidRows, CancellationToken cancellationToken)
    {
        if (read.Fatal || (read.Problems.Count > 0 && !saveValidRows))
        {
            db.ChangeTracker.Clear();
            return new ResultsImportOutcome(false, 0, read.Problems);
        }

        // A sub-project saved by someone else since the download: its rows would undo that save.
        var problems = read.Problems.ToList();
        var stale = read.Changes.Select(c => c.SubProject).Distinct()
            .Where(sub => scope.ResultOf(sub) is { } current && (!read.Versions.TryGetValue(sub.Id, out var seen) || seen.Version != current.Version))
            .ToHashSet();
        foreach (var sub in stale)
        {
            var row = read.Versions.TryGetValue(sub.Id, out var seen) ? seen.Row : (int?)null;
            problems.Add(new WorkbookProblem(NarrativeSheet, row, VersionCol, $"세부사업 {sub.Code}의 실적을 내려받은 뒤에 다른 사용자가 저장했습니다. 이 세부사업의 행은 저장하지 않습니다. 통합 문서를 다시 내려받아 입력하세요."));
        }

        if (stale.Count > 0 && !saveValidRows)
        {
            db.ChangeTracker.Clear();
            return new ResultsImportOutcome(false, 0, problems);
        }

        var changes = read.Changes.Where(c => !stale.Contains(c.SubProject)).ToList();
        var touched = new HashSet<YearResult>();
        foreach (var change in changes)
        {
            var result = scope.ResultOf(change.SubProject) ?? Create(scope, change.SubProject);
            change.Apply(result);
            touched.Add(result);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var result in touched)
        {
            result.Touch(actor, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || touched.Any(r => r.Id == 0))
        {
            db.ChangeTracker.Clear();
            return new ResultsImportOutcome(false, 0, [.. problems, WorkbookProblem.OfFile("다른 사용자가 방금 실적을 저장했습니다. 아무것도 저장하지 않았습니다. 통합 문서를 다시 내려받아 확인한 뒤 올리세요.")]);
        }

        log.LogInformation("Results workbook saved {Rows} rows of {Results} sub-projects, {Problems} problems", changes.Count, touched.Count, problems.Count);
        return new ResultsImportOutcome(true, changes.Count, problems);
    }

    private YearResult Create(ResultsWorkbookScope scope, SubProject sub)
    {
        var result = new YearResult(sub, scope.Year);
        db.YearResults.Add(result);
        ((Dictionary<int, YearResult>)scope.Results)[sub.Id] = result;
        return result;
    }

    /// <summary>A checked row: what it changes, applied only when the import goes ahead.</summary>
    private sealed record Change(SubProject SubProject, Action<YearResult> Apply);

    private sealed class Reading(XLWorkbook workbook, ResultsWorkbookScope scope)
    {
        private readonly List<WorkbookProblem> _problems = [];
        private readonly List<Change> _changes = [];
        private readonly HashSet<string> _seenKeys = new(StringComparer.Ordinal);

        // Every problem counts for the row it is in, also past the listing cap.
        private int _problemCount;

        public sealed record Result(bool Fatal, IReadOnlyList<WorkbookProblem> Problems, IReadOnlyList<Change> Changes)
        {
            /// <summary>Per sub-project id, the results version the workbook was downloaded at (null: none yet) and its row.</summary>
            public IReadOnlyDictionary<int, (Guid? Version, int Row)> Versions { get; init; } = new Dictionary<int, (Guid?, int)>();
        }

        private readonly Dictionary<int, (Guid? Version, int Row)> _versions = [];

        public Result Run()
        {
            var missing = new[] { InfoSheet }.Concat(DataSheets).Where(name => !workbook.TryGetWorksheet(name, out _)).ToList();
            foreach (var name in missing)
            {
                _problems.Add(new WorkbookProblem(name, null, null, $"'{name}' 시트가 없습니다. 포털에서 내려받은 통합 문서를 쓰세요."));
            }

            if (missing.Count > 0 || !CheckInfo())
            {
                return new Result(true, _problems, []);
            }

            var tables = new[]
            {
                (IndicatorSheet, IndicatorColumns, (Action<Table, int>)IndicatorRow),
                (MilestoneSheet, MilestoneColumns, MilestoneRow),
                (BudgetSheet, BudgetColumns, BudgetRow),
                (NarrativeSheet, NarrativeColumns, NarrativeRow),
            };
            var opened = new List<(Table Table, Action<Table, int> Row)>();
            foreach (var (name, columns, row) in tables)
            {
                if (Open(name, columns) is { } table)
                {
                    opened.Add((table, row));
                }
            }

            if (_problems.Count > 0)
            {
                return new Result(true, _problems, []);
            }

            foreach (var (table, row) in opened)
            {
                foreach (var number in table.DataRows())
                {
                    row(table, number);
                }
            }

            return new Result(false, _problems, _changes) { Versions = _versions };
        }

        private bool CheckInfo()
        {
            var sheet = workbook.Worksheet(InfoSheet);
            string? Field(string key) => sheet.RowsUsed().Where(r => PlanWorkbookLayout.Normalize(r.Cell(1).GetString()) == key).Select(r => PlanWorkbookLayout.CellText(r.Cell(2)).Trim()).FirstOrDefault();
            var planId = Field(PlanIdKey);
            var year = Field(YearKey);
            if (planId != scope.Plan.Id.ToString(CultureInfo.InvariantCulture) || year != scope.Year.ToString(CultureInfo.InvariantCulture))
            {
                _problems.Add(new WorkbookProblem(InfoSheet, null, null, $"이 통합 문서는 이 화면의 계획·연도({scope.Plan.Title}, {scope.Year}년)의 것이 아닙니다(계획 번호 {planId ?? "없음"}, 연도 {year ?? "없음"}). 이 화면에서 내려받은 통합 문서를 올리세요."));
                return false;
            }

            return true;
        }

        private Table? Open(string name, IReadOnlyList<string> columns)
        {
            var sheet = workbook.Worksheet(name);

            // The guard (SheetCensus) has already held the rows to MaxRowsPerSheet.
            var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 1;
            var table = new Table(name, sheet, lastRow);
            var lastColumn = Math.Min(sheet.LastColumnUsed()?.ColumnNumber() ?? 0, 200);
            for (var c = 1; c <= lastColumn; c++)
            {
                var header = PlanWorkbookLayout.Normalize(sheet.Cell(1, c).GetString());
                if (header.Length > 0)
                {
                    table.Columns.TryAdd(header, c);
                }
            }

            foreach (var column in columns.Where(c => c == Key || InputColumns.Contains(c)).Where(c => !table.Columns.ContainsKey(c)))
            {
                _problems.Add(new WorkbookProblem(name, 1, column, $"'{column}' 열이 없습니다. 머리글을 고치지 마세요."));
            }

            return table;
        }

        private (SubProject Sub, YearResult? Result)? Row(Table table, int row, Func<SubProject, bool> owns, string key)
        {
            if (!_seenKeys.Add(key))
            {
                Problem(table, row, ResultsWorkbookLayout.Key, $"같은 행(키 {key})이 두 번 나옵니다. 한 번만 남기세요.");
                return null;
            }

            var sub = scope.SubProjects.FirstOrDefault(owns);
            if (sub is null)
            {
                Problem(table, row, ResultsWorkbookLayout.Key, "이 통합 문서로 입력할 수 없는 행입니다. 다른 부서의 세부사업이거나 알 수 없는 행입니다. 내려받은 행만 고치세요.");
                return null;
            }

            return (sub, scope.ResultOf(sub));
        }

        /// <summary>Changes of a submitted or confirmed result are refused; the same values again are not a change.</summary>
        private bool Locked(Table table, int row, YearResult? result, bool changes)
        {
            if (result is { IsEditable: false } && changes)
            {
                Problem(table, row, null, $"{(result.Status == ResultStatus.Confirmed ? "확정된" : "제출한")} 실적은 바꿀 수 없습니다. 이 행의 변경은 저장하지 않습니다.");
                return true;
            }

            return result is { IsEditable: false };
        }

        private void IndicatorRow(Table table, int row)
        {
            var key = Text(table, row, ResultsWorkbookLayout.Key) ?? string.Empty;
            if (Row(table, row, s => s.ActionItems.SelectMany(a => a.Indicators).Any(i => ResultEditModel.IndicatorKey(i.Id) == key), key) is not var (sub, result))
            {
                return;
            }

            var indicator = sub.ActionItems.SelectMany(a => a.Indicators).First(i => ResultEditModel.IndicatorKey(i.Id) == key);
            var problems = _problemCount;
            var actual = Text(table, row, Actual);
            var (_, _, problem) = IndicatorResult.Read(indicator, actual, indicator.TargetFor(scope.Year));
            if (problem is not null)
            {
                Problem(table, row, Actual, problem);
            }

            if (!TryParseJudgement(Text(table, row, JudgementCol), out var judgement))
            {
                Problem(table, row, JudgementCol, "달성 여부는 달성, 일부달성, 미달성 가운데 고르세요.");
            }

            var saved = result?.For(indicator);
            var changes = (saved?.Input ?? string.Empty) != (actual ?? string.Empty) || saved?.Judgement != judgement;
            if (_problemCount == problems && !Locked(table, row, result, changes) && changes)
            {
                _changes.Add(new Change(sub, r => r.RecordIndicator(indicator, actual, judgement)));
            }
        }

        private void MilestoneRow(Table table, int row)
        {
            var key = Text(table, row, ResultsWorkbookLayout.Key) ?? string.Empty;
            if (Row(table, row, s => s.ActionItems.SelectMany(a => a.Milestones).Any(m => ResultEditModel.MilestoneKey(m.Id) == key && m.TextFor(scope.Year) is not null), key) is not var (sub, result))
            {
                return;
            }

            var milestone = sub.ActionItems.SelectMany(a => a.Milestones).First(m => ResultEditModel.MilestoneKey(m.Id) == key);
            var problems = _problemCount;
            if (!TryParseState(Text(table, row, StateCol), out var state))
            {
                Problem(table, row, StateCol, "추진 상황은 완료, 추진중, 미추진 가운데 고르세요.");
            }

            var note = Text(table, row, Note);
            if (note?.Length > MilestoneProgress.NoteMaxLength)
            {
                Problem(table, row, Note, $"비고는 {MilestoneProgress.NoteMaxLength.ToString(CultureInfo.InvariantCulture)}자 이내로 입력하세요.");
            }

            var saved = result?.For(milestone);
            var changes = saved?.State != state || (saved?.Note ?? string.Empty) != (note ?? string.Empty);
            if (_problemCount == problems && !Locked(table, row, result, changes) && changes)
            {
                _changes.Add(new Change(sub, r => r.RecordMilestone(milestone, state, note)));
            }
        }

        private void BudgetRow(Table table, int row)
        {
            var key = Text(table, row, ResultsWorkbookLayout.Key) ?? string.Empty;
            if (Row(table, row, s => s.BudgetLines.Any(b => !b.IsNonBudget && ResultEditModel.BudgetKey(b.Id) == key), key) is not var (sub, result))
            {
                return;
            }

            var line = sub.BudgetLines.First(b => ResultEditModel.BudgetKey(b.Id) == key);
            var problems = _problemCount;
            var executed = Text(table, row, Executed);
            if (BudgetExecution.Read(line, executed).Problem is { } problem)
            {
                Problem(table, row, Executed, problem);
            }

            var changes = (result?.For(line)?.Input ?? string.Empty) != (executed ?? string.Empty);
            if (_problemCount == problems && !Locked(table, row, result, changes) && changes)
            {
                _changes.Add(new Change(sub, r => r.RecordExecution(line, executed)));
            }
        }

        private void NarrativeRow(Table table, int row)
        {
            var key = Text(table, row, ResultsWorkbookLayout.Key) ?? string.Empty;
            if (Row(table, row, s => $"s{s.Id.ToString(CultureInfo.InvariantCulture)}" == key, key) is not var (sub, result))
            {
                return;
            }

            _versions[sub.Id] = (Guid.TryParse(Text(table, row, VersionCol), out var version) ? version : null, row);
            var problems = _problemCount;
            string? Narrative(string column)
            {
                var value = Text(table, row, column);
                if (value?.Length > YearResult.NarrativeMaxLength)
                {
                    Problem(table, row, column, $"{column}은(는) {YearResult.NarrativeMaxLength.ToString(CultureInfo.InvariantCulture)}자 이내로 입력하세요.");
                }

                return value;
            }

            var (achievements, issues, improvements) = (Narrative(Achievements), Narrative(Problems), Narrative(Improvements));
            var changes = (result?.Achievements ?? string.Empty) != (achievements ?? string.Empty)
                || (result?.Problems ?? string.Empty) != (issues ?? string.Empty)
                || (result?.Improvements ?? string.Empty) != (improvements ?? string.Empty);
            if (_problemCount == problems && !Locked(table, row, result, changes) && changes)
            {
                _changes.Add(new Change(sub, r => r.SetNarratives(achievements, issues, improvements)));
            }
        }

        /// <summary>A cell as typed (line breaks kept for narratives); formulas are refused, blanks are null.</summary>
        private string? Text(Table table, int row, string column)
        {
            if (!table.Columns.TryGetValue(column, out var index))
            {
                return null;
            }

            var cell = table.Sheet.Cell(row, index);
            if (cell.HasFormula)
            {
                Problem(table, row, column, WorkbookProblem.FormulaRefused);
                return null;
            }

            var text = PlanWorkbookLayout.CellText(cell).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            return text.Length == 0 ? null : text;
        }

        private void Problem(Table table, int row, string? column, string message)
        {
            _problemCount++;
            if (_problems.Count < PlanWorkbookReader.ProblemLimit)
            {
                _problems.Add(new WorkbookProblem(table.Name, row, column, message));
            }
        }
    }

    private sealed class Table(string name, IXLWorksheet sheet, int lastRow)
    {
        public string Name { get; } = name;

        public IXLWorksheet Sheet { get; } = sheet;

        public Dictionary<string, int> Columns { get; } = new(StringComparer.Ordinal);

        /// <summary>Rows 2..last that hold anything.</summary>
        public IEnumerable<int> DataRows() =>
            Enumerable.Range(2, Math.Max(0, lastRow - 1))
                .Where(row => Columns.Values.Any(c => Sheet.Cell(row, c) is var cell && (cell.HasFormula || !string.IsNullOrWhiteSpace(cell.GetString()))));
    }
}
