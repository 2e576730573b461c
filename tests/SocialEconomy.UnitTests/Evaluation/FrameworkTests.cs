using SocialEconomy.Domain;
using SocialEconomy.Domain.Evaluation;

namespace SocialEconomy.UnitTests.Evaluation;

/// <summary>Frameworks are data the T/F adjusts for a year until the first score freezes them.</summary>
public class FrameworkTests
{
    [Fact]
    public void CopyForAYear_KeepsItemsAndBands_AndIsNotTheDefault()
    {
        var template = EvaluationBuilder.Self();
        var copy = template.CopyFor(2018);
        Assert.False(copy.IsDefault);
        Assert.True(template.IsDefault);
        Assert.Equal("2018년 자체평가", copy.Title);
        Assert.Equal(template.Items.Select(i => (i.Indicator, i.MaxPoints, i.Role, i.Topic)), copy.Items.Select(i => (i.Indicator, i.MaxPoints, i.Role, i.Topic)));
        Assert.Equal(template.Bands.Select(b => (b.MinRate, b.Points)), copy.Bands.Select(b => (b.MinRate, b.Points)));
        Assert.Equal(60m, copy.BasePoints);
    }

    [Fact]
    public void AdjustingTheCopy_LeavesTheDefaultAlone()
    {
        var template = EvaluationBuilder.Self();
        var copy = template.CopyFor(2018);
        copy.EditItem(copy.Items[0], new("계획", "성과계획의 적정성", "성과목표·지표의 적정성", "새 세부지표", 15, false, ItemRole.None, null));
        Assert.Equal(15m, copy.Items[0].MaxPoints);
        Assert.Equal(10m, template.Items[0].MaxPoints);
    }

    [Fact]
    public void FrozenFramework_RefusesEveryChange()
    {
        var copy = EvaluationBuilder.Self().CopyFor(2018);
        copy.Freeze();
        var item = copy.Items[0];
        var draft = new ItemDraft("계획", "x", "y", null, 5, false, ItemRole.None, null);
        Assert.Throws<DomainException>(() => copy.AddItem(draft));
        Assert.Throws<DomainException>(() => copy.EditItem(item, draft));
        Assert.Throws<DomainException>(() => copy.RemoveItem(item));
        Assert.Throws<DomainException>(() => copy.SetBands([(90m, 27m)]));
        Assert.Equal(3, copy.Items.Count);
    }

    [Fact]
    public void Defaults_AreNeverScoredAgainst() =>
        Assert.Throws<InvalidOperationException>(() => EvaluationBuilder.Self().Freeze());

    [Theory]
    [InlineData(null, null)]
    [InlineData(100.0, 30.0)]
    [InlineData(135.0, 30.0)]
    [InlineData(99.9, 27.0)]
    [InlineData(90.0, 27.0)]
    [InlineData(80.0, 24.0)]
    [InlineData(12.5, 12.0)]
    [InlineData(0.0, 12.0)]
    public void Bands_ProposeThePointsOfTheHighestBandReached(double? rate, double? points) =>
        Assert.Equal(points is null ? null : (decimal)points, EvaluationBuilder.Self().ProposedPoints(rate is null ? null : (decimal)rate));

    [Fact]
    public void Bands_MustNotGiveMoreForLessOrExceedTheItem()
    {
        var f = EvaluationBuilder.Self().CopyFor(2018);
        Assert.Contains("클 수 없습니다", Assert.Throws<DomainException>(() => f.SetBands([(90m, 20m), (80m, 25m)])).Message, StringComparison.Ordinal);
        Assert.Contains("30점", Assert.Throws<DomainException>(() => f.SetBands([(90m, 31m)])).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => f.SetBands([(90m, 20m), (90m, 10m)]));
        Assert.Throws<DomainException>(() => f.SetBands([(90m, 20.3m)]));
    }

    [Fact]
    public void OnlyOneAchievementItem_AndOnlyInTheSelfTable()
    {
        var self = EvaluationBuilder.Self();
        Assert.Throws<DomainException>(() => self.AddItem(new("a", "b", "c", null, 5, false, ItemRole.Achievement, null)));
        Assert.Throws<DomainException>(() => EvaluationBuilder.External().AddItem(new("a", "b", "c", null, 5, false, ItemRole.Achievement, null)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(100.5)]
    [InlineData(2.25)]
    public void ItemPoints_AreHalfStepsUpTo100(double points) =>
        Assert.Throws<DomainException>(() => EvaluationBuilder.Self().AddItem(new("a", "b", "c", null, (decimal)points, false, ItemRole.None, null)));
}
