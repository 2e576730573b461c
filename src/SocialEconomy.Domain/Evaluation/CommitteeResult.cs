namespace SocialEconomy.Domain.Evaluation;

/// <summary>One external item's result: the aggregate of the submitted members' points and their spread.</summary>
public sealed record ItemResult(EvaluationItem Item, AggregateScore? Score, IReadOnlyList<string> Comments);

/// <summary>
/// The closed committee's result. Only submitted sheets count. Per item the members'
/// points are aggregated by the year's method; the total is the same method applied to
/// each member's total (so under the trimmed mean the total drops the members with the
/// highest and lowest totals, as a committee's 최고·최저점 제외 does, and need not equal
/// the sum of the item results).
/// </summary>
public sealed record CommitteeResult(IReadOnlyList<ItemResult> Items, AggregateScore Total, int Members)
{
    public static CommitteeResult Compute(EvaluationCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var seats = cycle.Seats.Where(s => s.IsSubmitted).ToList();
        if (seats.Count == 0)
        {
            throw new DomainException("점수를 제출한 위원이 없습니다.");
        }

        var items = cycle.ExternalFramework.Items.Select(item =>
        {
            var points = seats.Select(s => s.ScoreFor(item.Id)?.Points).OfType<decimal>().ToList();
            var comments = seats
                .Select(s => (Seat: s, Comment: s.ScoreFor(item.Id)?.Comment))
                .Where(c => c.Comment is not null)
                .Select(c => cycle.AnonymousComments ? c.Comment! : $"{c.Seat.DisplayName}: {c.Comment}")
                .Order(StringComparer.Ordinal)
                .ToList();
            return new ItemResult(item, points.Count > 0 ? ScoreAggregation.Aggregate(points, cycle.Aggregation) : null, comments);
        }).ToList();
        var total = ScoreAggregation.Aggregate(seats.Select(s => s.Total).ToList(), cycle.Aggregation);
        return new CommitteeResult(items, total, seats.Count);
    }

    /// <summary>The committee's share of the points of a topic's items, in percent; null when none was scored.</summary>
    public decimal? TopicPercent(string topic)
    {
        var topical = Items.Where(i => i.Item.Topic == topic && i.Score is not null).ToList();
        var max = topical.Sum(i => i.Item.MaxPoints);
        return max > 0 ? decimal.Round(topical.Sum(i => i.Score!.Value) / max * 100m, 1, MidpointRounding.AwayFromZero) : null;
    }
}

/// <summary>Where the T/F's and the committee's items meet (the same 비교 주제), and how far apart they are.</summary>
public sealed record TopicGap(string Topic, decimal? SelfPercent, decimal? CommitteePercent, decimal Threshold)
{
    public decimal? Gap => SelfPercent is { } s && CommitteePercent is { } c ? Math.Abs(s - c) : null;

    public bool NeedsReason => Gap > Threshold;

    /// <summary>
    /// The T/F's side is the mean over the scored sub-projects of their share of the topic's
    /// points; the committee's is its aggregate share (CommitteeResult.TopicPercent).
    /// </summary>
    public static IReadOnlyList<TopicGap> Compare(EvaluationCycle cycle, IReadOnlyList<SelfEvaluation> selfEvaluations, CommitteeResult committee)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(selfEvaluations);
        ArgumentNullException.ThrowIfNull(committee);
        var selfItems = cycle.SelfFramework.Items;
        var topics = selfItems.Select(i => i.Topic).OfType<string>()
            .Intersect(cycle.ExternalFramework.Items.Select(i => i.Topic).OfType<string>(), StringComparer.Ordinal)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return topics.Select(topic =>
        {
            var items = selfItems.Where(i => i.Topic == topic).ToList();
            var max = items.Sum(i => i.MaxPoints);
            var shares = selfEvaluations
                .Where(e => e.IsScored(items))
                .Select(e => items.Sum(i => e.ScoreFor(i.Id)!.Points!.Value) / max * 100m)
                .ToList();
            decimal? self = shares.Count > 0 ? decimal.Round(shares.Average(), 1, MidpointRounding.AwayFromZero) : null;
            return new TopicGap(topic, self, committee.TopicPercent(topic), cycle.GapThreshold);
        }).ToList();
    }
}
