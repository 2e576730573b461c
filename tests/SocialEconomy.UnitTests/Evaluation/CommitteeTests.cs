using SocialEconomy.Domain;
using SocialEconomy.Domain.Evaluation;

namespace SocialEconomy.UnitTests.Evaluation;

/// <summary>The committee's rules: declare first, independent sheets, closing, and the result.</summary>
public class CommitteeTests
{
    private static readonly DateTime Now = new(2019, 3, 15, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Scoring_BeforeDeclaring_IsRefused()
    {
        var (cycle, _) = EvaluationBuilder.Cycle();
        cycle.AddMember("u1", "위원1");
        Assert.Contains("이해충돌", Assert.Throws<DomainException>(() => cycle.SaveMemberScores("u1", EvaluationBuilder.Inputs(cycle.ExternalFramework, "10", "10", "1"), false, Now)).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => cycle.SeatOf("u1")!.Declare(false, null, Now));
    }

    [Fact]
    public void Declare_Again_KeepsTheFirstTimeAndNote_AndIsRefusedOnceSubmitted()
    {
        var (cycle, _) = EvaluationBuilder.Cycle();
        var seat = cycle.AddMember("u1", "위원1");
        seat.Declare(true, "처음", Now);
        seat.Declare(true, "다시", Now.AddHours(1));
        Assert.Equal((Now, "처음"), (seat.DeclaredAtUtc, seat.DeclarationNote));

        cycle.SaveMemberScores("u1", EvaluationBuilder.Inputs(cycle.ExternalFramework, "10", "10", "1"), true, Now.AddHours(2));
        Assert.True(seat.IsSubmitted);
        Assert.Contains("제출한 뒤에는", Assert.Throws<DomainException>(() => seat.Declare(true, "제출 뒤", Now.AddHours(3))).Message, StringComparison.Ordinal);
        Assert.Equal((Now, "처음"), (seat.DeclaredAtUtc, seat.DeclarationNote));
    }

    [Fact]
    public void ADraft_MayBeIncomplete_ASubmissionMayNot_AndBadPointsSaveNothing()
    {
        var (cycle, _) = EvaluationBuilder.Cycle();
        Seat(cycle, "u1");
        Assert.Empty(cycle.SaveMemberScores("u1", EvaluationBuilder.Inputs(cycle.ExternalFramework, "12"), false, Now));
        Assert.True(cycle.ExternalFramework.IsFrozen);
        var missing = cycle.SaveMemberScores("u1", EvaluationBuilder.Inputs(cycle.ExternalFramework, "12"), true, Now);
        Assert.Equal(2, missing.Count);
        var bad = cycle.SaveMemberScores("u1", EvaluationBuilder.Inputs(cycle.ExternalFramework, "16", "abc", "2.3"), false, Now);
        Assert.Equal(3, bad.Count);
        Assert.Contains("15점", bad.Values.First(), StringComparison.Ordinal);
        Assert.Equal(12m, cycle.SeatOf("u1")!.Total);
        Assert.False(cycle.SeatOf("u1")!.IsSubmitted);
    }

    [Fact]
    public void Closing_CountsOnlySubmittedSheets_AndLocksEverything()
    {
        var (cycle, _) = EvaluationBuilder.Cycle();
        cycle.SetCommitteeRules(Aggregation.Mean, anonymousComments: false, 20m);
        Seat(cycle, "u1");
        Seat(cycle, "u2");
        Seat(cycle, "u3");
        Assert.Empty(cycle.SaveMemberScores("u1", EvaluationBuilder.Inputs(cycle.ExternalFramework, "15", "20", "5"), true, Now));
        Assert.Empty(cycle.SaveMemberScores("u2", EvaluationBuilder.Inputs(cycle.ExternalFramework, "10", "10", "0"), true, Now));
        Assert.Empty(cycle.SaveMemberScores("u3", EvaluationBuilder.Inputs(cycle.ExternalFramework, "1", "1", "1"), false, Now));
        cycle.CloseCommittee(Now);

        var result = CommitteeResult.Compute(cycle);
        Assert.Equal(2, result.Members);
        Assert.Equal(12.5m, result.Items[0].Score!.Value);
        Assert.Equal(5m, result.Items[0].Score!.Spread);
        Assert.Equal(30m, result.Total.Value);
        Assert.Contains("위원1: 의견 0", result.Items[0].Comments);

        Assert.Throws<DomainException>(() => cycle.SaveMemberScores("u1", EvaluationBuilder.Inputs(cycle.ExternalFramework, "1", "1", "1"), true, Now));
        Assert.Throws<DomainException>(() => cycle.AddMember("u4", "위원4"));
        Assert.Throws<DomainException>(() => cycle.SetCommitteeRules(Aggregation.TrimmedMean, true, 10m));
        Assert.Throws<DomainException>(() => cycle.CloseCommittee(Now));
        Assert.Equal(40m, cycle.SeatOf("u1")!.Total);
    }

    [Fact]
    public void TrimmedMean_NeedsThreeSubmittedSheetsToClose()
    {
        var (cycle, _) = EvaluationBuilder.Cycle();
        Assert.Equal(Aggregation.TrimmedMean, cycle.Aggregation);
        Seat(cycle, "u1");
        Seat(cycle, "u2");
        Assert.Contains("점수를 제출한 위원이 없어", Assert.Throws<DomainException>(() => cycle.CloseCommittee(Now)).Message, StringComparison.Ordinal);
        cycle.SaveMemberScores("u1", EvaluationBuilder.Inputs(cycle.ExternalFramework, "15", "20", "5"), true, Now);
        cycle.SaveMemberScores("u2", EvaluationBuilder.Inputs(cycle.ExternalFramework, "10", "10", "0"), true, Now);
        Assert.Contains("3명 이상", Assert.Throws<DomainException>(() => cycle.CloseCommittee(Now)).Message, StringComparison.Ordinal);
        Assert.False(cycle.IsCommitteeClosed);
    }

    [Fact]
    public void AnonymousComments_CarryNoName()
    {
        var (cycle, _) = EvaluationBuilder.Cycle();
        cycle.SetCommitteeRules(Aggregation.Mean, anonymousComments: true, 20m);
        Seat(cycle, "u1");
        cycle.SaveMemberScores("u1", EvaluationBuilder.Inputs(cycle.ExternalFramework, "15", "20", "5"), true, Now);
        cycle.CloseCommittee(Now);
        Assert.Equal(["의견 0"], CommitteeResult.Compute(cycle).Items[0].Comments);
    }

    [Fact]
    public void AMemberWithScores_CannotBeRemoved()
    {
        var (cycle, _) = EvaluationBuilder.Cycle();
        var seat = Seat(cycle, "u1");
        cycle.SaveMemberScores("u1", EvaluationBuilder.Inputs(cycle.ExternalFramework, "15"), false, Now);
        Assert.Throws<DomainException>(() => cycle.RemoveMember(seat));
        Assert.Throws<DomainException>(() => cycle.AddMember("u1", "위원1"));
    }

    [Fact]
    public void Gaps_CompareShareOfPointsPerTopic_AndAskForAReasonPastTheThreshold()
    {
        var (cycle, sub) = EvaluationBuilder.Cycle();
        cycle.SetCommitteeRules(Aggregation.Mean, true, 20m);
        var self = new SelfEvaluation(cycle, sub);

        // The T/F gives 성과목표·지표 9 of 10 (90 %) and 평가결과 반영 10 of 20 (50 %).
        Assert.Empty(self.Score(EvaluationBuilder.Inputs(cycle.SelfFramework, "9", "24", "10"), 85m, "tf", Now));
        Seat(cycle, "u1");
        cycle.SaveMemberScores("u1", EvaluationBuilder.Inputs(cycle.ExternalFramework, "6", "11", "0"), true, Now);
        cycle.CloseCommittee(Now);
        var gaps = TopicGap.Compare(cycle, [self], CommitteeResult.Compute(cycle));
        var targets = gaps.Single(g => g.Topic == "성과목표·지표");
        Assert.Equal((90m, 40m, 50m, true), (targets.SelfPercent, targets.CommitteePercent, targets.Gap, targets.NeedsReason));
        var feedback = gaps.Single(g => g.Topic == "평가결과 반영");
        Assert.Equal((50m, 55m, 5m, false), (feedback.SelfPercent, feedback.CommitteePercent, feedback.Gap, feedback.NeedsReason));
    }

    private static CommitteeSeat Seat(EvaluationCycle cycle, string userId)
    {
        var seat = cycle.AddMember(userId, userId.Replace("u", "위원", StringComparison.Ordinal));
        seat.Declare(true, null, Now);
        return seat;
    }
}
