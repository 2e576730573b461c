using SocialEconomy.Domain.Organization;

namespace SocialEconomy.Domain.Evaluation;

/// <summary>
/// 환류: a finding of the self, external or comprehensive evaluation turned into an action
/// assigned to a department with a due date. The department records what it did; next
/// year's self-evaluation item 평가결과의 차기계획 반영 shows these to the T/F.
/// </summary>
public class FollowUpAction
{
    public const int TextMaxLength = 2000;

    public FollowUpAction(int planId, FindingSource source, int year, int? subProjectId, string? finding, Department department, DateOnly dueDate)
    {
        ArgumentNullException.ThrowIfNull(department);
        PlanId = planId;
        Source = source;
        Year = year;
        SubProjectId = subProjectId;
        Finding = DomainText.Required(finding, "평가 결과(지적사항)", TextMaxLength);
        DepartmentId = department.Id;
        DueDate = dueDate;
    }

    private FollowUpAction()
    {
        Finding = string.Empty;
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public FindingSource Source { get; private set; }

    /// <summary>The evaluated year (총괄평가: the year it was made after).</summary>
    public int Year { get; private set; }

    public int? SubProjectId { get; private set; }

    public string Finding { get; private set; }

    public int DepartmentId { get; private set; }

    public DateOnly DueDate { get; private set; }

    /// <summary>조치 결과: what the department did.</summary>
    public string? Outcome { get; private set; }

    public string? OutcomeBy { get; private set; }

    public DateTime? OutcomeAtUtc { get; private set; }

    public bool IsDone { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsOverdue(DateOnly today) => !IsDone && today > DueDate;

    public void Record(string? outcome, bool done, string actor, DateTime nowUtc)
    {
        var text = DomainText.Optional(outcome, "조치 결과", TextMaxLength);
        if (done && text is null)
        {
            throw new DomainException("조치 완료로 표시하려면 조치 결과를 입력하세요.");
        }

        Outcome = text;
        IsDone = done;
        OutcomeBy = actor;
        OutcomeAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }
}
