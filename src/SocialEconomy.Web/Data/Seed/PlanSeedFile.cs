namespace SocialEconomy.Web.Data.Seed;

// The shape of a plan seed file (seongbuk-2017-2020.json). Cells stay as printed in the
// source ("15 (5억)", "운영계획 수립") and are parsed by the domain, the same way an
// official's typed or imported values are. Printed totals are kept only to check the
// computed ones against the source.

public sealed record PlanSeedFile(
    string Source,
    IReadOnlyList<string>? Notes,
    IReadOnlyList<SeedDepartment> Departments,
    SeedPlan Plan);

public sealed record SeedDepartment(string Name, string Organization);

public sealed record SeedPlan(
    string Title,
    string? Subtitle,
    string? Slogan,
    string District,
    string OwningDepartment,
    int FirstYear,
    int LastYear,
    string? Purpose,
    string? LegalBasis,
    string Vision,
    IReadOnlyList<string> Goals,
    string BudgetUnit,
    SeedStatedBudgetTotal? StatedBudgetTotal,
    string? FinancialPlanNote,
    IReadOnlyList<SeedTask> Tasks);

public sealed record SeedStatedBudgetTotal(decimal Total, IReadOnlyDictionary<string, decimal> Years);

public sealed record SeedTask(int Number, string Name, string? ShortName, IReadOnlyList<SeedSubProject> SubProjects);

public sealed record SeedSubProject(
    string Code,
    string Name,
    string LeadDepartment,
    int StartYear,
    int EndYear,
    IReadOnlyList<string>? Directions,
    string? Overview,
    IReadOnlyList<SeedActionItem> ActionItems);

public sealed record SeedActionItem(
    string Name,
    string? Summary,
    int? StartYear,
    int? EndYear,
    IReadOnlyList<string>? Details,
    string? TableUnit,
    IReadOnlyList<SeedIndicator>? Indicators,
    IReadOnlyList<SeedMilestone>? Milestones,
    IReadOnlyList<SeedBudgetLine>? BudgetLines);

public sealed record SeedIndicator(
    string? Group,
    string Name,
    string Unit,
    string Kind,
    string Total,
    string? StatedTotal,
    IReadOnlyDictionary<string, string> Targets);

public sealed record SeedMilestone(string? Label, IReadOnlyDictionary<string, string> Years);

public sealed record SeedBudgetLine(
    string Name,
    string Unit,
    bool NonBudget,
    decimal? StatedTotal,
    IReadOnlyDictionary<string, decimal>? Amounts);
