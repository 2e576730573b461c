using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Features.Plans;

public sealed record PlanListItem(int Id, string Title, string District, string Department, string Period, string Status, int SubProjectCount);

public sealed record PlanOverviewViewModel(
    int Id,
    string Title,
    string? Subtitle,
    string? Slogan,
    string District,
    string OwningDepartment,
    string Period,
    string Status,
    PlanStatus StatusValue,
    bool IsCurrent,
    string Vision,
    string? Purpose,
    IReadOnlyList<string> LegalBasis,
    IReadOnlyList<string> Goals,
    IReadOnlyList<int> Years,
    string BudgetUnit,
    IReadOnlyList<TaskOverview> Tasks,
    BudgetRow BudgetTotal);

public sealed record TaskOverview(int Number, string Name, string? ShortName, IReadOnlyList<SubProjectOverview> SubProjects, BudgetRow Budget);

public sealed record SubProjectOverview(string Code, string Name, string LeadDepartment, int ActionItemCount, int IndicatorCount);

/// <summary>Amounts per year, already formatted, and their total.</summary>
public sealed record BudgetRow(IReadOnlyList<string> ByYear, string Total);

public sealed record SubProjectViewModel(
    int PlanId,
    string PlanTitle,
    int TaskNumber,
    string TaskName,
    string Code,
    string Name,
    string LeadDepartment,
    string Period,
    IReadOnlyList<string> Directions,
    string? Overview,
    IReadOnlyList<int> Years,
    IReadOnlyList<ActionItemViewModel> ActionItems,
    IReadOnlyList<BudgetLineRow> BudgetLines,
    BudgetRow? BudgetSubtotal,
    string BudgetUnit,
    string? PreviousCode,
    string? NextCode,
    IReadOnlyList<RevisionRow> Revisions);

/// <summary>One line of the change history of an adopted plan, times in Korea time.</summary>
public sealed record RevisionRow(string ChangedAt, string ChangedBy, string Item, string Year, string From, string To, string Reason);

public sealed record ActionItemViewModel(
    int Number,
    string Name,
    string? Summary,
    string? Period,
    IReadOnlyList<string> Details,
    string? TableUnitCaption,
    IReadOnlyList<IndicatorRow> Indicators,
    IReadOnlyList<MilestoneRow> Milestones);

public sealed record IndicatorRow(
    string? Group,
    int GroupSpan,
    string Name,
    string Unit,
    string Kind,
    IReadOnlyList<string> Targets,
    string Total,
    string TotalRule);

public sealed record MilestoneRow(string? Label, IReadOnlyList<IReadOnlyList<string>> Years);

public sealed record BudgetLineRow(string Name, string? ActionItem, string Unit, bool IsNonBudget, IReadOnlyList<string> ByYear, string Total);

public sealed record FinancialPlanViewModel(int PlanId, string PlanTitle, string Period, FinancialPlan Plan, string? Note);

/// <summary>The whole plan as the printed 기본계획 reads it; the domain plan is kept for the workbook's numeric cells.</summary>
public sealed record PlanBook(BasicPlan Plan, PlanOverviewViewModel Overview, IReadOnlyList<SubProjectViewModel> SubProjects, FinancialPlanViewModel Finance);
