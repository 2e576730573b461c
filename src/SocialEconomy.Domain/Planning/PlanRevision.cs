namespace SocialEconomy.Domain.Planning;

/// <summary>What a revision changed.</summary>
public enum RevisionSubject
{
    Target,
    Milestone,
    Budget,
}

/// <summary>
/// One change of an adopted plan (변경 이력): a target, a milestone text or a budget amount
/// of one year, with the value before and after and the reason given. The year's adopted
/// figures plus these rows make the 신구대비표 (old/new comparison table).
/// </summary>
public class PlanRevision
{
    public const int ReasonMaxLength = 1000;

    public PlanRevision(SubProject subProject, RevisionSubject subject, int subjectId, string label, int year, string? oldValue, string? newValue, string reason, string changedBy, DateTime changedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(subProject);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("확정된 계획을 변경하려면 변경 사유를 입력하세요.");
        }

        PlanId = subProject.Task.PlanId;
        SubProjectId = subProject.Id;
        Subject = subject;
        SubjectId = subjectId;
        Label = BasicPlan.Required(label, "항목", 300);
        Year = year;
        OldValue = oldValue;
        NewValue = newValue;
        Reason = BasicPlan.Required(reason, "변경 사유", ReasonMaxLength);
        ChangedBy = BasicPlan.Required(changedBy, "변경자", 256);
        ChangedAtUtc = changedAtUtc;
    }

    private PlanRevision()
    {
        Label = Reason = ChangedBy = string.Empty;
    }

    public long Id { get; private set; }

    public int PlanId { get; private set; }

    public int SubProjectId { get; private set; }

    public RevisionSubject Subject { get; private set; }

    /// <summary>The indicator, milestone or budget line id.</summary>
    public int SubjectId { get; private set; }

    /// <summary>What was changed, as officials read it: "발굴단 구성 (개)".</summary>
    public string Label { get; private set; }

    public int Year { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public string Reason { get; private set; }

    public string ChangedBy { get; private set; }

    public DateTime ChangedAtUtc { get; private set; }
}
