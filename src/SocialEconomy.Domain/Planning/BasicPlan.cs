using SocialEconomy.Domain.Organization;

namespace SocialEconomy.Domain.Planning;

/// <summary>
/// 사회적경제 기본계획: a district's multi-year plan, the root of tasks, sub-projects,
/// action items, indicators, milestones and budget lines.
/// </summary>
public class BasicPlan
{
    public const int TitleMaxLength = 200;

    private readonly List<PlanGoal> _goals = [];
    private readonly List<StrategicTask> _tasks = [];

    public BasicPlan(string title, string district, Department owningDepartment, YearRange period, string vision)
    {
        ArgumentNullException.ThrowIfNull(owningDepartment);
        Title = Required(title, "계획명", TitleMaxLength);
        District = Required(district, "자치단체명", Department.NameMaxLength);
        OwningDepartment = owningDepartment;
        OwningDepartmentId = owningDepartment.Id;
        LocalGovernment = owningDepartment.LocalGovernment;
        LocalGovernmentId = owningDepartment.LocalGovernmentId;
        FirstYear = period.First;
        LastYear = period.Last;
        Vision = Required(vision, "비전", 500);
    }

    private BasicPlan()
    {
        Title = District = Vision = string.Empty;
        OwningDepartment = null!;
        LocalGovernment = null!;
    }

    public int Id { get; private set; }

    public string Title { get; private set; }

    public string? Subtitle { get; private set; }

    public string? Slogan { get; private set; }

    public string District { get; private set; }

    /// <summary>The government whose plan this is: its owning department's, kept on the plan so every query can scope by it cheaply.</summary>
    public int LocalGovernmentId { get; private set; }

    public LocalGovernment LocalGovernment { get; private set; }

    public int OwningDepartmentId { get; private set; }

    public Department OwningDepartment { get; private set; }

    public int FirstYear { get; private set; }

    public int LastYear { get; private set; }

    public YearRange Period => new(FirstYear, LastYear);

    public PlanStatus Status { get; private set; } = PlanStatus.Draft;

    /// <summary>
    /// The plan its office runs now (현재 계획): one per owning department, the one results
    /// and evaluations are entered against. Only an adopted plan can be current.
    /// </summary>
    public bool IsCurrent { get; private set; }

    /// <summary>
    /// Changes with every change of the structure (add, edit, move, remove). Structure edit
    /// forms carry it, so a second coordinator's save is refused instead of overwriting, and
    /// two concurrent changes cannot both pass a uniqueness check (codes, task numbers).
    /// </summary>
    public Guid StructureVersion { get; private set; } = Guid.NewGuid();

    public string Vision { get; private set; }

    public string? Purpose { get; private set; }

    public string? LegalBasis { get; private set; }

    /// <summary>The unit the financial plan (재정계획) is printed in; 백만원 by custom.</summary>
    public Unit BudgetUnit { get; private set; } = Unit.MillionWon;

    /// <summary>A remark printed under the financial plan, e.g. about the source document.</summary>
    public string? FinancialPlanNote { get; private set; }

    public IReadOnlyList<PlanGoal> Goals => _goals.OrderBy(g => g.Order).ToList();

    public IReadOnlyList<StrategicTask> Tasks => _tasks.OrderBy(t => t.Number).ToList();

    public IEnumerable<SubProject> SubProjects => Tasks.SelectMany(t => t.SubProjects);

    public void Describe(string? subtitle, string? slogan, string? purpose, string? legalBasis)
    {
        Subtitle = Optional(subtitle, 200);
        Slogan = Optional(slogan, 200);
        Purpose = Optional(purpose, 4000);
        LegalBasis = Optional(legalBasis, 4000);
    }

    public void SetFinancialPlan(Unit unit, string? note)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (!unit.IsMoney)
        {
            throw new DomainException("재정계획의 단위는 금액 단위(천원, 백만원, 억원)여야 합니다.");
        }

        BudgetUnit = unit;
        FinancialPlanNote = Optional(note, 2000);
    }

    public void Adopt()
    {
        if (Status != PlanStatus.Draft)
        {
            throw new DomainException("작성중인 계획만 확정할 수 있습니다.");
        }

        Status = PlanStatus.Adopted;
    }

    /// <summary>Makes this adopted plan its office's current plan; the office's other plans stop being current.</summary>
    public void MakeCurrent(IEnumerable<BasicPlan> officePlans)
    {
        ArgumentNullException.ThrowIfNull(officePlans);
        if (Status != PlanStatus.Adopted)
        {
            throw new DomainException("확정된 계획만 현재 계획으로 지정할 수 있습니다.");
        }

        foreach (var other in officePlans.Where(p => p != this && p.LocalGovernmentId == LocalGovernmentId))
        {
            other.IsCurrent = false;
        }

        IsCurrent = true;
    }

    public void Close()
    {
        if (Status != PlanStatus.Adopted)
        {
            throw new DomainException("확정된 계획만 종료할 수 있습니다.");
        }

        Status = PlanStatus.Closed;
        IsCurrent = false;
    }

    /// <summary>After adoption every change of a target, milestone or budget amount is a revision with a reason.</summary>
    public bool ChangesNeedReason => Status == PlanStatus.Adopted;

    public const string StructureFrozenMessage = "추진체계는 작성중인 계획에서만 바꿀 수 있습니다. 확정된 계획은 연도별 표를 변경 이력과 함께 수정하세요.";

    /// <summary>Why the structure (tasks, sub-projects, rows) cannot change now, or null while it is a draft.</summary>
    public string? StructureChangeRefusal => Status == PlanStatus.Draft ? null : StructureFrozenMessage;

    /// <summary>Checks that the structure may change and marks it changed (see <see cref="StructureVersion"/>).</summary>
    public BasicPlan BeginStructureChange()
    {
        if (StructureChangeRefusal is { } refusal)
        {
            throw new DomainException(refusal);
        }

        StructureVersion = Guid.NewGuid();
        return this;
    }

    public void EnsureEditable()
    {
        if (Status == PlanStatus.Closed)
        {
            throw new DomainException("종료된 계획은 변경할 수 없습니다.");
        }
    }

    public PlanGoal AddGoal(string text)
    {
        var goal = new PlanGoal(_goals.Count + 1, Required(text, "목표", 500));
        _goals.Add(goal);
        return goal;
    }

    public StrategicTask AddTask(int number, string name, string? shortName)
    {
        if (_tasks.Any(t => t.Number == number))
        {
            throw new DomainException($"추진과제 번호 {number}이(가) 이미 있습니다.");
        }

        var task = new StrategicTask(this, number, name, shortName);
        _tasks.Add(task);
        return task;
    }

    /// <summary>Removes a task without sub-projects (see <see cref="StructureRemoval"/>).</summary>
    public void RemoveTask(StrategicTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!_tasks.Contains(task))
        {
            throw new DomainException("이 계획의 추진과제가 아닙니다.");
        }

        StructureRemoval.EnsureRemovable(task);
        _tasks.Remove(task);
    }

    /// <summary>Swaps the task's number with the previous (−1) or next (+1) task's; false at either end.</summary>
    public bool MoveTask(StrategicTask task, int delta) =>
        Ordering.Move(Tasks, task, delta, t => t.Number, (t, number) => t.Renumber(number));

    /// <summary>Sub-project codes ("1-3") are unique within a plan.</summary>
    internal void EnsureCodeIsFree(string code, SubProject? except = null)
    {
        if (SubProjects.Any(s => s != except && string.Equals(s.Code, code, StringComparison.Ordinal)))
        {
            throw new DomainException($"세부사업 코드 '{code}'이(가) 이 계획에 이미 있습니다.");
        }
    }

    internal static string Required(string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{label}을(를) 입력하세요.");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{label}은(는) {maxLength}자 이내로 입력하세요.");
        }

        return trimmed;
    }

    internal static string? Optional(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{maxLength}자 이내로 입력하세요.");
        }

        return trimmed;
    }
}
