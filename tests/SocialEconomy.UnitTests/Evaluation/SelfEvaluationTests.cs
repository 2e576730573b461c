using SocialEconomy.Domain;
using SocialEconomy.Domain.Evaluation;

namespace SocialEconomy.UnitTests.Evaluation;

/// <summary>The T/F's scoring of one sub-project, the proposal from achievement, and the review steps.</summary>
public class SelfEvaluationTests
{
    private static readonly DateTime Now = new(2019, 2, 1, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Achievement_IsProposedFromTheRate_AndAnotherFigureNeedsAReason()
    {
        var (cycle, sub) = EvaluationBuilder.Cycle();
        var evaluation = new SelfEvaluation(cycle, sub);
        var achievementId = cycle.SelfFramework.AchievementItem!.Id;

        var problems = evaluation.Score(EvaluationBuilder.Inputs(cycle.SelfFramework, "8", "30", "15"), 92.5m, "tf", Now);
        Assert.Contains("27점", problems[achievementId], StringComparison.Ordinal);
        Assert.Empty(evaluation.Scores);
        Assert.False(cycle.SelfFramework.IsFrozen);

        var inputs = EvaluationBuilder.Inputs(cycle.SelfFramework, "8", "30", "15");
        inputs[achievementId] = inputs[achievementId] with { Reason = "정성 성과 반영" };
        Assert.Empty(evaluation.Score(inputs, 92.5m, "tf", Now));
        var score = evaluation.ScoreFor(achievementId)!;
        Assert.Equal((30m, 27m, "정성 성과 반영"), (score.Points!.Value, score.ProposedPoints!.Value, score.OverrideReason));
        Assert.Equal(53m, evaluation.Total);
        Assert.True(cycle.SelfFramework.IsFrozen);

        // The proposed figure needs no reason, and a stale reason is not kept.
        inputs = EvaluationBuilder.Inputs(cycle.SelfFramework, "8", "27", "15");
        inputs[achievementId] = inputs[achievementId] with { Reason = "남은 사유" };
        Assert.Empty(evaluation.Score(inputs, 92.5m, "tf", Now));
        Assert.Null(evaluation.ScoreFor(achievementId)!.OverrideReason);
        Assert.True(evaluation.IsScored(cycle.SelfFramework.Items));
    }

    [Fact]
    public void WithoutConfirmedResults_NothingIsProposed_AndAnyFigureIsAccepted()
    {
        var (cycle, sub) = EvaluationBuilder.Cycle();
        var evaluation = new SelfEvaluation(cycle, sub);
        Assert.Empty(evaluation.Score(EvaluationBuilder.Inputs(cycle.SelfFramework, "8", "20", "15"), null, "tf", Now));
        Assert.Null(evaluation.ScoreFor(cycle.SelfFramework.AchievementItem!.Id)!.ProposedPoints);
    }

    [Fact]
    public void Review_NeedsEverySubProjectScored_ThenLockNeedsTheCouncilsNote()
    {
        var (cycle, sub) = EvaluationBuilder.Cycle();
        Assert.Contains("1-1", Assert.Throws<DomainException>(() => cycle.SendSelfToReview(["1-1"])).Message, StringComparison.Ordinal);
        cycle.SendSelfToReview([]);
        var evaluation = new SelfEvaluation(cycle, sub);
        Assert.Throws<DomainException>(() => evaluation.WriteReport("검토 중 수정", "officer", Now));
        Assert.Throws<DomainException>(() => evaluation.Score(EvaluationBuilder.Inputs(cycle.SelfFramework, "8"), null, "tf", Now));
        Assert.Throws<DomainException>(() => cycle.LockSelf(" ", Now));
        cycle.ReturnSelfToScoring();
        evaluation.WriteReport("보고서", "officer", Now);
        cycle.SendSelfToReview([]);
        cycle.LockSelf("실무협의체 검토 완료(2019.2.20)", Now);
        Assert.Equal(SelfStage.Locked, cycle.SelfStage);
        Assert.Throws<DomainException>(() => cycle.ReturnSelfToScoring());
        Assert.Throws<DomainException>(() => evaluation.WriteReport("확정 후 수정", "officer", Now));
    }

    [Fact]
    public void Calendar_DefaultsFollowTheSeed_AndStepsMustFollowEachOther()
    {
        Assert.Equal(new EvaluationCalendar(new(2018, 12, 31), new(2019, 2, 28), new(2019, 3, 31), new(2019, 4, 30)), EvaluationCalendar.Default(2018));
        Assert.Equal(new DateOnly(2020, 2, 29), EvaluationCalendar.Default(2019).SelfReportsBy);
        Assert.Throws<DomainException>(() => EvaluationCalendar.Create(new(2018, 12, 31), new(2018, 12, 1), new(2019, 3, 31), new(2019, 4, 30)));
        Assert.Throws<DomainException>(() => EvaluationCalendar.Create(new(2018, 12, 31), new(2019, 2, 28), new(2019, 4, 30), new(2019, 3, 31)));
    }
}
