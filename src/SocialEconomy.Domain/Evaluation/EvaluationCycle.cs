using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Domain.Evaluation;

/// <summary>
/// 연도별 평가: one plan year's evaluation, run from the December plan to the April
/// external evaluation (seed section VII). It owns the year's copies of both frameworks,
/// the calendar, the self-evaluation's stage and the external committee.
/// </summary>
public class EvaluationCycle
{
    public const int NoteMaxLength = 2000;

    private readonly List<CommitteeSeat> _seats = [];

    public EvaluationCycle(BasicPlan plan, int year, EvaluationFramework selfDefault, EvaluationFramework externalDefault)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(selfDefault);
        ArgumentNullException.ThrowIfNull(externalDefault);
        if (plan.Status == PlanStatus.Draft)
        {
            throw new DomainException("작성 중인 계획은 평가할 수 없습니다. 계획을 확정한 뒤 평가를 시작하세요.");
        }

        if (!plan.Period.Contains(year))
        {
            throw new DomainException($"{year}년은 계획기간({plan.Period}) 밖의 연도입니다.");
        }

        if (selfDefault.Kind != FrameworkKind.Self || externalDefault.Kind != FrameworkKind.External)
        {
            throw new ArgumentException("The frameworks are of the wrong kind.");
        }

        PlanId = plan.Id;
        Year = year;
        SelfFramework = selfDefault.CopyFor(year);
        ExternalFramework = externalDefault.CopyFor(year);
        ApplyCalendar(EvaluationCalendar.Default(year));
    }

    private EvaluationCycle()
    {
        SelfFramework = ExternalFramework = null!;
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public int Year { get; private set; }

    public int SelfFrameworkId { get; private set; }

    public EvaluationFramework SelfFramework { get; private set; }

    public int ExternalFrameworkId { get; private set; }

    public EvaluationFramework ExternalFramework { get; private set; }

    // The four dates are plain columns (not a complex type) so the audit trail names each change.
    public DateOnly PlanBy { get; private set; }

    public DateOnly SelfReportsBy { get; private set; }

    public DateOnly CommitteeBy { get; private set; }

    public DateOnly ExternalBy { get; private set; }

    public EvaluationCalendar Calendar => new(PlanBy, SelfReportsBy, CommitteeBy, ExternalBy);

    public SelfStage SelfStage { get; private set; } = SelfStage.Scoring;

    /// <summary>민관거버넌스 실무협의체 검토 의견, written when the self-evaluation is locked.</summary>
    public string? ReviewNote { get; private set; }

    public DateTime? SelfLockedAtUtc { get; private set; }

    public Aggregation Aggregation { get; private set; } = Aggregation.TrimmedMean;

    /// <summary>Whether the committee's comments are shown without their authors' names.</summary>
    public bool AnonymousComments { get; private set; } = true;

    /// <summary>A self/committee gap larger than this (percentage points of the items' points) asks the committee for a reason.</summary>
    public decimal GapThreshold { get; private set; } = 20m;

    public DateTime? CommitteeClosedAtUtc { get; private set; }

    public bool IsCommitteeClosed => CommitteeClosedAtUtc is not null;

    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<CommitteeSeat> Seats => _seats.OrderBy(s => s.DisplayName, StringComparer.Ordinal).ToList();

    public CommitteeSeat? SeatOf(string userId) => _seats.FirstOrDefault(s => s.UserId == userId);

    public void SetCalendar(EvaluationCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ApplyCalendar(calendar);
        Touch();
    }

    private void ApplyCalendar(EvaluationCalendar calendar) =>
        (PlanBy, SelfReportsBy, CommitteeBy, ExternalBy) = (calendar.PlanBy, calendar.SelfReportsBy, calendar.CommitteeBy, calendar.ExternalBy);

    /// <summary>The year's committee rules; fixed once the committee is closed.</summary>
    public void SetCommitteeRules(Aggregation aggregation, bool anonymousComments, decimal gapThreshold)
    {
        EnsureCommitteeOpen();
        if (gapThreshold is < 0 or > 100)
        {
            throw new DomainException("점수 차이 기준은 0%p부터 100%p 사이로 입력하세요.");
        }

        Aggregation = aggregation;
        AnonymousComments = anonymousComments;
        GapThreshold = gapThreshold;
        Touch();
    }

    // ---- self-evaluation stages ----

    public void EnsureSelfScoring()
    {
        if (SelfStage != SelfStage.Scoring)
        {
            throw new DomainException(SelfStage == SelfStage.Locked
                ? "확정된 자체평가는 고칠 수 없습니다."
                : "자체평가가 민관거버넌스 실무협의체 검토 중입니다. 고치려면 주무부서가 검토를 되돌려야 합니다.");
        }
    }

    /// <summary>Sends the T/F's scores to the 민관거버넌스 실무협의체; every sub-project of the year must be scored.</summary>
    public void SendSelfToReview(IReadOnlyList<string> unscoredCodes)
    {
        ArgumentNullException.ThrowIfNull(unscoredCodes);
        EnsureSelfScoring();
        if (unscoredCodes.Count > 0)
        {
            throw new DomainException($"채점이 끝나지 않은 세부사업이 있습니다: {string.Join(", ", unscoredCodes)}");
        }

        SelfStage = SelfStage.InReview;
        Touch();
    }

    public void ReturnSelfToScoring()
    {
        if (SelfStage != SelfStage.InReview)
        {
            throw new DomainException("검토 중인 자체평가만 채점 단계로 되돌릴 수 있습니다.");
        }

        SelfStage = SelfStage.Scoring;
        Touch();
    }

    /// <summary>The council's review is over: the self-evaluation is final and locked.</summary>
    public void LockSelf(string? reviewNote, DateTime nowUtc)
    {
        if (SelfStage != SelfStage.InReview)
        {
            throw new DomainException("민관거버넌스 실무협의체 검토로 보낸 뒤에 확정할 수 있습니다.");
        }

        ReviewNote = DomainText.Required(reviewNote, "실무협의체 검토 의견", NoteMaxLength);
        SelfStage = SelfStage.Locked;
        SelfLockedAtUtc = nowUtc;
        Touch();
    }

    // ---- external committee ----

    public CommitteeSeat AddMember(string userId, string displayName)
    {
        EnsureCommitteeOpen();
        if (SeatOf(userId) is not null)
        {
            throw new DomainException($"{displayName} 위원은 이미 평가위원회에 있습니다.");
        }

        var seat = new CommitteeSeat(this, userId, displayName);
        _seats.Add(seat);
        Touch();
        return seat;
    }

    public void RemoveMember(CommitteeSeat seat)
    {
        ArgumentNullException.ThrowIfNull(seat);
        EnsureCommitteeOpen();
        if (seat.Scores.Count > 0)
        {
            throw new DomainException($"{seat.DisplayName} 위원은 이미 점수를 저장해 위원회에서 뺄 수 없습니다.");
        }

        _seats.Remove(seat);
        Touch();
    }

    /// <summary>
    /// Saves a member's scores (a draft, or submitted when <paramref name="submit"/>); the
    /// year's external framework is frozen from the first save on. Every input is checked
    /// first, so a bad one saves nothing; the problems are returned per item.
    /// </summary>
    public IReadOnlyDictionary<int, string> SaveMemberScores(string userId, IReadOnlyDictionary<int, ScoreInput> inputs, bool submit, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        EnsureCommitteeOpen();
        var seat = SeatOf(userId) ?? throw new DomainException("이 연도의 평가위원이 아닙니다.");
        seat.EnsureDeclared();
        var problems = ScoreRules.Check(ExternalFramework.Items, inputs, requireAll: submit);
        if (problems.Count > 0)
        {
            return problems;
        }

        ExternalFramework.Freeze();
        seat.Record(ExternalFramework.Items, inputs, submit, nowUtc);
        return problems;
    }

    /// <summary>
    /// Closes the committee: from now on nothing a member submitted changes, and the scores
    /// are shown to everyone who may read the result. Only submitted sheets count; the
    /// aggregation method must be possible with them.
    /// </summary>
    public void CloseCommittee(DateTime nowUtc)
    {
        EnsureCommitteeOpen();
        var submitted = _seats.Count(s => s.IsSubmitted);
        if (submitted == 0)
        {
            throw new DomainException("점수를 제출한 위원이 없어 위원회를 마감할 수 없습니다.");
        }

        if (Aggregation == Aggregation.TrimmedMean && submitted < ScoreAggregation.TrimmedMinimum)
        {
            throw new DomainException($"최고·최저점 제외 평균은 점수를 제출한 위원이 {ScoreAggregation.TrimmedMinimum}명 이상이어야 합니다. 지금 {submitted}명입니다. 산술평균으로 바꾸거나 제출을 기다리세요.");
        }

        CommitteeClosedAtUtc = nowUtc;
        Touch();
    }

    public void EnsureCommitteeOpen()
    {
        if (IsCommitteeClosed)
        {
            throw new DomainException("마감된 평가위원회입니다. 마감 후에는 위원과 점수를 바꿀 수 없습니다.");
        }
    }

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>
/// 평가 일정: the four steps of the yearly cycle with the dates the coordinator sets. The
/// defaults follow the seed: December of the year, then January–April of the next.
/// </summary>
public sealed record EvaluationCalendar(DateOnly PlanBy, DateOnly SelfReportsBy, DateOnly CommitteeBy, DateOnly ExternalBy)
{
    public static EvaluationCalendar Default(int year) => new(
        new DateOnly(year, 12, 31),
        new DateOnly(year + 1, 2, DateTime.DaysInMonth(year + 1, 2)),
        new DateOnly(year + 1, 3, 31),
        new DateOnly(year + 1, 4, 30));

    /// <summary>The steps must follow each other; a date out of order names its field.</summary>
    public static EvaluationCalendar Create(DateOnly planBy, DateOnly selfReportsBy, DateOnly committeeBy, DateOnly externalBy)
    {
        if (selfReportsBy < planBy)
        {
            throw new DomainException("자체평가 기한은 평가계획 수립일보다 빠를 수 없습니다.");
        }

        if (committeeBy < selfReportsBy)
        {
            throw new DomainException("평가위원회 구성 기한은 자체평가 기한보다 빠를 수 없습니다.");
        }

        if (externalBy < committeeBy)
        {
            throw new DomainException("외부평가 기한은 평가위원회 구성 기한보다 빠를 수 없습니다.");
        }

        return new EvaluationCalendar(planBy, selfReportsBy, committeeBy, externalBy);
    }
}
