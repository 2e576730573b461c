using SocialEconomy.Web.Features.Plans;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>The title block every printed report opens with, and whether its data is a draft (watermarked 초안).</summary>
public sealed record ReportHeader(string Office, string PlanTitle, string ReportName, string Date, bool IsDraft, string? DraftReason);

public sealed record FinanceReportViewModel(ReportHeader Header, FinancialPlanViewModel Finance);

/// <summary>One row of a year's indicator table; Revision is "당초 → 변경 (사유)" when the target was revised.</summary>
/// <summary>Number is the target when it is a plain number (the workbook writes it as a number), otherwise null.</summary>
public sealed record YearIndicatorRow(string ActionItem, string Indicator, string Unit, string Target, decimal? Number, string? Revision);

public sealed record YearMilestoneRow(string ActionItem, string Label, string Text, string? Revision);

public sealed record YearBudgetRow(string Line, string Amount, decimal? Value, string? Revision);

public sealed record YearSubProject(string Code, string Name, string Department, IReadOnlyList<YearIndicatorRow> Indicators, IReadOnlyList<YearMilestoneRow> Milestones, IReadOnlyList<YearBudgetRow> Budget, string BudgetTotal, decimal BudgetValue);

public sealed record YearTask(int Number, string Name, IReadOnlyList<YearSubProject> SubProjects);

public sealed record ImplementationReportViewModel(ReportHeader Header, int PlanId, int Year, string BudgetUnit, IReadOnlyList<YearTask> Tasks, string Total, decimal TotalValue, int Revisions);

public sealed record ExternalReportViewModel(ReportHeader Header, Committee.ExternalResultViewModel Result);

public sealed record PlanBookViewModel(ReportHeader Header, PlanBook Book);
