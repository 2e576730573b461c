using SocialEconomy.Domain;
using SocialEconomy.Domain.Evaluation;

namespace SocialEconomy.UnitTests.Evaluation;

/// <summary>How the committee's scores become one (docs/evaluations.md), with ties and too few members.</summary>
public class ScoreAggregationTests
{
    [Theory]
    [InlineData(Aggregation.Mean, new[] { 10.0, 8.0, 6.0 }, 8.0)]
    [InlineData(Aggregation.Mean, new[] { 10.0, 9.0 }, 9.5)]
    [InlineData(Aggregation.Mean, new[] { 7.0 }, 7.0)]
    [InlineData(Aggregation.Mean, new[] { 10.0, 10.0, 9.0 }, 9.67)]
    [InlineData(Aggregation.TrimmedMean, new[] { 10.0, 8.0, 6.0 }, 8.0)]
    [InlineData(Aggregation.TrimmedMean, new[] { 15.0, 3.0, 12.0, 13.0 }, 12.5)]
    [InlineData(Aggregation.TrimmedMean, new[] { 8.0, 8.0, 8.0, 5.0 }, 8.0)] // ties: one 8 is dropped as the highest
    [InlineData(Aggregation.TrimmedMean, new[] { 5.0, 5.0, 9.0, 9.0 }, 7.0)] // ties at both ends: one of each dropped
    [InlineData(Aggregation.TrimmedMean, new[] { 6.0, 6.0, 6.0 }, 6.0)] // all equal
    [InlineData(Aggregation.TrimmedMean, new[] { 10.0, 7.5, 7.0, 0.0, 9.5 }, 8.0)]
    public void Aggregate_FollowsTheMethod(Aggregation method, double[] scores, double expected)
    {
        var result = ScoreAggregation.Aggregate(scores.Select(s => (decimal)s).ToList(), method);
        Assert.Equal((decimal)expected, result.Value);
        Assert.Equal((decimal)scores.Min(), result.Min);
        Assert.Equal((decimal)scores.Max(), result.Max);
        Assert.Equal(result.Max - result.Min, result.Spread);
        Assert.Equal(scores.Length, result.Count);
        Assert.Equal(method == Aggregation.TrimmedMean ? scores.Length - 2 : scores.Length, result.Counted);
    }

    [Theory]
    [InlineData(new[] { 9.0, 7.0 })]
    [InlineData(new[] { 9.0 })]
    public void TrimmedMean_WithFewerThanThreeMembers_IsRefused(double[] scores)
    {
        var e = Assert.Throws<DomainException>(() => ScoreAggregation.Aggregate(scores.Select(s => (decimal)s).ToList(), Aggregation.TrimmedMean));
        Assert.Contains("3명 이상", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoScores_AreRefused() =>
        Assert.Throws<DomainException>(() => ScoreAggregation.Aggregate([], Aggregation.Mean));

    [Fact]
    public void Mean_IsRoundedToTwoPlacesHalfAwayFromZero()
    {
        Assert.Equal(8.33m, ScoreAggregation.Aggregate([8.5m, 8m, 8.5m], Aggregation.Mean).Value);
        Assert.Equal(0.13m, ScoreAggregation.Aggregate([1m, 0m, 0m, 0m, 0m, 0m, 0m, 0m], Aggregation.Mean).Value);
    }
}
