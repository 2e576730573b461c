using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Features.Plans;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>The title block every printed report opens with, and whether its data is a draft (watermarked 초안).</summary>
public sealed record ReportHeader(string Office, string PlanTitle, string ReportName, string Date, bool IsDraft, string? DraftReason)
{
    /// <summary>The title block of a plan's report, dated today in Korea; a draft when there is a reason it is not final.</summary>
    public static ReportHeader For(BasicPlan plan, string reportName, TimeProvider clock, string? draftReason)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(clock);
        return new(plan.OwningDepartment.DisplayName, plan.Title, reportName, Formats.Date(Formats.KoreanToday(clock)), draftReason is not null, draftReason);
    }

    /// <summary>Why a report of the plan itself is a draft: the plan is still being written.</summary>
    public static string? PlanDraftReason(BasicPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Status == PlanStatus.Draft ? "작성 중인 계획" : null;
    }
}

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
