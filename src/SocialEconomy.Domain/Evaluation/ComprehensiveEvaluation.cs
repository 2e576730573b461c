using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Domain.Evaluation;

/// <summary>
/// 총괄평가: after the year the plan names (the seed: the third), a panel judges each
/// sub-project against its original goals over every year so far, recommends 확대 / 유지 /
/// 축소 / 종료 with reasons, and writes directions for the next basic plan. Once finalised
/// it is locked.
/// </summary>
public class ComprehensiveEvaluation
{
    public const int TextMaxLength = 4000;

    private readonly List<PanelSeat> _panel = [];
    private readonly List<SubProjectVerdict> _verdicts = [];

    public ComprehensiveEvaluation(BasicPlan plan, int afterYear, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Status == PlanStatus.Draft)
        {
            throw new DomainException("작성 중인 계획은 총괄평가할 수 없습니다.");
        }

        if (!plan.Period.Contains(afterYear))
        {
            throw new DomainException($"{afterYear}년은 계획기간({plan.Period}) 밖의 연도입니다.");
        }

        if (today.Year <= afterYear)
        {
            throw new DomainException($"총괄평가는 {afterYear}년 사업이 끝난 뒤({afterYear + 1}년부터) 시작할 수 있습니다.");
        }

        PlanId = plan.Id;
        AfterYear = afterYear;
    }

    private ComprehensiveEvaluation()
    {
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    /// <summary>The last year the panel looks at (총괄평가 시점).</summary>
    public int AfterYear { get; private set; }

    /// <summary>차기 기본계획 방향.</summary>
    public string? Directions { get; private set; }

    public DateTime? FinalisedAtUtc { get; private set; }

    public bool IsFinal => FinalisedAtUtc is not null;

    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<PanelSeat> Panel => _panel.OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<SubProjectVerdict> Verdicts => _verdicts;

    public bool IsOnPanel(string userId) => _panel.Any(p => p.UserId == userId);

    public SubProjectVerdict? VerdictFor(int subProjectId) => _verdicts.FirstOrDefault(v => v.SubProjectId == subProjectId);

    public void AddPanelist(string userId, string displayName)
    {
        EnsureOpen();
        if (IsOnPanel(userId))
        {
            throw new DomainException($"{displayName} 님은 이미 총괄평가단에 있습니다.");
        }

        _panel.Add(new PanelSeat(this, userId, displayName));
        Touch();
    }

    public void RemovePanelist(PanelSeat seat)
    {
        ArgumentNullException.ThrowIfNull(seat);
        EnsureOpen();
        _panel.Remove(seat);
        Touch();
    }

    public void Judge(SubProject subProject, string? assessment, Recommendation? recommendation, string? reason, string actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(subProject);
        EnsureOpen();
        if (subProject.Task.PlanId != PlanId)
        {
            throw new InvalidOperationException("The sub-project belongs to another plan.");
        }

        var verdict = VerdictFor(subProject.Id);
        if (verdict is null)
        {
            verdict = new SubProjectVerdict(this, subProject.Id);
            _verdicts.Add(verdict);
        }

        verdict.Set(assessment, recommendation, reason, actor, nowUtc);
        Touch();
    }

    public void WriteDirections(string? directions)
    {
        EnsureOpen();
        Directions = DomainText.Optional(directions, "차기 기본계획 방향", TextMaxLength);
        Touch();
    }

    /// <summary>Every sub-project needs a recommendation with its reason, and the next plan its directions.</summary>
    public void FinaliseWith(IReadOnlyList<SubProject> subProjects, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(subProjects);
        EnsureOpen();
        var missing = subProjects.Where(s => VerdictFor(s.Id)?.Recommendation is null).Select(s => s.Code).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException($"권고가 없는 세부사업이 있습니다: {string.Join(", ", missing)}");
        }

        if (Directions is null)
        {
            throw new DomainException("차기 기본계획 방향을 입력하세요.");
        }

        FinalisedAtUtc = nowUtc;
        Touch();
    }

    public void EnsureOpen()
    {
        if (IsFinal)
        {
            throw new DomainException("확정된 총괄평가는 고칠 수 없습니다.");
        }
    }

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>A member of the 총괄평가단.</summary>
public class PanelSeat
{
    internal PanelSeat(ComprehensiveEvaluation evaluation, string userId, string displayName)
    {
        Evaluation = evaluation;
        UserId = userId;
        DisplayName = displayName;
    }

    private PanelSeat()
    {
        Evaluation = null!;
        UserId = DisplayName = string.Empty;
    }

    public int Id { get; private set; }

    public int EvaluationId { get; private set; }

    public ComprehensiveEvaluation Evaluation { get; private set; }

    public string UserId { get; private set; }

    public string DisplayName { get; private set; }
}

/// <summary>The panel's judgement of one sub-project.</summary>
public class SubProjectVerdict
{
    internal SubProjectVerdict(ComprehensiveEvaluation evaluation, int subProjectId)
    {
        Evaluation = evaluation;
        SubProjectId = subProjectId;
    }

    private SubProjectVerdict()
    {
        Evaluation = null!;
    }

    public int Id { get; private set; }

    public int EvaluationId { get; private set; }

    public ComprehensiveEvaluation Evaluation { get; private set; }

    public int SubProjectId { get; private set; }

    /// <summary>당초 목표 달성 여부에 대한 판단.</summary>
    public string? Assessment { get; private set; }

    public Recommendation? Recommendation { get; private set; }

    public string? Reason { get; private set; }

    public string? WrittenBy { get; private set; }

    public DateTime? WrittenAtUtc { get; private set; }

    internal void Set(string? assessment, Recommendation? recommendation, string? reason, string actor, DateTime nowUtc)
    {
        var trimmedReason = DomainText.Optional(reason, "권고 사유", ComprehensiveEvaluation.TextMaxLength);
        if (recommendation is not null && trimmedReason is null)
        {
            throw new DomainException("권고(확대·유지·축소·종료)에는 사유를 함께 입력하세요.");
        }

        Assessment = DomainText.Optional(assessment, "목표 달성 판단", ComprehensiveEvaluation.TextMaxLength);
        Recommendation = recommendation;
        Reason = trimmedReason;
        WrittenBy = actor;
        WrittenAtUtc = nowUtc;
    }
}
