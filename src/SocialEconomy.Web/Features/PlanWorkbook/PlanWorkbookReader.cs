using System.Globalization;
using ClosedXML.Excel;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;
using static SocialEconomy.Web.Features.PlanWorkbook.PlanWorkbookLayout;

namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>
/// What reading a workbook gave: a new draft plan, or the problems that refuse it; and the
/// department names the importing government lacks, which the plan refers to as new
/// departments (saved with it only once someone allowed to has confirmed them).
/// </summary>
public sealed record PlanWorkbookReadResult(BasicPlan? Plan, IReadOnlyList<WorkbookProblem> Problems, int? TitleRow, IReadOnlyList<NewDepartment> NewDepartments);

/// <summary>A department name the workbook uses that the importing government does not have, and where it is first used.</summary>
public sealed record NewDepartment(string Name, string Sheet, int Row, string Column);

/// <summary>
/// Whose plan a workbook becomes: the importing (signer's) government, never the workbook's
/// 자치단체 text; its departments; and whether names it lacks may become new departments.
/// </summary>
public sealed record PlanImportTarget(LocalGovernment Government, IReadOnlyCollection<Department> Departments, bool MayCreateDepartments);

/// <summary>
/// Reads a plan workbook (docs/plan-workbook.md) into a new draft plan, built through the
/// domain's own methods exactly as PlanSeeder builds the reference plan. Nothing stops at
/// the first problem: every cell is checked, every DomainException is caught and kept with
/// its sheet, row and column, and the plan is returned only when there is no problem at all.
/// Departments are looked up by name among the importing government's; a name it lacks
/// becomes a new department of that government when the target allows it (the service
/// saves those only after a confirmation), else a problem.
/// </summary>
public static class PlanWorkbookReader
{
    /// <summary>After this many problems the reading stops: the list is long enough to act on.</summary>
    public const int ProblemLimit = 10_000;

    public static PlanWorkbookReadResult Read(XLWorkbook workbook, PlanImportTarget target, string? newTitle)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(target);
        return new Reading(workbook, target, string.IsNullOrWhiteSpace(newTitle) ? null : newTitle.Trim()).Run();
    }

    /// <summary>
    /// The message beside a 자치단체 cell that names another government: the plan would belong
    /// to the signer's government whatever the cell says, so a mismatch is more likely a wrong
    /// file or a wrong account than an intent.
    /// </summary>
    public static string OtherGovernment(string written, LocalGovernment government)
    {
        ArgumentNullException.ThrowIfNull(government);
        return $"자치단체 '{written}'은(는) 가져오는 기관({government.Name})과 다릅니다. '{government.ShortName}' 또는 '{government.Name}'(으)로 적거나, 이 계획을 가져올 기관의 계정으로 올리세요.";
    }

    public static string UnknownDepartment(string name) =>
        $"알 수 없는 부서 '{name}'. 포털에 등록된 부서명을 적으세요(새 부서는 주무부서나 관리자가 가져올 때 만들 수 있습니다).";

    /// <summary>One read of one workbook: the problems found so far and what has been built.</summary>
    private sealed class Reading(XLWorkbook workbook, PlanImportTarget target, string? newTitle)
    {
        private readonly LocalGovernment _government = target.Government;
        private readonly List<WorkbookProblem> _problems = [];
        private readonly Dictionary<string, Department> _created = new(StringComparer.Ordinal);
        private readonly List<NewDepartment> _newDepartments = [];
        private readonly Dictionary<int, StrategicTask> _tasks = [];
        private readonly Dictionary<string, SubProject> _subProjects = new(StringComparer.Ordinal);
        private readonly HashSet<string> _failedCodes = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Code, string Name), (Domain.Planning.ActionItem Item, int Row)> _items = [];
        private readonly HashSet<(string Code, string Name)> _failedItems = [];
        private BasicPlan _plan = null!;
        private Department? _placeholderDepartment;
        private StrategicTask? _placeholderTask;
        private bool _stopped;

        public PlanWorkbookReadResult Run()
        {
            var info = OpenTable(InfoSheet, [KeyHeader, ValueHeader], withYears: false);
            var structure = OpenTable(StructureSheet, StructureColumns, withYears: false);
            var indicators = OpenTable(IndicatorSheet, IndicatorColumns, withYears: true);
            var milestones = OpenTable(MilestoneSheet, MilestoneColumns, withYears: true);
            var budget = OpenTable(BudgetSheet, BudgetColumns, withYears: true);
            var yearTables = new[] { indicators, milestones, budget }.OfType<Table>().ToList();

            var fields = info is null ? null : ReadInfoFields(info);
            var period = fields?.Period;
            if (period is { } known)
            {
                foreach (var table in yearTables)
                {
                    CheckYearColumns(table, known);
                }
            }

            // Without a readable period the year headers stand in for it, so that the rest is still checked.
            var buildPeriod = period ?? PeriodFromHeaders(yearTables);
            if (buildPeriod is null || !BuildPlan(fields, buildPeriod.Value))
            {
                return Result(titleRow: fields?.TitleRow);
            }

            if (structure is not null)
            {
                ReadStructure(structure);
                if (indicators is not null)
                {
                    ReadIndicators(indicators);
                }

                if (milestones is not null)
                {
                    ReadMilestones(milestones);
                }

                if (budget is not null)
                {
                    ReadBudget(budget);
                }
            }

            return Result(fields?.TitleRow);
        }

        private PlanWorkbookReadResult Result(int? titleRow) =>
            new(_problems.Count == 0 ? _plan : null, _problems, titleRow, _newDepartments);

        // ---- tables -------------------------------------------------------------------

        private Table? OpenTable(string name, IReadOnlyList<string> headers, bool withYears)
        {
            if (!workbook.TryGetWorksheet(name, out var sheet))
            {
                Add(name, null, null, $"'{name}' 시트가 없습니다. 내려받은 양식의 시트 이름을 바꾸지 마세요.");
                return null;
            }

            // The guard (SheetCensus) has already held the rows to MaxRowsPerSheet.
            var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
            var table = new Table(name, sheet, lastRow);
            var lastColumn = Math.Min(sheet.LastColumnUsed()?.ColumnNumber() ?? 0, MaxColumns);
            var complete = true;
            for (var column = 1; column <= lastColumn; column++)
            {
                var cell = sheet.Cell(1, column);
                var header = Normalize(cell.HasFormula ? cell.FormulaA1 : RawText(cell));
                if (header.Length == 0)
                {
                    continue;
                }

                if (headers.Contains(header, StringComparer.Ordinal))
                {
                    if (!table.Columns.TryAdd(header, column))
                    {
                        Problem(name, 1, column, $"열 제목 '{header}'이(가) 두 번 있습니다.");
                    }
                }
                else if (withYears && IgnoredColumns.Contains(header))
                {
                    continue;
                }
                else if (withYears && TryParseYear(header, out var year))
                {
                    if (table.Years.Any(y => y.Year == year))
                    {
                        Problem(name, 1, column, $"{year.ToString(CultureInfo.InvariantCulture)}년 열이 두 번 있습니다.");
                    }
                    else
                    {
                        table.Years.Add((year, column));
                    }
                }
                else
                {
                    Problem(name, 1, column, withYears
                        ? $"알 수 없는 열 제목 '{header}'. 연도 열은 '2020년'처럼 적으세요."
                        : $"알 수 없는 열 제목 '{header}'.");
                }
            }

            foreach (var header in headers.Where(h => !table.Columns.ContainsKey(h)))
            {
                Add(name, 1, null, $"필수 열 '{header}'이(가) 없습니다.");
                complete = false;
            }

            return complete ? table : null;
        }

        private void CheckYearColumns(Table table, YearRange period)
        {
            foreach (var (year, column) in table.Years.ToList())
            {
                if (!period.Contains(year))
                {
                    Problem(table.Name, 1, column, $"{year.ToString(CultureInfo.InvariantCulture)}년 열은 계획기간({period}) 밖의 연도입니다.");
                    table.Years.Remove((year, column));
                }
            }

            foreach (var year in period.Years.Where(y => table.Years.All(c => c.Year != y)))
            {
                Add(table.Name, 1, null, $"계획기간의 '{YearHeader(year)}' 열이 없습니다.");
            }

            table.Years.Sort((a, b) => a.Year.CompareTo(b.Year));
        }

        private static YearRange? PeriodFromHeaders(IReadOnlyList<Table> tables)
        {
            var years = tables.SelectMany(t => t.Years.Select(y => y.Year)).ToList();
            if (years.Count == 0)
            {
                return null;
            }

            try
            {
                return new YearRange(years.Min(), years.Max());
            }
            catch (DomainException)
            {
                return null;
            }
        }

        // ---- 기본정보 ------------------------------------------------------------------

        private InfoFields? ReadInfoFields(Table table)
        {
            var rows = new Dictionary<string, int>(StringComparer.Ordinal);
            var goalRows = new List<int>();
            foreach (var row in table.DataRows())
            {
                var key = Normalize(Value(table, row, KeyHeader));
                if (key.Length == 0)
                {
                    Problem(table, row, KeyHeader, "항목 이름을 입력하세요.");
                }
                else if (!InfoKeys.Contains(key, StringComparer.Ordinal))
                {
                    Problem(table, row, KeyHeader, $"알 수 없는 항목 '{key}'.");
                }
                else if (key == Goal)
                {
                    goalRows.Add(row);
                }
                else if (rows.TryGetValue(key, out var firstRow))
                {
                    Problem(table, row, KeyHeader, $"'{key}' 항목이 두 번 있습니다({Number(firstRow)}행).");
                }
                else
                {
                    rows[key] = row;
                }
            }

            foreach (var key in RequiredInfoKeys.Where(k => !rows.ContainsKey(k) && !(k == Title && newTitle is not null)))
            {
                Add(table.Name, null, "A", $"'{key}' 항목이 없습니다.");
            }

            string? Field(string key, int max, bool required) =>
                rows.TryGetValue(key, out var row) ? Text(table, row, ValueHeader, key, required, max) : null;

            int? YearField(string key) =>
                rows.TryGetValue(key, out var row) ? Year(table, row, ValueHeader, key, required: true) : null;

            var fields = new InfoFields(table)
            {
                TitleRow = rows.TryGetValue(Title, out var titleRow) ? titleRow : null,
                Title = newTitle ?? Field(Title, MaxLength.Title, required: true),
                Subtitle = Field(Subtitle, MaxLength.Subtitle, required: false),
                Slogan = Field(Slogan, MaxLength.Slogan, required: false),
                District = Field(District, MaxLength.District, required: true),
                Vision = Field(Vision, MaxLength.Vision, required: true),
                Purpose = Field(Purpose, MaxLength.Purpose, required: false),
                LegalBasis = Field(LegalBasis, MaxLength.LegalBasis, required: false),
                Note = Field(FinancialPlanNote, MaxLength.FinancialPlanNote, required: false),
                Goals = goalRows.Select(row => (row, Text(table, row, ValueHeader, Goal, required: true, MaxLength.Goal))).ToList(),
                Rows = rows,
            };

            if (fields.District is { } district && !NamesGovernment(district))
            {
                Problem(table, rows[District], ValueHeader, OtherGovernment(district, _government));
            }

            if (rows.TryGetValue(OwningDepartment, out var departmentRow)
                && Text(table, departmentRow, ValueHeader, OwningDepartment, required: true, Department.NameMaxLength) is { } departmentName)
            {
                fields.Department = FindDepartment(table, departmentRow, ValueHeader, departmentName);
            }

            if (rows.TryGetValue(BudgetUnit, out var unitRow) && Text(table, unitRow, ValueHeader, BudgetUnit, required: true, 20) is { } unitText)
            {
                fields.BudgetUnit = ParseUnit(table, unitRow, ValueHeader, unitText);
            }

            var first = YearField(FirstYear);
            var last = YearField(LastYear);
            if (first is { } from && last is { } to)
            {
                try
                {
                    fields.Period = new YearRange(from, to);
                }
                catch (DomainException ex)
                {
                    var blame = from is < YearRange.MinYear or > YearRange.MaxYear ? FirstYear : LastYear;
                    Problem(table, rows[blame], ValueHeader, ex.Message);
                }
            }

            return fields;
        }

        private bool BuildPlan(InfoFields? fields, YearRange period)
        {
            // The plan is the signer's government's: its 자치단체 is that government's short name.
            var district = _government.ShortName;
            var department = fields?.Department ?? Placeholder(district);
            try
            {
                _plan = new BasicPlan(fields?.Title ?? "(계획명)", district, department, period, fields?.Vision ?? "(비전)");
            }
            catch (DomainException ex)
            {
                Add(InfoSheet, fields?.TitleRow, "B", ex.Message);
                return false;
            }

            if (fields is null)
            {
                return true;
            }

            var table = fields.Table;
            Attempt(table, fields.Rows.TryGetValue(Subtitle, out var subtitleRow) ? subtitleRow : null, ValueHeader, () => _plan.Describe(fields.Subtitle, fields.Slogan, fields.Purpose, fields.LegalBasis));
            if (fields.BudgetUnit is { } unit)
            {
                Attempt(table, fields.Rows[BudgetUnit], ValueHeader, () => _plan.SetFinancialPlan(unit, fields.Note));
            }

            foreach (var (row, text) in fields.Goals)
            {
                if (text is not null)
                {
                    Attempt(table, row, ValueHeader, () => _plan.AddGoal(text));
                }
            }

            return true;
        }

        // ---- 추진체계 ------------------------------------------------------------------

        private static readonly IReadOnlyDictionary<string, string[]> StructureColumnsByKind = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [TaskRow] = [RowKind, TaskNumber, Name, ShortName],
            [SubProjectRow] = [RowKind, TaskNumber, Code, Name, LeadDepartment, SharingDepartments, StartYear, EndYear, Directions, Overview],
            [ActionItemRow] = [RowKind, Code, Name, StartYear, EndYear, Overview, Details, TableCaption],
        };

        private void ReadStructure(Table table)
        {
            var rowsByKind = StructureColumnsByKind.Keys.ToDictionary(k => k, _ => new List<int>(), StringComparer.Ordinal);
            foreach (var row in table.DataRows())
            {
                var kind = Normalize(Value(table, row, RowKind));
                if (!rowsByKind.TryGetValue(kind, out var rows))
                {
                    Problem(table, row, RowKind, kind.Length == 0
                        ? $"{RowKind}을(를) 입력하세요. {TaskRow}, {SubProjectRow}, {ActionItemRow} 중 하나를 적습니다."
                        : $"알 수 없는 구분 '{kind}'. {TaskRow}, {SubProjectRow}, {ActionItemRow} 중 하나를 적으세요.");
                    continue;
                }

                foreach (var header in StructureColumns.Except(StructureColumnsByKind[kind], StringComparer.Ordinal))
                {
                    if (!IsBlank(table, row, table.Columns[header]))
                    {
                        Problem(table, row, header, $"{kind} 행에는 '{header}'을(를) 적지 않습니다.");
                    }
                }

                rows.Add(row);
            }

            // Tasks first, then sub-projects, then action items: each may refer to rows above or below it.
            foreach (var row in rowsByKind[TaskRow])
            {
                ReadTask(table, row);
            }

            foreach (var row in rowsByKind[SubProjectRow])
            {
                ReadSubProject(table, row);
            }

            foreach (var row in rowsByKind[ActionItemRow])
            {
                ReadActionItem(table, row);
            }
        }

        private void ReadTask(Table table, int row)
        {
            var number = Whole(table, row, TaskNumber, required: true);
            var name = Text(table, row, Name, "추진과제명", required: true, MaxLength.TaskName);
            var shortName = Text(table, row, ShortName, ShortName, required: false, MaxLength.TaskShortName);
            if (number is { } n && name is not null)
            {
                var task = Attempt(table, row, TaskNumber, () => _plan.AddTask(n, name, shortName));
                if (task is not null)
                {
                    _tasks[n] = task;
                }
            }
        }

        private void ReadSubProject(Table table, int row)
        {
            var taskNumber = Whole(table, row, TaskNumber, required: true);
            var code = SubProjectCodeText(table, row);
            var name = Text(table, row, Name, "세부사업명", required: true, MaxLength.SubProjectName);
            var leadName = Text(table, row, LeadDepartment, LeadDepartment, required: true, Department.NameMaxLength);
            var lead = leadName is null ? null : FindDepartment(table, row, LeadDepartment, leadName);
            var sharing = DepartmentNames(Value(table, row, SharingDepartments))
                .Select(n => FindDepartment(table, row, SharingDepartments, n))
                .ToList();
            var period = Period(table, row, required: true);
            var directions = Lines(table, row, Directions, MaxLength.Directions);
            var overview = Text(table, row, Overview, Overview, required: false, MaxLength.Overview);

            StrategicTask? task = null;
            if (taskNumber is { } number && !_tasks.TryGetValue(number, out task))
            {
                Problem(table, row, TaskNumber, $"추진과제 {Number(number)}이(가) 없습니다. {TaskRow} 행에 과제번호 {Number(number)}을(를) 적으세요.");
            }

            if (code is null)
            {
                return;
            }

            if (period is { } range && !_plan.Period.Contains(range))
            {
                Problem(table, row, _plan.Period.Contains(range.First) ? EndYear : StartYear, $"세부사업 기간({range})은 계획기간({_plan.Period}) 안이어야 합니다.");
                period = null;
            }

            if (name is null || period is null)
            {
                _failedCodes.Add(code);
                return;
            }

            // An unknown task or department is reported above; a stand-in lets the rows below be checked too.
            var subProject = Attempt(table, row, Code, () => (task ?? PlaceholderTask()).AddSubProject(code, name, lead ?? Placeholder(_plan.District), period.Value));
            if (subProject is null)
            {
                if (!_subProjects.ContainsKey(code))
                {
                    _failedCodes.Add(code);
                }

                return;
            }

            _subProjects[code] = subProject;
            Attempt(table, row, Directions, () => subProject.Describe(directions, overview));
            foreach (var department in sharing.OfType<Department>())
            {
                Attempt(table, row, SharingDepartments, () => subProject.ShareWith(department));
            }
        }

        private void ReadActionItem(Table table, int row)
        {
            var code = SubProjectCodeText(table, row);
            var name = Text(table, row, Name, "단위사업명", required: true, MaxLength.ActionItemName);
            var period = Period(table, row, required: false);
            var periodGiven = period is not null || !IsBlank(table, row, table.Columns[StartYear]) || !IsBlank(table, row, table.Columns[EndYear]);
            var summary = Text(table, row, Overview, "사업개요", required: false, MaxLength.Summary);
            var details = Lines(table, row, Details, MaxLength.Details);
            var caption = Text(table, row, TableCaption, TableCaption, required: false, MaxLength.TableCaption);
            if (code is null || name is null || SubProjectFor(table, row, Code, code) is not { } subProject)
            {
                if (code is not null && name is not null)
                {
                    _failedItems.Add((code, Normalize(name)));
                }

                return;
            }

            var key = (code, Normalize(name));
            if (_items.TryGetValue(key, out var existing))
            {
                Problem(table, row, Name, $"세부사업 '{code}'에 같은 이름의 단위사업 '{name}'이(가) 이미 있습니다({Number(existing.Row)}행).");
                return;
            }

            if (period is { } range && !subProject.Period.Contains(range))
            {
                Problem(table, row, subProject.Period.Contains(range.First) ? EndYear : StartYear, $"단위사업 기간({range})은 세부사업 기간({subProject.Period}) 안이어야 합니다.");
                _failedItems.Add(key);
                return;
            }

            if (periodGiven && period is null)
            {
                _failedItems.Add(key);
                return;
            }

            var item = Attempt(table, row, Name, () => subProject.AddActionItem(name, period));
            if (item is null)
            {
                _failedItems.Add(key);
                return;
            }

            _items[key] = (item, row);
            Attempt(table, row, Overview, () => item.Describe(summary, details, caption));
        }

        // ---- 성과지표, 연도별 추진계획, 재정계획 -------------------------------------------

        private void ReadIndicators(Table table)
        {
            foreach (var row in table.DataRows())
            {
                var (_, item, _) = References(table, row, itemRequired: true);
                var group = Text(table, row, Group, Group, required: false, MaxLength.Group);
                var name = Text(table, row, IndicatorName, IndicatorName, required: true, MaxLength.IndicatorName);
                var unitText = Text(table, row, UnitHeader, UnitHeader, required: true, 20);
                var unit = unitText is null ? null : ParseUnit(table, row, UnitHeader, unitText);
                var kindText = Text(table, row, Kind, Kind, required: true, 20);
                IndicatorKind? kind = null;
                if (kindText is not null)
                {
                    if (TryParseKind(kindText, out var parsedKind))
                    {
                        kind = parsedKind;
                    }
                    else
                    {
                        Problem(table, row, Kind, $"알 수 없는 유형 '{kindText}'. {string.Join(", ", KindLabels)} 중 하나를 적으세요.");
                    }
                }

                var ruleText = Text(table, row, TotalRuleHeader, TotalRuleHeader, required: true, 20);
                Domain.Planning.TotalRule? rule = null;
                if (ruleText is not null)
                {
                    if (TryParseTotalRule(ruleText, out var parsedRule))
                    {
                        rule = parsedRule;
                    }
                    else
                    {
                        Problem(table, row, TotalRuleHeader, $"알 수 없는 계 산정방식 '{ruleText}'. {string.Join(", ", TotalRuleLabels)} 중 하나를 적으세요.");
                    }
                }

                var totalText = Text(table, row, TotalText, TotalText, required: false, MaxLength.TotalText);
                if (item is null || name is null || unit is null || kind is null || rule is null)
                {
                    continue;
                }

                var indicator = Attempt(table, row, Kind, () => item.AddIndicator(name, unit, kind.Value, rule.Value, group));
                if (indicator is null)
                {
                    continue;
                }

                foreach (var (year, column) in table.Years)
                {
                    // A blank cell sets nothing, so a year outside the action item's period may stay blank.
                    if (Value(table, row, column) is not { } cell)
                    {
                        continue;
                    }

                    var target = Attempt(table, row, column, () => TargetValue.Parse(cell, unit));
                    if (target is not null)
                    {
                        Attempt(table, row, column, () => indicator.SetTarget(year, target));
                    }
                }

                Attempt(table, row, TotalText, () => indicator.SetTotalText(totalText));
            }
        }

        private void ReadMilestones(Table table)
        {
            foreach (var row in table.DataRows())
            {
                var (_, item, _) = References(table, row, itemRequired: true);
                var label = Text(table, row, MilestoneLabel, MilestoneLabel, required: false, MaxLength.MilestoneLabel);
                if (item is null)
                {
                    continue;
                }

                var milestone = Attempt(table, row, MilestoneLabel, () => item.AddMilestone(label));
                if (milestone is null)
                {
                    continue;
                }

                foreach (var (year, column) in table.Years)
                {
                    if (Value(table, row, column) is { } text)
                    {
                        Attempt(table, row, column, () => milestone.SetText(year, text));
                    }
                }
            }
        }

        private void ReadBudget(Table table)
        {
            foreach (var row in table.DataRows())
            {
                var (subProject, item, itemMissing) = References(table, row, itemRequired: false);
                var name = Text(table, row, BudgetLineName, BudgetLineName, required: true, MaxLength.BudgetLineName);
                var unitText = Text(table, row, UnitHeader, UnitHeader, required: true, 20);
                var unit = unitText is null ? null : ParseUnit(table, row, UnitHeader, unitText);
                var flag = Value(table, row, NonBudget);
                if (!TryParseNonBudget(flag, out var isNonBudget))
                {
                    Problem(table, row, NonBudget, $"비예산 칸에는 '{Yes}'를 적거나 비워 두세요: '{flag}'");
                }

                var amounts = new List<(int Year, int Column, decimal Amount)>();
                foreach (var (year, column) in table.Years)
                {
                    var text = Value(table, row, column);
                    if (text is null || Normalize(text) is "-" or "–" or "—")
                    {
                        continue;
                    }

                    if (TryParseAmount(text, unit ?? Domain.Planning.Unit.Won, out var amount))
                    {
                        amounts.Add((year, column, amount));
                    }
                    else
                    {
                        Problem(table.Name, row, column, $"금액 '{Shorten(text)}'은(는) 숫자가 아닙니다. 1,000처럼 숫자만 적으세요.");
                    }
                }

                if (subProject is null || itemMissing || name is null || unit is null)
                {
                    continue;
                }

                var line = Attempt(table, row, UnitHeader, () => subProject.AddBudgetLine(name, unit, item));
                if (line is null)
                {
                    continue;
                }

                if (isNonBudget)
                {
                    line.MarkNonBudget();
                }

                foreach (var (year, column, amount) in amounts)
                {
                    Attempt(table, row, column, () => line.SetAmount(year, amount));
                }
            }
        }

        // ---- references ----------------------------------------------------------------

        /// <summary>The sub-project of a code; null (and silent) when its own row already failed.</summary>
        private SubProject? SubProjectFor(Table table, int row, string header, string code)
        {
            if (_subProjects.TryGetValue(code, out var subProject))
            {
                return subProject;
            }

            if (!_failedCodes.Contains(code))
            {
                Problem(table, row, header, $"알 수 없는 세부사업 코드 '{code}'. {StructureSheet} 시트에 이 코드의 {SubProjectRow} 행이 있어야 합니다.");
            }

            return null;
        }

        /// <summary>
        /// The sub-project (세부사업 코드) and action item (단위사업) a row of the last three
        /// sheets belongs to. ItemMissing: an action item was named but cannot be used.
        /// </summary>
        private (SubProject? SubProject, Domain.Planning.ActionItem? Item, bool ItemMissing) References(Table table, int row, bool itemRequired)
        {
            var code = SubProjectCodeText(table, row);
            var name = Text(table, row, ActionItemHeader, ActionItemHeader, itemRequired, MaxLength.ActionItemName);
            var named = !IsBlank(table, row, table.Columns[ActionItemHeader]);
            var subProject = code is null ? null : SubProjectFor(table, row, Code, code);
            if (subProject is null || name is null)
            {
                return (subProject, null, named);
            }

            var key = (code!, Normalize(name));
            if (_items.TryGetValue(key, out var found))
            {
                return (subProject, found.Item, false);
            }

            if (!_failedItems.Contains(key))
            {
                Problem(table, row, ActionItemHeader, $"세부사업 '{code}'에 단위사업 '{name}'이(가) 없습니다. {StructureSheet} 시트의 단위사업명과 똑같이 적으세요.");
            }

            return (subProject, null, true);
        }

        /// <summary>"성북구", "서울특별시 성북구" or "서울특별시성북구": the importing government by either of its names.</summary>
        private bool NamesGovernment(string written)
        {
            static string Compact(string text) => Normalize(text).Replace(" ", string.Empty, StringComparison.Ordinal);
            var wanted = Compact(written);
            return wanted == Compact(_government.ShortName) || wanted == Compact(_government.Name);
        }

        private Department? FindDepartment(Table table, int row, string header, string name)
        {
            var matches = target.Departments.Where(d => string.Equals(d.Name, name, StringComparison.Ordinal)).ToList();
            if (matches.Count > 1 && matches.Count(d => d.IsActive) == 1)
            {
                matches = matches.Where(d => d.IsActive).ToList();
            }

            switch (matches.Count)
            {
                case 1:
                    return matches[0];
                case 0 when target.MayCreateDepartments:
                    return NewDepartmentFor(table, row, header, name);
                case 0:
                    Problem(table, row, header, UnknownDepartment(name));
                    return null;
                default:
                    Problem(table, row, header, $"부서 '{name}'이(가) 여러 개 있어 어느 부서인지 알 수 없습니다.");
                    return null;
            }
        }

        /// <summary>One new department per name, whichever cells use it; the first use is what the confirmation shows.</summary>
        private Department? NewDepartmentFor(Table table, int row, string header, string name)
        {
            if (_created.TryGetValue(name, out var known))
            {
                return known;
            }

            var department = Attempt(table, row, header, () => new Department(_government, name));
            if (department is not null)
            {
                _created[name] = department;
                var column = table.Columns.TryGetValue(header, out var number) ? XLHelper.GetColumnLetterFromNumber(number) : "-";
                _newDepartments.Add(new NewDepartment(department.Name, table.Name, row, column));
            }

            return department;
        }

        private Domain.Planning.Unit? ParseUnit(Table table, int row, string header, string text)
        {
            if (Domain.Planning.Unit.TryParse(Normalize(text), out var unit))
            {
                return unit;
            }

            Problem(table, row, header, $"알 수 없는 단위 '{text}'");
            return null;
        }

        private Department Placeholder(string district) =>
            _placeholderDepartment ??= new Department(new LocalGovernment(GovernmentLevel.Local, "(미확인)", district), "(미확인 부서)");

        private StrategicTask PlaceholderTask() =>
            _placeholderTask ??= _plan.AddTask(int.MaxValue, "(미확인 추진과제)", null);

        // ---- cells ---------------------------------------------------------------------

        private const int MaxColumns = 200;

        /// <summary>A cell as text: numbers in invariant notation, formulas refused, blanks null.</summary>
        private string? Value(Table table, int row, string header) =>
            table.Columns.TryGetValue(header, out var column) ? Value(table, row, column) : null;

        private string? Value(Table table, int row, int column)
        {
            var cell = table.Sheet.Cell(row, column);
            if (cell.HasFormula)
            {
                Problem(table.Name, row, column, WorkbookProblem.FormulaRefused);
                return null;
            }

            var text = RawText(cell);
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        private static string RawText(IXLCell cell) => PlanWorkbookLayout.CellText(cell);

        private static bool IsBlank(Table table, int row, int column)
        {
            var cell = table.Sheet.Cell(row, column);
            return !cell.HasFormula && string.IsNullOrWhiteSpace(RawText(cell));
        }

        /// <summary>A text field: required ones must not be blank; none may be longer than the domain takes.</summary>
        private string? Text(Table table, int row, string header, string label, bool required, int maxLength)
        {
            var value = Value(table, row, header);
            if (value is null)
            {
                if (required && table.Columns.ContainsKey(header))
                {
                    Problem(table, row, header, $"{label}을(를) 입력하세요.");
                }

                return null;
            }

            var trimmed = value.Trim();
            if (trimmed.Length > maxLength)
            {
                Problem(table, row, header, $"{label}은(는) {Number(maxLength)}자 이내로 입력하세요(지금 {Number(trimmed.Length)}자).");
                return null;
            }

            return trimmed;
        }

        /// <summary>A code cell in its stored form ("１-１" is "1-1"), or null with a problem when it cannot be a code (SubProjectCode).</summary>
        private string? SubProjectCodeText(Table table, int row)
        {
            var value = Value(table, row, Code);
            if (value is null)
            {
                if (table.Columns.ContainsKey(Code))
                {
                    Problem(table, row, Code, $"{Code}을(를) 입력하세요.");
                }

                return null;
            }

            if (Domain.Planning.SubProjectCode.Refusal(value) is { } refusal)
            {
                Problem(table, row, Code, refusal);
                return null;
            }

            return Domain.Planning.SubProjectCode.Normalize(value);
        }

        private List<string> Lines(Table table, int row, string header, int maxLength)
        {
            var lines = PlanWorkbookLayout.Lines(Value(table, row, header)).ToList();
            var length = JoinLines(lines).Length;
            if (length > maxLength)
            {
                Problem(table, row, header, $"{header}은(는) 모두 {Number(maxLength)}자 이내로 입력하세요(지금 {Number(length)}자).");
                return [];
            }

            return lines;
        }

        private int? Year(Table table, int row, string header, string label, bool required)
        {
            var value = Value(table, row, header);
            if (value is null)
            {
                if (required)
                {
                    Problem(table, row, header, $"{label}을(를) 입력하세요.");
                }

                return null;
            }

            if (TryParseYear(value, out var year))
            {
                return year;
            }

            Problem(table, row, header, $"{label} '{Shorten(value)}'은(는) 연도가 아닙니다. 2020처럼 네 자리 숫자로 적으세요.");
            return null;
        }

        private int? Whole(Table table, int row, string header, bool required)
        {
            var value = Value(table, row, header);
            if (value is null)
            {
                if (required)
                {
                    Problem(table, row, header, $"{header}을(를) 입력하세요.");
                }

                return null;
            }

            if (TryParseWholeNumber(value, out var number))
            {
                return number;
            }

            Problem(table, row, header, $"{header} '{Shorten(value)}'은(는) 숫자가 아닙니다. 1처럼 숫자로 적으세요.");
            return null;
        }

        private YearRange? Period(Table table, int row, bool required)
        {
            var first = Year(table, row, StartYear, StartYear, required);
            var last = Year(table, row, EndYear, EndYear, required);
            if (first is null && last is null)
            {
                return null;
            }

            if (first is null || last is null)
            {
                if (!required && (first is null ? IsBlank(table, row, table.Columns[StartYear]) : IsBlank(table, row, table.Columns[EndYear])))
                {
                    Problem(table, row, first is null ? StartYear : EndYear, "시작연도와 종료연도는 함께 적거나 함께 비워 두세요.");
                }

                return null;
            }

            try
            {
                return new YearRange(first.Value, last.Value);
            }
            catch (DomainException ex)
            {
                Problem(table, row, first is < YearRange.MinYear or > YearRange.MaxYear ? StartYear : EndYear, ex.Message);
                return null;
            }
        }

        // ---- problems ------------------------------------------------------------------

        private void Attempt(Table table, int? row, string header, Action action) =>
            Attempt(table, row, table.Columns.GetValueOrDefault(header), () =>
            {
                action();
                return true;
            });

        private T? Attempt<T>(Table table, int? row, string header, Func<T> action)
            where T : class =>
            Attempt(table, row, table.Columns.GetValueOrDefault(header), action);

        private void Attempt(Table table, int? row, int column, Action action) =>
            Attempt(table, row, column, () =>
            {
                action();
                return true;
            });

        /// <summary>Runs a domain call; a broken rule becomes a problem at the cell it came from.</summary>
        private T? Attempt<T>(Table table, int? row, int column, Func<T> action)
        {
            try
            {
                return action();
            }
            catch (DomainException ex)
            {
                Problem(table.Name, row, column, ex.Message);
                return default;
            }
        }

        private void Problem(Table table, int row, string header, string message) =>
            Problem(table.Name, row, table.Columns.TryGetValue(header, out var column) ? column : null, message);

        private void Problem(string sheet, int? row, int? column, string message) =>
            Add(sheet, row, column is { } c and > 0 ? XLHelper.GetColumnLetterFromNumber(c) : null, message);

        private void Add(string? sheet, int? row, string? column, string message)
        {
            if (_stopped)
            {
                return;
            }

            if (_problems.Count >= ProblemLimit)
            {
                _stopped = true;
                _problems.Add(new WorkbookProblem(null, null, null, $"문제가 {Number(ProblemLimit)}건을 넘어 검사를 멈췄습니다. 위의 문제부터 고치세요."));
                return;
            }

            _problems.Add(new WorkbookProblem(sheet, row, column, message));
        }

        private static string Number(int value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

        private static string Shorten(string text) => text.Length <= 50 ? text : text[..50] + "…";
    }

    /// <summary>One sheet: where its columns are and which rows it uses.</summary>
    private sealed class Table(string name, IXLWorksheet sheet, int lastRow)
    {
        public string Name { get; } = name;

        public IXLWorksheet Sheet { get; } = sheet;

        public Dictionary<string, int> Columns { get; } = new(StringComparer.Ordinal);

        public List<(int Year, int Column)> Years { get; } = [];

        /// <summary>Rows 2 to the last used, without the blank ones.</summary>
        public IEnumerable<int> DataRows()
        {
            var columns = Columns.Values.Concat(Years.Select(y => y.Column)).ToList();
            for (var row = 2; row <= lastRow; row++)
            {
                if (columns.Any(c => Sheet.Cell(row, c) is var cell && (cell.HasFormula || !string.IsNullOrWhiteSpace(cell.GetString()))))
                {
                    yield return row;
                }
            }
        }
    }

    /// <summary>What the 기본정보 sheet says, checked cell by cell but not yet built.</summary>
    private sealed class InfoFields(Table table)
    {
        public Table Table { get; } = table;

        public int? TitleRow { get; init; }

        public string? Title { get; init; }

        public string? Subtitle { get; init; }

        public string? Slogan { get; init; }

        public string? District { get; init; }

        public string? Vision { get; init; }

        public string? Purpose { get; init; }

        public string? LegalBasis { get; init; }

        public string? Note { get; init; }

        public IReadOnlyList<(int Row, string? Text)> Goals { get; init; } = [];

        public Dictionary<string, int> Rows { get; init; } = [];

        public Department? Department { get; set; }

        public Domain.Planning.Unit? BudgetUnit { get; set; }

        public YearRange? Period { get; set; }
    }
}
