using System.Globalization;

namespace SocialEconomy.Domain.Evaluation;

/// <summary>What was typed for one item: the points as text (checked here), a comment and, for an override, a reason.</summary>
public sealed record ScoreInput(string? Points, string? Comment, string? Reason = null);

/// <summary>The checks every score passes, for the T/F and the committee alike.</summary>
public static class ScoreRules
{
    public const int CommentMaxLength = 1000;

    /// <summary>Reads points typed as text: ASCII digits with at most one decimal place, nothing else.</summary>
    public static bool TryReadPoints(string? text, out decimal points)
    {
        points = 0;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 6 || !trimmed.All(c => c is >= '0' and <= '9' or '.'))
        {
            return false;
        }

        return decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out points);
    }

    /// <summary>Problems per item id, in Korean; empty when every input may be saved.</summary>
    public static Dictionary<int, string> Check(IReadOnlyList<EvaluationItem> items, IReadOnlyDictionary<int, ScoreInput> inputs, bool requireAll)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(inputs);
        var problems = new Dictionary<int, string>();
        foreach (var item in items)
        {
            inputs.TryGetValue(item.Id, out var input);
            var problem = Problem(item, input, requireAll);
            if (problem is not null)
            {
                problems[item.Id] = problem;
            }
        }

        return problems;
    }

    /// <summary>The points of an input already checked by <see cref="Check"/>; null when left blank.</summary>
    public static decimal? Points(ScoreInput? input) => TryReadPoints(input?.Points, out var points) ? points : null;

    private static string? Problem(EvaluationItem item, ScoreInput? input, bool requireAll)
    {
        if (string.IsNullOrWhiteSpace(input?.Points))
        {
            return requireAll ? $"{item.Indicator}의 점수를 입력하세요." : null;
        }

        if (!TryReadPoints(input.Points, out var points))
        {
            return $"점수는 숫자로 입력하세요. 예: {item.MaxPoints:0.#} 또는 7.5";
        }

        try
        {
            DomainText.Points(points, item.MaxPoints, "점수");
            DomainText.Optional(input.Comment, "의견", CommentMaxLength);
            DomainText.Optional(input.Reason, "조정 사유", CommentMaxLength);
        }
        catch (DomainException e)
        {
            return e.Message;
        }

        return null;
    }
}

/// <summary>An external committee member's seat for the year: the declaration and the scores.</summary>
public class CommitteeSeat
{
    public const int DeclarationMaxLength = 500;

    private readonly List<MemberScore> _scores = [];

    internal CommitteeSeat(EvaluationCycle cycle, string userId, string displayName)
    {
        Cycle = cycle;
        UserId = userId;
        DisplayName = displayName;
    }

    private CommitteeSeat()
    {
        Cycle = null!;
        UserId = DisplayName = string.Empty;
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public EvaluationCycle Cycle { get; private set; }

    public string UserId { get; private set; }

    /// <summary>The member's name when seated, kept for the record even if the account is renamed.</summary>
    public string DisplayName { get; private set; }

    /// <summary>When the member declared no conflict of interest (이해충돌 없음 확인); nothing is shown before.</summary>
    public DateTime? DeclaredAtUtc { get; private set; }

    public string? DeclarationNote { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public bool IsDeclared => DeclaredAtUtc is not null;

    public bool IsSubmitted => SubmittedAtUtc is not null;

    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyCollection<MemberScore> Scores => _scores;

    public decimal Total => _scores.Sum(s => s.Points ?? 0m);

    public MemberScore? ScoreFor(int itemId) => _scores.FirstOrDefault(s => s.ItemId == itemId);

    /// <summary>이해충돌 없음 확인: the member confirms having no interest in the plan's sub-projects.</summary>
    /// <remarks>
    /// The declaration records when the member first confirmed, before scoring: declaring again
    /// (a second click, a reloaded form) keeps that time and note, and once the sheet is
    /// submitted it cannot be touched at all (issue 15 item 10).
    /// </remarks>
    public void Declare(bool noConflict, string? note, DateTime nowUtc)
    {
        Cycle.EnsureCommitteeOpen();
        if (IsSubmitted)
        {
            throw new DomainException("채점표를 제출한 뒤에는 이해충돌 확인을 바꿀 수 없습니다.");
        }

        if (!noConflict)
        {
            throw new DomainException("이해충돌이 없음을 확인해야 평가를 시작할 수 있습니다. 이해충돌이 있으면 주무부서에 알려 주세요.");
        }

        if (IsDeclared)
        {
            return;
        }

        DeclarationNote = DomainText.Optional(note, "확인 내용", DeclarationMaxLength);
        DeclaredAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    public void EnsureDeclared()
    {
        if (!IsDeclared)
        {
            throw new DomainException("이해충돌 없음 확인을 먼저 해 주세요.");
        }
    }

    internal void Record(IReadOnlyList<EvaluationItem> items, IReadOnlyDictionary<int, ScoreInput> inputs, bool submit, DateTime nowUtc)
    {
        foreach (var item in items)
        {
            inputs.TryGetValue(item.Id, out var input);
            var score = ScoreFor(item.Id);
            if (score is null)
            {
                score = new MemberScore(this, item);
                _scores.Add(score);
            }

            score.Set(ScoreRules.Points(input), DomainText.Optional(input?.Comment, "의견", ScoreRules.CommentMaxLength));
        }

        // A member may still change submitted scores until the committee closes; saving a
        // draft withdraws the submission so that only finished sheets count.
        SubmittedAtUtc = submit ? nowUtc : null;
        Version = Guid.NewGuid();
    }
}

/// <summary>One member's points and comment for one external item.</summary>
public class MemberScore
{
    internal MemberScore(CommitteeSeat seat, EvaluationItem item)
    {
        Seat = seat;
        Item = item;
        ItemId = item.Id;
    }

    private MemberScore()
    {
        Seat = null!;
        Item = null!;
    }

    public int Id { get; private set; }

    public int SeatId { get; private set; }

    public CommitteeSeat Seat { get; private set; }

    public int ItemId { get; private set; }

    public EvaluationItem Item { get; private set; }

    public decimal? Points { get; private set; }

    public string? Comment { get; private set; }

    internal void Set(decimal? points, string? comment) => (Points, Comment) = (points, comment);
}

/// <summary>A result per item or in total: the aggregate and the spread of the members' scores.</summary>
public sealed record AggregateScore(decimal Value, decimal Min, decimal Max, int Count, int Counted)
{
    public decimal Spread => Max - Min;
}

/// <summary>
/// How members' scores become the committee's (docs/evaluations.md): the mean, or the mean
/// without one highest and one lowest score. With ties only one of the equal extremes is
/// dropped (8, 8, 8, 5 → 8). Results are rounded to two decimal places, half away from zero.
/// </summary>
public static class ScoreAggregation
{
    public const int TrimmedMinimum = 3;

    public static AggregateScore Aggregate(IReadOnlyList<decimal> scores, Aggregation method)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            throw new DomainException("집계할 점수가 없습니다.");
        }

        var ordered = scores.Order().ToList();
        var counted = ordered;
        if (method == Aggregation.TrimmedMean)
        {
            if (ordered.Count < TrimmedMinimum)
            {
                throw new DomainException($"최고·최저점 제외 평균은 위원이 {TrimmedMinimum}명 이상이어야 합니다.");
            }

            counted = ordered.GetRange(1, ordered.Count - 2);
        }

        var value = decimal.Round(counted.Sum() / counted.Count, 2, MidpointRounding.AwayFromZero);
        return new AggregateScore(value, ordered[0], ordered[^1], ordered.Count, counted.Count);
    }

    public static string Label(Aggregation method) => method == Aggregation.TrimmedMean ? "최고·최저점 제외 평균" : "산술평균";
}
