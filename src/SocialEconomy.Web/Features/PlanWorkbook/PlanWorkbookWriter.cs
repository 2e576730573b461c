using System.Globalization;
using ClosedXML.Excel;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Features.Shared;
using static SocialEconomy.Web.Features.PlanWorkbook.PlanWorkbookLayout;
using static SocialEconomy.Web.Features.Shared.WorkbookCells;

namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>
/// Writes a whole plan into one .xlsx in the layout of docs/plan-workbook.md. Every text is
/// a string cell written by <see cref="WorkbookCells.Text"/> (never a formula: ASVS v5.0.0-1.2.10), every amount and year a plain number;
/// header rows are bold and frozen and column widths are set here, because ClosedXML's
/// AdjustToContents needs GDI+, which Linux lacks (dependencies.md).
/// </summary>
public static class PlanWorkbookWriter
{
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#E6F0FF");

    private static readonly CultureInfo Korean = Formats.Korean;

    public static byte[] Write(BasicPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var workbook = new XLWorkbook(XLEventTracking.Disabled);
        workbook.Properties.Author = "사회적경제 기본계획 포털";
        workbook.Properties.Title = plan.Title;
        var years = plan.Period.Years.ToList();
        WriteInfo(workbook, plan);
        WriteStructure(workbook, plan);
        WriteIndicators(workbook, plan, years);
        WriteMilestones(workbook, plan, years);
        WriteBudget(workbook, plan, years);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The empty form: every sheet with its headers and one example row (an example plan's export).</summary>
    public static byte[] WriteTemplate(LocalGovernment government, int firstYear, int years) => Write(ExamplePlan(government, firstYear, years));

    /// <summary>
    /// A small plan of <paramref name="government"/> made through the domain, so the template's
    /// example rows import as they are for that government; its department is the reference
    /// one, which a government without it is offered to create on import.
    /// </summary>
    public static BasicPlan ExamplePlan(LocalGovernment government, int firstYear, int years)
    {
        ArgumentNullException.ThrowIfNull(government);
        var department = new Department(government, "마을사회적경제과");
        var name = government.ShortName;
        var period = new YearRange(firstYear, firstYear + years - 1);
        var plan = new BasicPlan($"{name} 사회적경제 기본계획(예시)", name, department, period, "지속가능한 사회적경제 생태계 조성");
        plan.Describe("사회적가치 실현을 위한", "함께 만드는 사회적경제", "계획의 추진목적을 적습니다.", $"「{name} 사회적경제 기본 조례」 제6조\n- 제1항 : 기본계획을 {years.ToString(CultureInfo.InvariantCulture)}년마다 수립");
        plan.SetFinancialPlan(Domain.Planning.Unit.MillionWon, "재정계획 표 아래에 적을 비고가 있으면 적습니다.");
        plan.AddGoal("사회적경제 조직의 자생력 강화");
        var task = plan.AddTask(1, "사회적경제조직 육성 및 내실화", "육성 및 내실화");
        var subProject = task.AddSubProject("1-1", "사회적경제 인적자원 양성", department, plan.Period);
        subProject.Describe(["현장 중심의 전문가 양성", "주민 대상 인식 확산"], "세부사업의 개요를 적습니다.");
        var item = subProject.AddActionItem("사회적경제 아카데미 운영", null);
        item.Describe("단위사업의 사업개요를 적습니다.", ["기초과정 운영", "- 심화과정 운영 (줄마다 한 항목)"], "명/천원");
        var indicator = item.AddIndicator("교육 인원", Domain.Planning.Unit.Persons, IndicatorKind.Count, Domain.Planning.TotalRule.Sum, "아카데미");
        var milestone = item.AddMilestone("추진 단계");
        var line = subProject.AddBudgetLine("사회적경제 아카데미 운영", Domain.Planning.Unit.ThousandWon, item);
        foreach (var (year, index) in plan.Period.Years.Select((y, i) => (y, i)))
        {
            indicator.SetTarget(year, TargetValue.OfNumber(100 + (20 * index)));
            milestone.SetText(year, index == 0 ? "운영계획 수립" : "과정 운영");
            line.SetAmount(year, 30_000m + (5_000m * index));
        }

        return plan;
    }

    /// <summary>A number cell; a decimal a double cannot carry exactly is written as its text, which the reader parses alike.</summary>
    internal static void Number(IXLCell cell, decimal value)
    {
        if ((decimal)(double)value != value)
        {
            Text(cell, value.ToString(CultureInfo.InvariantCulture));
            return;
        }

        cell.SetValue(value);
        cell.Style.NumberFormat.Format = value == decimal.Truncate(value) ? "#,##0" : "#,##0.0###";
    }

    private static void Whole(IXLCell cell, int value) => cell.SetValue(value);

    private static IXLWorksheet Sheet(XLWorkbook workbook, string name, IReadOnlyList<Column> columns)
    {
        var sheet = workbook.AddWorksheet(name);
        sheet.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = sheet.Column(i + 1);
            column.Width = columns[i].Width;
            if (columns[i].Wrap)
            {
                column.Style.Alignment.WrapText = true;
            }

            Text(sheet.Cell(1, i + 1), columns[i].Header);
        }

        var header = sheet.Range(1, 1, 1, columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = HeaderFill;
        header.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
        header.Style.Alignment.WrapText = false;
        sheet.SheetView.FreezeRows(1);
        return sheet;
    }

    private static List<Column> WithYears(IEnumerable<Column> fixedColumns, List<int> years, double width, bool wrap) =>
        fixedColumns.Concat(years.Select(y => new Column(YearHeader(y), width, wrap))).ToList();

    private static void WriteInfo(XLWorkbook workbook, BasicPlan plan)
    {
        var sheet = Sheet(workbook, InfoSheet, [new(KeyHeader, 18), new(ValueHeader, 100, Wrap: true)]);
        var row = 1;
        void Put(string key, string? value)
        {
            row++;
            Text(sheet.Cell(row, 1), key);
            Text(sheet.Cell(row, 2), value);
        }

        void PutWhole(string key, int year)
        {
            row++;
            Text(sheet.Cell(row, 1), key);
            Whole(sheet.Cell(row, 2), year);
        }

        Put(Title, plan.Title);
        Put(Subtitle, plan.Subtitle);
        Put(Slogan, plan.Slogan);
        Put(District, plan.District);
        Put(OwningDepartment, plan.OwningDepartment.Name);
        PutWhole(FirstYear, plan.FirstYear);
        PutWhole(LastYear, plan.LastYear);
        Put(Vision, plan.Vision);
        Put(Purpose, plan.Purpose);
        Put(LegalBasis, plan.LegalBasis);
        Put(BudgetUnit, plan.BudgetUnit.Symbol);
        Put(FinancialPlanNote, plan.FinancialPlanNote);
        foreach (var goal in plan.Goals)
        {
            Put(Goal, goal.Text);
        }
    }

    private static void WriteStructure(XLWorkbook workbook, BasicPlan plan)
    {
        var sheet = Sheet(workbook, StructureSheet,
        [
            new(RowKind, 10), new(TaskNumber, 9), new(Code, 13), new(Name, 40, Wrap: true), new(ShortName, 16, Wrap: true),
            new(LeadDepartment, 18), new(SharingDepartments, 20, Wrap: true), new(StartYear, 9), new(EndYear, 9),
            new(Directions, 50, Wrap: true), new(Overview, 50, Wrap: true), new(Details, 60, Wrap: true), new(TableCaption, 12),
        ]);
        var row = 1;
        foreach (var task in plan.Tasks)
        {
            row++;
            Text(sheet.Cell(row, 1), TaskRow);
            Whole(sheet.Cell(row, 2), task.Number);
            Text(sheet.Cell(row, 4), task.Name);
            Text(sheet.Cell(row, 5), task.ShortName);
            sheet.Row(row).Style.Font.Bold = true;
            foreach (var subProject in task.SubProjects)
            {
                row++;
                Text(sheet.Cell(row, 1), SubProjectRow);
                Whole(sheet.Cell(row, 2), task.Number);
                Text(sheet.Cell(row, 3), subProject.Code);
                Text(sheet.Cell(row, 4), subProject.Name);
                Text(sheet.Cell(row, 6), subProject.LeadDepartment.Name);
                Text(sheet.Cell(row, 7), string.Join(", ", subProject.SharingDepartments.Select(s => s.Department.Name)));
                Whole(sheet.Cell(row, 8), subProject.StartYear);
                Whole(sheet.Cell(row, 9), subProject.EndYear);
                Text(sheet.Cell(row, 10), JoinLines(subProject.Directions));
                Text(sheet.Cell(row, 11), subProject.Overview);
                foreach (var item in subProject.ActionItems)
                {
                    row++;
                    Text(sheet.Cell(row, 1), ActionItemRow);
                    Text(sheet.Cell(row, 3), subProject.Code);
                    Text(sheet.Cell(row, 4), item.Name);
                    if (item.Period is { } period)
                    {
                        Whole(sheet.Cell(row, 8), period.First);
                        Whole(sheet.Cell(row, 9), period.Last);
                    }

                    Text(sheet.Cell(row, 11), item.Summary);
                    Text(sheet.Cell(row, 12), JoinLines(item.Details));
                    Text(sheet.Cell(row, 13), item.TableUnitCaption);
                }
            }
        }
    }

    private static void WriteIndicators(XLWorkbook workbook, BasicPlan plan, List<int> years)
    {
        var sheet = Sheet(workbook, IndicatorSheet, WithYears(
            [
                new(Code, 13), new(ActionItemHeader, 30, Wrap: true), new(Group, 18, Wrap: true), new(IndicatorName, 30, Wrap: true),
                new(UnitHeader, 8), new(Kind, 8), new(TotalRuleHeader, 12), new(TotalText, 18, Wrap: true),
            ],
            years,
            16,
            wrap: true));
        var row = 1;
        foreach (var subProject in plan.SubProjects)
        {
            foreach (var item in subProject.ActionItems)
            {
                foreach (var indicator in item.Indicators)
                {
                    row++;
                    Text(sheet.Cell(row, 1), subProject.Code);
                    Text(sheet.Cell(row, 2), item.Name);
                    Text(sheet.Cell(row, 3), indicator.Group);
                    Text(sheet.Cell(row, 4), indicator.Name);
                    Text(sheet.Cell(row, 5), indicator.Unit.Symbol);
                    Text(sheet.Cell(row, 6), KindLabel(indicator.Kind));
                    Text(sheet.Cell(row, 7), TotalRuleLabel(indicator.TotalRule));
                    Text(sheet.Cell(row, 8), indicator.TotalText);
                    for (var i = 0; i < years.Count; i++)
                    {
                        // The text the portal prints: "77 (27억)", "운영계획 수립", "40,000".
                        Text(sheet.Cell(row, 9 + i), indicator.TargetFor(years[i]).Format(Korean));
                    }
                }
            }
        }
    }

    private static void WriteMilestones(XLWorkbook workbook, BasicPlan plan, List<int> years)
    {
        var sheet = Sheet(workbook, MilestoneSheet, WithYears(
            [new(Code, 13), new(ActionItemHeader, 30, Wrap: true), new(MilestoneLabel, 18, Wrap: true)],
            years,
            30,
            wrap: true));
        var row = 1;
        foreach (var subProject in plan.SubProjects)
        {
            foreach (var item in subProject.ActionItems)
            {
                foreach (var milestone in item.Milestones)
                {
                    row++;
                    Text(sheet.Cell(row, 1), subProject.Code);
                    Text(sheet.Cell(row, 2), item.Name);
                    Text(sheet.Cell(row, 3), milestone.Label);
                    for (var i = 0; i < years.Count; i++)
                    {
                        Text(sheet.Cell(row, 4 + i), milestone.TextFor(years[i]));
                    }
                }
            }
        }
    }

    private static void WriteBudget(XLWorkbook workbook, BasicPlan plan, List<int> years)
    {
        var sheet = Sheet(workbook, BudgetSheet, WithYears(
            [new(Code, 13), new(ActionItemHeader, 30, Wrap: true), new(BudgetLineName, 30, Wrap: true), new(UnitHeader, 8), new(NonBudget, 8)],
            years,
            14,
            wrap: false));
        var row = 1;
        foreach (var subProject in plan.SubProjects)
        {
            var items = subProject.ActionItems;
            foreach (var line in subProject.BudgetLines)
            {
                row++;

                // By id as well as by reference: a graph read without tracking may leave ActionItem unset.
                var funded = line.ActionItem ?? items.FirstOrDefault(a => line.ActionItemId is { } id && a.Id == id);
                Text(sheet.Cell(row, 1), subProject.Code);
                Text(sheet.Cell(row, 2), funded?.Name);
                Text(sheet.Cell(row, 3), line.Name);
                Text(sheet.Cell(row, 4), line.Unit.Symbol);
                Text(sheet.Cell(row, 5), line.IsNonBudget ? Yes : null);
                foreach (var amount in line.Amounts)
                {
                    var index = amount.Year - years[0];
                    if (index >= 0 && index < years.Count)
                    {
                        Number(sheet.Cell(row, 6 + index), amount.Amount);
                    }
                }
            }
        }
    }

    private sealed record Column(string Header, double Width, bool Wrap = false);
}
