namespace SocialEconomy.Domain.Evaluation;

/// <summary>
/// The committee's written reason for a large gap between the T/F's and the committee's
/// scores on one topic (비교 주제) of a year; asked for once the committee is closed.
/// </summary>
public class GapReason
{
    public GapReason(EvaluationCycle cycle, string topic, string? reason, string writtenBy, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (!cycle.IsCommitteeClosed)
        {
            throw new DomainException("점수 차이 사유는 평가위원회를 마감한 뒤에 씁니다.");
        }

        CycleId = cycle.Id;
        Topic = topic;
        Reason = WrittenBy = string.Empty;
        Rewrite(reason, writtenBy, nowUtc);
    }

    private GapReason()
    {
        Topic = Reason = WrittenBy = string.Empty;
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public string Topic { get; private set; }

    public string Reason { get; private set; }

    public string WrittenBy { get; private set; }

    public DateTime WrittenAtUtc { get; private set; }

    public void Rewrite(string? reason, string writtenBy, DateTime nowUtc)
    {
        Reason = DomainText.Required(reason, "점수 차이 사유", ScoreRules.CommentMaxLength);
        WrittenBy = writtenBy;
        WrittenAtUtc = nowUtc;
    }
}
