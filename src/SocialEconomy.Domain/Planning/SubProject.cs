using SocialEconomy.Domain.Organization;

namespace SocialEconomy.Domain.Planning;

/// <summary>세부사업: a sub-project such as "1-3 지역관리회사(CRC) 방식을 통한 도시재생사업".</summary>
public class SubProject
{
    private readonly List<ActionItem> _actionItems = [];
    private readonly List<BudgetLine> _budgetLines = [];
    private readonly List<SubProjectSharing> _sharingDepartments = [];

    internal SubProject(StrategicTask task, int sortOrder, string code, string name, Department leadDepartment, YearRange period)
    {
        Task = task;
        SortOrder = sortOrder;
        Code = SubProjectCode.Validated(code);
        Name = BasicPlan.Required(name, "세부사업명", 200);
        LeadDepartment = leadDepartment;
        LeadDepartmentId = leadDepartment.Id;
        StartYear = period.First;
        EndYear = period.Last;
    }

    private SubProject()
    {
        Task = null!;
        LeadDepartment = null!;
        Code = Name = string.Empty;
    }

    public int Id { get; private set; }

    /// <summary>
    /// Changes whenever the sub-project or its yearly tables change; an edit form carries
    /// the version it started from, so a second editor's save is refused, never merged.
    /// </summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public int TaskId { get; private set; }

    public StrategicTask Task { get; private set; }

    public int SortOrder { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public int LeadDepartmentId { get; private set; }

    public Department LeadDepartment { get; private set; }

    public int StartYear { get; private set; }

    public int EndYear { get; private set; }

    public YearRange Period => new(StartYear, EndYear);

    public string? Overview { get; private set; }

    private string? DirectionsText { get; set; }

    /// <summary>추진방향, in printed order.</summary>
    public IReadOnlyList<string> Directions => TextLines.Split(DirectionsText);

    /// <summary>협조부서: departments that share the work (and the results entry) with the lead.</summary>
    public IReadOnlyCollection<SubProjectSharing> SharingDepartments => _sharingDepartments;

    public IReadOnlyList<ActionItem> ActionItems => _actionItems.OrderBy(a => a.SortOrder).ToList();

    public IReadOnlyList<BudgetLine> BudgetLines => _budgetLines.OrderBy(b => b.SortOrder).ToList();

    public void MarkChanged() => Version = Guid.NewGuid();

    /// <summary>Changes the code, name and lead department; the code stays unique in the plan.</summary>
    public void Edit(string code, string name, Department leadDepartment)
    {
        ArgumentNullException.ThrowIfNull(leadDepartment);
        var trimmedCode = SubProjectCode.Validated(code);
        Task.Plan.EnsureCodeIsFree(trimmedCode, except: this);
        if (_sharingDepartments.Any(s => Same(s.Department, s.DepartmentId, leadDepartment)))
        {
            throw new DomainException($"{leadDepartment.Name}은(는) 협조부서입니다. 협조부서에서 먼저 제외한 뒤 주관부서로 지정하세요.");
        }

        Code = trimmedCode;
        Name = BasicPlan.Required(name, "세부사업명", 200);
        LeadDepartment = leadDepartment;
        LeadDepartmentId = leadDepartment.Id;
    }

    public void StopSharingWith(int departmentId)
    {
        if (_sharingDepartments.RemoveAll(s => s.DepartmentId == departmentId) == 0)
        {
            throw new DomainException("이 세부사업의 협조부서가 아닙니다.");
        }
    }

    public bool MoveActionItem(ActionItem item, int delta) =>
        Ordering.Move(ActionItems, item, delta, a => a.SortOrder, (a, order) => a.Reorder(order));

    public bool MoveBudgetLine(BudgetLine line, int delta) =>
        Ordering.Move(BudgetLines, line, delta, b => b.SortOrder, (b, order) => b.Reorder(order));

    public void ShareWith(Department department)
    {
        ArgumentNullException.ThrowIfNull(department);
        if (Same(LeadDepartment, LeadDepartmentId, department))
        {
            throw new DomainException($"{department.Name}은(는) 이미 주관부서입니다.");
        }

        if (!_sharingDepartments.Any(s => Same(s.Department, s.DepartmentId, department)))
        {
            _sharingDepartments.Add(new SubProjectSharing(department));
        }
    }

    /// <summary>Whether a department leads or shares this sub-project: what a 사업담당자 of it may work on.</summary>
    public bool IsLedOrSharedBy(IEnumerable<int> departmentIds)
    {
        ArgumentNullException.ThrowIfNull(departmentIds);
        var ids = departmentIds.ToHashSet();
        return ids.Contains(LeadDepartmentId) || _sharingDepartments.Any(s => ids.Contains(s.DepartmentId));
    }

    private static bool Same(Department? known, int knownId, Department candidate) =>
        ReferenceEquals(known, candidate) || candidate.Id != 0 && knownId == candidate.Id;

    public void Describe(IEnumerable<string>? directions, string? overview)
    {
        var text = TextLines.Join(directions);
        DirectionsText = text.Length == 0 ? null : BasicPlan.Optional(text, 4000);
        Overview = BasicPlan.Optional(overview, 4000);
    }

    public ActionItem AddActionItem(string name, YearRange? period)
    {
        if (period is { } range && !Period.Contains(range))
        {
            throw new DomainException($"단위사업 기간({range})은 세부사업 기간({Period}) 안이어야 합니다.");
        }

        var item = new ActionItem(this, _actionItems.Count + 1, name, period);
        _actionItems.Add(item);
        return item;
    }

    /// <summary>A budget line funds the sub-project, or one of its action items.</summary>
    public BudgetLine AddBudgetLine(string name, Unit unit, ActionItem? fundedItem)
    {
        if (fundedItem is not null && !_actionItems.Contains(fundedItem))
        {
            throw new DomainException("예산을 연결할 단위사업이 이 세부사업에 속하지 않습니다.");
        }

        var line = new BudgetLine(this, _budgetLines.Count + 1, name, unit, fundedItem);
        _budgetLines.Add(line);
        return line;
    }

    /// <summary>Removes an action item without indicators, milestones or budget lines (see <see cref="StructureRemoval"/>).</summary>
    public void RemoveActionItem(ActionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_actionItems.Contains(item))
        {
            throw new DomainException("이 세부사업의 단위사업이 아닙니다.");
        }

        StructureRemoval.EnsureRemovable(item);
        _actionItems.Remove(item);
        var order = 1;
        foreach (var remaining in ActionItems)
        {
            remaining.Reorder(order++);
        }
    }

    public void RemoveBudgetLine(BudgetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!_budgetLines.Contains(line))
        {
            throw new DomainException("이 세부사업의 예산 항목이 아닙니다.");
        }

        StructureRemoval.EnsureRemovable(line);
        _budgetLines.Remove(line);
        var order = 1;
        foreach (var remaining in BudgetLines)
        {
            remaining.Reorder(order++);
        }
    }

    internal void Reorder(int sortOrder) => SortOrder = sortOrder;

    /// <summary>The budget of one year in the given money unit; 비예산 lines count as nothing.</summary>
    public decimal BudgetFor(int year, Unit unit) =>
        _budgetLines.Sum(l => l.AmountFor(year, unit));

    public decimal BudgetTotal(Unit unit) =>
        _budgetLines.Sum(l => l.Total(unit));
}
