using SocialEconomy.Domain.Organization;

namespace SocialEconomy.Domain.Planning;

/// <summary>추진과제: a strategic task grouping sub-projects.</summary>
public class StrategicTask
{
    private readonly List<SubProject> _subProjects = [];

    internal StrategicTask(BasicPlan plan, int number, string name, string? shortName)
    {
        if (number < 1)
        {
            throw new DomainException("추진과제 번호는 1 이상이어야 합니다.");
        }

        Plan = plan;
        Number = number;
        Name = BasicPlan.Required(name, "추진과제명", 200);
        ShortName = BasicPlan.Optional(shortName, 100);
    }

    private StrategicTask()
    {
        Plan = null!;
        Name = string.Empty;
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public BasicPlan Plan { get; private set; }

    public int Number { get; private set; }

    public string Name { get; private set; }

    public string? ShortName { get; private set; }

    public IReadOnlyList<SubProject> SubProjects => _subProjects.OrderBy(s => s.SortOrder).ToList();

    public void Rename(string name, string? shortName)
    {
        Name = BasicPlan.Required(name, "추진과제명", 200);
        ShortName = BasicPlan.Optional(shortName, 100);
    }

    internal void Renumber(int number) => Number = number;

    public bool MoveSubProject(SubProject subProject, int delta) =>
        Ordering.Move(SubProjects, subProject, delta, s => s.SortOrder, (s, order) => s.Reorder(order));

    public SubProject AddSubProject(string code, string name, Department leadDepartment, YearRange period)
    {
        ArgumentNullException.ThrowIfNull(leadDepartment);
        var trimmedCode = SubProjectCode.Validated(code);
        Plan.EnsureCodeIsFree(trimmedCode);
        if (!Plan.Period.Contains(period))
        {
            throw new DomainException($"세부사업 기간({period})은 계획기간({Plan.Period}) 안이어야 합니다.");
        }

        var subProject = new SubProject(this, _subProjects.Count + 1, trimmedCode, name, leadDepartment, period);
        _subProjects.Add(subProject);
        return subProject;
    }

    /// <summary>Removes a sub-project without action items or budget lines (see <see cref="StructureRemoval"/>).</summary>
    public void RemoveSubProject(SubProject subProject)
    {
        ArgumentNullException.ThrowIfNull(subProject);
        if (!_subProjects.Contains(subProject))
        {
            throw new DomainException("이 추진과제의 세부사업이 아닙니다.");
        }

        StructureRemoval.EnsureRemovable(subProject);
        _subProjects.Remove(subProject);
        var order = 1;
        foreach (var remaining in SubProjects)
        {
            remaining.Reorder(order++);
        }
    }
}
