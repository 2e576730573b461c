using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.UnitTests.Planning;

namespace SocialEconomy.UnitTests.Results;

/// <summary>The rules of docs/results.md, one case each.</summary>
public class AchievementTests
{
    private static (SubProject Sub, ActionItem Item, YearResult Result) Build()
    {
        var (plan, sub, item) = new PlanBuilder().BuildWithActionItem();
        plan.Adopt();
        return (sub, item, new YearResult(sub, 2018));
    }

    [Theory]
    [InlineData("10", "8", IndicatorDirection.Increase, "80")]
    [InlineData("10", "12", IndicatorDirection.Increase, "120")]
    [InlineData("10", "８", IndicatorDirection.Increase, "80")]
    [InlineData("1,200", "1,500명", IndicatorDirection.Increase, "125")]
    [InlineData("0", "3", IndicatorDirection.Increase, "100")]
    [InlineData("5", "10", IndicatorDirection.Decrease, "50")]
    [InlineData("5", "4", IndicatorDirection.Decrease, "125")]
    [InlineData("5", "0", IndicatorDirection.Decrease, "100")]
    [InlineData("0", "2", IndicatorDirection.Decrease, "0")]
    [InlineData("3", "1", IndicatorDirection.Increase, "33.3")]
    public void NumericTarget_RateFollowsTheDirection(string target, string actual, IndicatorDirection direction, string expected)
    {
        var (_, item, result) = Build();
        var indicator = item.AddIndicator("지표", Unit.Persons, IndicatorKind.Count, TotalRule.Sum);
        indicator.SetDirection(direction);
        indicator.SetTarget(2018, TargetValue.Parse(target, Unit.Persons));
        var recorded = result.RecordIndicator(indicator, actual, null);

        Assert.Null(recorded.Problem);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Achievement.Rate(indicator.TargetFor(2018), recorded, direction));
    }

    [Theory]
    [InlineData(Judgement.Achieved, "100")]
    [InlineData(Judgement.PartlyAchieved, "50")]
    [InlineData(Judgement.NotAchieved, "0")]
    public void TextTarget_IsRatedByTheJudgement(Judgement judgement, string expected)
    {
        var (_, item, result) = Build();
        var indicator = item.AddIndicator("워크숍", Unit.Times, IndicatorKind.Count, TotalRule.Sum);
        indicator.SetTarget(2018, TargetValue.OfText("운영계획 수립"));
        var recorded = result.RecordIndicator(indicator, "수립 완료", judgement);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Achievement.Rate(indicator.TargetFor(2018), recorded, indicator.Direction));
    }

    [Theory]
    [InlineData("1000000000000000000000000000000", "너무 큽니다")]
    [InlineData("100000000000000", "너무 큽니다")]
    [InlineData("٣", "숫자로 입력하세요")]
    [InlineData("많이", "숫자로 입력하세요")]
    [InlineData("-3", "0 이상")]
    [InlineData("3개소", "숫자로 입력하세요")]
    public void NumericTarget_UnreadableActual_IsKeptWithItsProblem_AndNotRated(string actual, string problem)
    {
        var (_, item, result) = Build();
        var indicator = item.AddIndicator("발굴단", Unit.Items, IndicatorKind.Count, TotalRule.Sum);
        indicator.SetTarget(2018, new TargetValue(4m, null));
        var recorded = result.RecordIndicator(indicator, actual, null);

        Assert.Equal(actual, recorded.Input);
        Assert.Contains(problem, recorded.Problem, StringComparison.Ordinal);
        Assert.Null(Achievement.Rate(indicator.TargetFor(2018), recorded, indicator.Direction));
        Assert.Contains(result.SubmissionGaps(), g => g.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void OverlongText_AfterNormalising_IsAProblem_NeverAnException()
    {
        var (_, item, result) = Build();
        var indicator = item.AddIndicator("정성", Unit.Cases, IndicatorKind.Text, TotalRule.None);
        indicator.SetTarget(2018, TargetValue.OfText("계획 수립"));
        var typed = new string('가', 480) + string.Concat(Enumerable.Repeat("㈜", 15));

        var recorded = result.RecordIndicator(indicator, typed, Judgement.Achieved);

        Assert.Contains("500자", recorded.Problem, StringComparison.Ordinal);
        Assert.Equal(typed, recorded.Input);
        Assert.Equal(1000, result.RecordIndicator(indicator, new string('나', 1500), null).Input!.Length);
    }

    [Fact]
    public void SubProjectRollup_CapsEachIndicatorAt100_AndSumsMoneyInThePlanUnit()
    {
        var (sub, item, result) = Build();
        var over = item.AddIndicator("초과", Unit.Persons, IndicatorKind.Count, TotalRule.Sum);
        over.SetTarget(2018, new TargetValue(10m, null));
        var under = item.AddIndicator("미달", Unit.Persons, IndicatorKind.Count, TotalRule.Sum);
        under.SetTarget(2018, new TargetValue(10m, null));
        var noTarget = item.AddIndicator("목표 없음", Unit.Persons, IndicatorKind.Count, TotalRule.Sum);
        result.RecordIndicator(over, "30", null);
        result.RecordIndicator(under, "6", null);
        result.RecordIndicator(noTarget, "5", null);

        var thousand = sub.AddBudgetLine("천원 항목", Unit.ThousandWon, item);
        thousand.SetAmount(2018, 2_000m);
        var million = sub.AddBudgetLine("백만원 항목", Unit.MillionWon, item);
        million.SetAmount(2018, 8m);
        sub.AddBudgetLine("비예산", Unit.MillionWon, item).MarkNonBudget();
        result.RecordExecution(thousand, "1,000");
        result.RecordExecution(million, "8");

        var rollup = Achievement.ForSubProject(sub, 2018, result, Unit.MillionWon, i => i.TargetFor(2018));

        // (100 capped from 300, 60) / 2; (1 + 8) / (2 + 8) 백만원.
        Assert.Equal(80m, rollup.Achievement);
        Assert.Equal((10m, 9m, 90m), (rollup.Planned, rollup.Executed, rollup.Execution!.Value));
        Assert.Equal(Achievement.Combine([rollup, new Rollup(null, 0m, 0m, 0)]).Achievement, 80m);
        Assert.Equal(70m, Achievement.Combine([rollup, new Rollup(60m, 0m, 0m, 1)]).Achievement);
    }

    [Fact]
    public void Review_FollowsItsOrder_AndLocksWhatIsSubmittedOrConfirmed()
    {
        var (sub, item, result) = Build();
        var plan = sub.Task.Plan;
        var period = new ResultsPeriod(plan, 2018, new DateOnly(2019, 1, 31), DateTime.UtcNow);
        item.AddIndicator("발굴단", Unit.Items, IndicatorKind.Count, TotalRule.Sum).SetTarget(2018, new TargetValue(4m, null));

        Assert.Throws<DomainException>(() => result.Submit(period, "담당자", DateTime.UtcNow));
        result.RecordIndicator(item.Indicators[0], "4", null);
        result.SetNarratives("추진", null, null);
        Assert.Throws<DomainException>(() => result.Confirm("주무관", DateTime.UtcNow));
        result.Submit(period, "담당자", DateTime.UtcNow);
        Assert.Throws<DomainException>(() => result.SetNarratives("바꾸기", null, null));
        Assert.Throws<DomainException>(() => result.Return("주무관", DateTime.UtcNow, "  "));
        result.Return("주무관", DateTime.UtcNow, "보완");
        result.Submit(period, "담당자", DateTime.UtcNow);
        result.Confirm("주무관", DateTime.UtcNow);
        Assert.Throws<DomainException>(() => result.RecordIndicator(item.Indicators[0], "5", null));
        result.Reopen("주무관", DateTime.UtcNow, "정정");
        Assert.Equal(ResultStatus.Returned, result.Status);

        period.Close(DateTime.UtcNow);
        Assert.Contains("닫혀 있습니다", Assert.Throws<DomainException>(() => result.Submit(period, "담당자", DateTime.UtcNow)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Period_OnlyForAnAdoptedPlanAndAYearOfIt()
    {
        var draft = new PlanBuilder().Build();
        Assert.Throws<DomainException>(() => new ResultsPeriod(draft, 2018, new DateOnly(2019, 1, 31), DateTime.UtcNow));
        draft.Adopt();
        Assert.Throws<DomainException>(() => new ResultsPeriod(draft, 2021, new DateOnly(2022, 1, 31), DateTime.UtcNow));
    }

    [Fact]
    public void RecordedResults_RefuseRemovingWhatTheyReferTo()
    {
        var (sub, item, _) = Build();
        var indicator = item.AddIndicator("발굴단", Unit.Items, IndicatorKind.Count, TotalRule.Sum);
        var recorded = new RecordedResults(new HashSet<int> { sub.Id }, new HashSet<int> { indicator.Id }, new HashSet<int>(), new HashSet<int>());

        // Ids are 0 before saving, so the sets match these unsaved parts.
        Assert.Contains("실적이 입력되어", StructureRemoval.Refusal(sub, recorded), StringComparison.Ordinal);
        Assert.Contains("실적이 입력되어", StructureRemoval.Refusal(indicator, recorded), StringComparison.Ordinal);
        Assert.Contains("실적이 입력되어", StructureRemoval.Refusal(sub.Task, recorded), StringComparison.Ordinal);
        Assert.Null(RecordedResults.None.Refusal(indicator));
    }
}
