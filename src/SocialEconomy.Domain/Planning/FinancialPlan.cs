namespace SocialEconomy.Domain.Planning;

/// <summary>
/// The 재정계획 table: every budget line under its task and sub-project, converted to one
/// money unit, with subtotals per sub-project and task and the grand totals, all computed
/// from the lines.
/// </summary>
public sealed class FinancialPlan
{
    private FinancialPlan(Unit unit, YearRange years, IReadOnlyList<FinancialPlanTask> tasks)
    {
        Unit = unit;
        Years = years;
        Tasks = tasks;
        Total = FinancialPlanFigures.Sum(years, tasks.Select(t => t.Subtotal));
    }

    public Unit Unit { get; }

    public YearRange Years { get; }

    public IReadOnlyList<FinancialPlanTask> Tasks { get; }

    public FinancialPlanFigures Total { get; }

    public static FinancialPlan Build(BasicPlan plan, Unit? unit = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var target = unit ?? plan.BudgetUnit;
        var years = plan.Period;
        var tasks = plan.Tasks
            .Select(task => new FinancialPlanTask(
                task,
                task.SubProjects
                    .Where(s => s.BudgetLines.Count > 0)
                    .Select(s => new FinancialPlanSubProject(
                        s,
                        s.BudgetLines.Select(l => new FinancialPlanLine(l, FinancialPlanFigures.Of(years, l, target))).ToList(),
                        years))
                    .ToList(),
                years))
            .Where(t => t.SubProjects.Count > 0)
            .ToList();
        return new FinancialPlan(target, years, tasks);
    }
}

public sealed class FinancialPlanTask
{
    internal FinancialPlanTask(StrategicTask task, IReadOnlyList<FinancialPlanSubProject> subProjects, YearRange years)
    {
        Task = task;
        SubProjects = subProjects;
        Subtotal = FinancialPlanFigures.Sum(years, subProjects.Select(s => s.Subtotal));
    }

    public StrategicTask Task { get; }

    public IReadOnlyList<FinancialPlanSubProject> SubProjects { get; }

    public FinancialPlanFigures Subtotal { get; }

    public int LineCount => SubProjects.Sum(s => s.Lines.Count);
}

public sealed class FinancialPlanSubProject
{
    internal FinancialPlanSubProject(SubProject subProject, IReadOnlyList<FinancialPlanLine> lines, YearRange years)
    {
        SubProject = subProject;
        Lines = lines;
        Subtotal = FinancialPlanFigures.Sum(years, lines.Select(l => l.Figures));
    }

    public SubProject SubProject { get; }

    public IReadOnlyList<FinancialPlanLine> Lines { get; }

    public FinancialPlanFigures Subtotal { get; }
}

public sealed record FinancialPlanLine(BudgetLine Line, FinancialPlanFigures Figures);

/// <summary>Amounts per year and their total, in the financial plan's unit. Null means 비예산.</summary>
public sealed class FinancialPlanFigures
{
    private readonly IReadOnlyDictionary<int, decimal> _byYear;

    private FinancialPlanFigures(IReadOnlyDictionary<int, decimal> byYear, bool isNonBudget)
    {
        _byYear = byYear;
        IsNonBudget = isNonBudget;
        Total = byYear.Values.Sum();
    }

    public bool IsNonBudget { get; }

    public decimal Total { get; }

    public decimal For(int year) => _byYear.TryGetValue(year, out var value) ? value : 0m;

    internal static FinancialPlanFigures Of(YearRange years, BudgetLine line, Unit unit) =>
        new(years.Years.ToDictionary(y => y, y => line.AmountFor(y, unit)), line.IsNonBudget);

    internal static FinancialPlanFigures Sum(YearRange years, IEnumerable<FinancialPlanFigures> parts)
    {
        var list = parts.ToList();
        return new FinancialPlanFigures(years.Years.ToDictionary(y => y, y => list.Sum(p => p.For(y))), isNonBudget: false);
    }
}
