using System.Globalization;
using ClosedXML.Excel;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Features.PlanWorkbook;
using SocialEconomy.Web.Features.Results;
using SocialEconomy.Web.Features.Shared;
using static SocialEconomy.Web.Features.ResultsWorkbook.ResultsWorkbookLayout;

namespace SocialEconomy.Web.Features.ResultsWorkbook;

/// <summary>
/// Writes a department's results workbook: targets, plans and names filled in and locked,
/// the cells to fill unlocked (and already holding what was saved), units beside every
/// value, lists for 달성 여부 and 추진 상황. Text is written as text, never as a formula.
/// </summary>
public static class ResultsWorkbookWriter
{
    public static byte[] Write(ResultsWorkbookScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        using var workbook = new XLWorkbook();
        WriteInfo(workbook, scope);
        var indicators = Sheet(workbook, IndicatorSheet, IndicatorColumns);
        var milestones = Sheet(workbook, MilestoneSheet, MilestoneColumns);
        var budget = Sheet(workbook, BudgetSheet, BudgetColumns);
        var narratives = Sheet(workbook, NarrativeSheet, NarrativeColumns);
        int i = 2, m = 2, b = 2, n = 2;
        foreach (var sub in scope.SubProjects)
        {
            var result = scope.ResultOf(sub);
            foreach (var item in sub.ActionItems.Where(a => a.Years.Contains(scope.Year)))
            {
                foreach (var indicator in item.Indicators)
                {
                    var saved = result?.For(indicator);
                    var target = indicator.TargetFor(scope.Year);
                    Row(indicators, i++, IndicatorColumns, new()
                    {
                        [Key] = ResultEditModel.IndicatorKey(indicator.Id),
                        [Code] = sub.Code,
                        [SubProjectCol] = sub.Name,
                        [ActionItemCol] = item.Name,
                        [IndicatorCol] = indicator.Name,
                        [UnitCol] = indicator.Unit.Symbol,
                        [DirectionCol] = indicator.Direction == IndicatorDirection.Decrease ? "하향" : "상향",
                        [TargetCol] = target.IsEmpty ? "-" : target.Format(CultureInfo.InvariantCulture),
                        [Actual] = saved?.Input,
                        [JudgementCol] = saved?.Judgement is { } j ? Formats.Judgement(j) : null,
                    });
                }

                foreach (var milestone in item.Milestones.Where(x => x.TextFor(scope.Year) is not null))
                {
                    var saved = result?.For(milestone);
                    Row(milestones, m++, MilestoneColumns, new()
                    {
                        [Key] = ResultEditModel.MilestoneKey(milestone.Id),
                        [Code] = sub.Code,
                        [SubProjectCol] = sub.Name,
                        [ActionItemCol] = item.Name,
                        [MilestoneLabel] = milestone.Label,
                        [PlanCol] = milestone.TextFor(scope.Year),
                        [StateCol] = saved?.State is { } s ? Formats.State(s) : null,
                        [Note] = saved?.Note,
                    });
                }
            }

            foreach (var line in sub.BudgetLines.Where(l => !l.IsNonBudget))
            {
                var planned = line.Amounts.FirstOrDefault(a => a.Year == scope.Year)?.Amount;
                Row(budget, b, BudgetColumns, new()
                {
                    [Key] = ResultEditModel.BudgetKey(line.Id),
                    [Code] = sub.Code,
                    [SubProjectCol] = sub.Name,
                    [BudgetLineCol] = line.Name,
                    [UnitCol] = line.Unit.Symbol,
                    [Executed] = result?.For(line)?.Input,
                });
                if (planned is { } amount)
                {
                    budget.Cell(b, BudgetColumns.ToList().IndexOf(Planned) + 1).SetValue(amount);
                    budget.Cell(b, BudgetColumns.ToList().IndexOf(Planned) + 1).Style.NumberFormat.Format = "#,##0.####";
                }

                b++;
            }

            Row(narratives, n++, NarrativeColumns, new()
            {
                [Key] = $"s{sub.Id.ToString(CultureInfo.InvariantCulture)}",
                [Code] = sub.Code,
                [SubProjectCol] = sub.Name,
                [StatusCol] = Formats.Status(result?.Status ?? Domain.Results.ResultStatus.NotStarted),
                [Achievements] = result?.Achievements,
                [Problems] = result?.Problems,
                [Improvements] = result?.Improvements,
                [VersionCol] = result?.Version.ToString(),
            });
        }

        ListValidation(indicators, IndicatorColumns, JudgementCol, i, LayoutList(Judgements.Select(Formats.Judgement)));
        ListValidation(milestones, MilestoneColumns, StateCol, m, LayoutList(States.Select(Formats.State)));
        foreach (var sheet in new[] { indicators, milestones, budget, narratives })
        {
            // Fixed widths: ClosedXML measures text through GDI+, which Linux servers lack.
            foreach (var column in sheet.ColumnsUsed())
            {
                var header = column.Cell(1).GetString();
                column.Width = header is Achievements or Problems or Improvements or PlanCol ? 50 : header is SubProjectCol or ActionItemCol or IndicatorCol or BudgetLineCol or Note ? 30 : 14;
                column.Style.Alignment.WrapText = true;
            }
            sheet.SheetView.FreezeRows(1);
            sheet.Column(1).Hide();
            if (sheet.Name == NarrativeSheet)
            {
                sheet.Column(NarrativeColumns.Count).Hide();
            }
            sheet.Protect().AllowElement(XLSheetProtectionElements.FormatColumns).AllowElement(XLSheetProtectionElements.SelectEverything);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string LayoutList(IEnumerable<string> values) => $"\"{string.Join(',', values)}\"";

    private static void WriteInfo(XLWorkbook workbook, ResultsWorkbookScope scope)
    {
        var sheet = workbook.AddWorksheet(InfoSheet);
        var rows = new (string Key, string Value)[]
        {
            (PlanIdKey, scope.Plan.Id.ToString(CultureInfo.InvariantCulture)),
            ("기본계획", scope.Plan.Title),
            (YearKey, scope.Year.ToString(CultureInfo.InvariantCulture)),
            (DepartmentKey, scope.Department?.Name ?? "전체"),
            ("작성 방법", "흰 칸(실적, 달성 여부, 추진 상황, 비고, 집행액, 추진실적·문제점·개선방안)만 채웁니다. 회색 칸과 숨긴 '키' 열은 고치지 마세요. 숫자는 단위 열의 단위로 적습니다(예: 1,200). 수식은 받지 않습니다."),
        };
        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Cell(r + 1, 1).SetValue(rows[r].Key);
            sheet.Cell(r + 1, 1).Style.Font.Bold = true;
            WorkbookCells.Text(sheet.Cell(r + 1, 2), rows[r].Value);
        }

        sheet.Column(1).Width = 14;
        sheet.Column(2).Width = 90;
        sheet.Column(2).Style.Alignment.WrapText = true;
        sheet.Protect();
    }

    private static IXLWorksheet Sheet(XLWorkbook workbook, string name, IReadOnlyList<string> columns)
    {
        var sheet = workbook.AddWorksheet(name);
        for (var c = 0; c < columns.Count; c++)
        {
            var header = sheet.Cell(1, c + 1);
            header.SetValue(columns[c]);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E2F3");
        }

        return sheet;
    }

    private static void Row(IXLWorksheet sheet, int row, IReadOnlyList<string> columns, Dictionary<string, string?> values)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = sheet.Cell(row, c + 1);
            WorkbookCells.Text(cell, values.GetValueOrDefault(columns[c]));
            var input = InputColumns.Contains(columns[c]);
            cell.Style.Protection.SetLocked(!input);
            if (!input)
            {
                cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
            }
        }
    }

    private static void ListValidation(IXLWorksheet sheet, IReadOnlyList<string> columns, string column, int endRow, string list)
    {
        if (endRow <= 2)
        {
            return;
        }

        var index = columns.ToList().IndexOf(column) + 1;
        var validation = sheet.Range(2, index, endRow - 1, index).SetDataValidation();
        validation.List(list, true);
        validation.IgnoreBlanks = true;
        validation.ErrorTitle = "목록에서 고르세요";
        validation.ErrorMessage = $"{column}은(는) 목록에 있는 값만 입력할 수 있습니다.";
    }
}
