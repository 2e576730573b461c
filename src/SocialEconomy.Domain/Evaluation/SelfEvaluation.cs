using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Domain.Evaluation;

/// <summary>
/// 자체평가 of one sub-project in one year: the department's report (자체평가보고서) written
/// beside its confirmed results, and the T/F's points and comments per item.
/// </summary>
public class SelfEvaluation
{
    public const int ReportMaxLength = 4000;

    private readonly List<SelfScore> _scores = [];

    public SelfEvaluation(EvaluationCycle cycle, SubProject subProject)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(subProject);
        if (!subProject.Period.Contains(cycle.Year))
        {
            throw new DomainException($"{subProject.Code} 세부사업은 {cycle.Year}년에 추진하지 않습니다.");
        }

        Cycle = cycle;
        CycleId = cycle.Id;
        SubProjectId = subProject.Id;
    }

    private SelfEvaluation()
    {
        Cycle = null!;
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public EvaluationCycle Cycle { get; private set; }

    public int SubProjectId { get; private set; }

    /// <summary>자체평가보고서: what the department says of its year (성과, 미흡한 점, 다음 해 계획).</summary>
    public string? Report { get; private set; }

    public string? ReportBy { get; private set; }

    public DateTime? ReportAtUtc { get; private set; }

    public string? ScoredBy { get; private set; }

    public DateTime? ScoredAtUtc { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyCollection<SelfScore> Scores => _scores;

    public decimal Total => _scores.Sum(s => s.Points ?? 0m);

    public SelfScore? ScoreFor(int itemId) => _scores.FirstOrDefault(s => s.ItemId == itemId);

    public bool IsScored(IEnumerable<EvaluationItem> items) => items.All(i => ScoreFor(i.Id)?.Points is not null);

    public void WriteReport(string? report, string actor, DateTime nowUtc)
    {
        Cycle.EnsureSelfScoring();
        Report = DomainText.Optional(report, "자체평가보고서", ReportMaxLength);
        ReportBy = actor;
        ReportAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// The T/F's scores. 목표의 달성도 is proposed from the achievement rate through the
    /// year's bands; another figure needs a reason. Every input is checked before anything
    /// is kept; the problems are returned per item, and the year's table is frozen from the
    /// first save on.
    /// </summary>
    public IReadOnlyDictionary<int, string> Score(IReadOnlyDictionary<int, ScoreInput> inputs, decimal? achievementRate, string actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Cycle.EnsureSelfScoring();
        var framework = Cycle.SelfFramework;
        var problems = ScoreRules.Check(framework.Items, inputs, requireAll: false);
        var proposed = framework.ProposedPoints(achievementRate);
        if (framework.AchievementItem is { } achievement && !problems.ContainsKey(achievement.Id) && proposed is { } suggestion)
        {
            inputs.TryGetValue(achievement.Id, out var input);
            if (ScoreRules.Points(input) is { } given && given != suggestion && string.IsNullOrWhiteSpace(input?.Reason))
            {
                problems[achievement.Id] = $"달성률로 제안된 점수({suggestion:0.#}점)와 다르게 주려면 조정 사유를 입력하세요.";
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        framework.Freeze();
        foreach (var item in framework.Items)
        {
            inputs.TryGetValue(item.Id, out var input);
            var score = ScoreFor(item.Id);
            if (score is null)
            {
                score = new SelfScore(this, item);
                _scores.Add(score);
            }

            var points = ScoreRules.Points(input);
            var itemProposal = item.Role == ItemRole.Achievement ? proposed : null;
            var reason = itemProposal is { } p && points is { } given && given != p ? DomainText.Optional(input?.Reason, "조정 사유", ScoreRules.CommentMaxLength) : null;
            score.Set(points, DomainText.Optional(input?.Comment, "의견", ScoreRules.CommentMaxLength), itemProposal, reason);
        }

        ScoredBy = actor;
        ScoredAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return problems;
    }
}

/// <summary>The T/F's points for one item of one sub-project, with the proposal it started from.</summary>
public class SelfScore
{
    internal SelfScore(SelfEvaluation evaluation, EvaluationItem item)
    {
        Evaluation = evaluation;
        Item = item;
        ItemId = item.Id;
    }

    private SelfScore()
    {
        Evaluation = null!;
        Item = null!;
    }

    public int Id { get; private set; }

    public int EvaluationId { get; private set; }

    public SelfEvaluation Evaluation { get; private set; }

    public int ItemId { get; private set; }

    public EvaluationItem Item { get; private set; }

    public decimal? Points { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>목표의 달성도: the points the bands proposed when it was scored.</summary>
    public decimal? ProposedPoints { get; private set; }

    /// <summary>Why the T/F gave other points than proposed.</summary>
    public string? OverrideReason { get; private set; }

    internal void Set(decimal? points, string? comment, decimal? proposed, string? reason) =>
        (Points, Comment, ProposedPoints, OverrideReason) = (points, comment, proposed, reason);
}
