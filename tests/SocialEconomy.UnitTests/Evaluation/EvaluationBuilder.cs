using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Planning;
using SocialEconomy.UnitTests.Planning;

namespace SocialEconomy.UnitTests.Evaluation;

/// <summary>Small frameworks and a cycle on an adopted test plan; item ids are set as the database would.</summary>
internal static class EvaluationBuilder
{
    public static EvaluationFramework Self()
    {
        var f = new EvaluationFramework(1, FrameworkKind.Self, "자체평가");
        f.AddItem(new("계획", "성과계획의 적정성", "성과목표·지표의 적정성", null, 10, false, ItemRole.None, "성과목표·지표"));
        f.AddItem(new("산출·결과", "목표의 달성도", "사업 목표 달성 비율", null, 30, false, ItemRole.Achievement, null));
        f.AddItem(new("평가결과 활용", "평가결과 활용도", "평가결과의 차기계획 반영", null, 20, false, ItemRole.FollowUp, "평가결과 반영"));
        f.SetBands([(100m, 30m), (90m, 27m), (80m, 24m), (0m, 12m)]);
        return f;
    }

    public static EvaluationFramework External()
    {
        var f = new EvaluationFramework(1, FrameworkKind.External, "외부평가");
        f.AddItem(new("평가역량", "성과목표 및 지표의 합리성", "성과목표의 타당성", null, 15, false, ItemRole.None, "성과목표·지표"));
        f.AddItem(new("반영노력", "평가결과 반영노력", "전년도 평가결과 반영", null, 20, false, ItemRole.FollowUp, "평가결과 반영"));
        f.AddItem(new("평가역량", "성과목표 및 지표의 합리성", "개선노력(가점)", null, 5, true, ItemRole.None, null));
        return f;
    }

    public static (EvaluationCycle Cycle, SubProject Sub) Cycle()
    {
        var (plan, sub, _) = new PlanBuilder().BuildWithActionItem();
        plan.Adopt();
        var cycle = new EvaluationCycle(plan, 2018, Self(), External());
        Number(cycle.SelfFramework, 100);
        Number(cycle.ExternalFramework, 200);
        return (cycle, sub);
    }

    /// <summary>Gives the items the distinct ids a save would.</summary>
    public static void Number(EvaluationFramework framework, int first)
    {
        var id = first;
        foreach (var item in framework.Items)
        {
            typeof(EvaluationItem).GetProperty(nameof(EvaluationItem.Id))!.SetValue(item, id++);
        }
    }

    public static Dictionary<int, ScoreInput> Inputs(EvaluationFramework framework, params string?[] points) =>
        framework.Items.Select((item, i) => (item.Id, Input: new ScoreInput(points.ElementAtOrDefault(i), $"의견 {i}")))
            .ToDictionary(p => p.Id, p => p.Input);
}
