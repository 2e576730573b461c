using SocialEconomy.Domain.Planning;

namespace SocialEconomy.UnitTests.Planning;

public class FinancialPlanTests
{
    [Fact]
    public void Build_FiveYearPlanWithMixedUnits_SubtotalsAndTotalsInThePlanUnit()
    {
        var builder = new PlanBuilder().Years(2020, 2024);
        var plan = builder.Build();
        var first = plan.AddTask(1, "과제 1", null);
        var a = first.AddSubProject("1-1", "사업 A", builder.Department, plan.Period);
        a.AddBudgetLine("백만원 항목", Unit.MillionWon, null).SetAmount(2020, 100m);
        var thousand = a.AddBudgetLine("천원 항목", Unit.ThousandWon, null);
        thousand.SetAmount(2020, 5_000m);
        thousand.SetAmount(2024, 12_500m);
        a.AddBudgetLine("비예산 항목", Unit.MillionWon, null).MarkNonBudget();
        var second = plan.AddTask(2, "과제 2", null);
        second.AddSubProject("2-1", "사업 B", builder.Department, plan.Period)
            .AddBudgetLine("억원 항목", Unit.HundredMillionWon, null).SetAmount(2022, 2m);
        second.AddSubProject("2-2", "예산 없는 사업", builder.Department, plan.Period);

        var financial = FinancialPlan.Build(plan);

        Assert.Equal(Unit.MillionWon, financial.Unit);
        Assert.Equal(5, financial.Years.Count);
        Assert.Equal(105m, financial.Total.For(2020));
        Assert.Equal(200m, financial.Total.For(2022));
        Assert.Equal(12.5m, financial.Total.For(2024));
        Assert.Equal(317.5m, financial.Total.Total);
        Assert.Equal(117.5m, financial.Tasks[0].Subtotal.Total);
        Assert.Equal(3, financial.Tasks[0].LineCount);
        Assert.True(financial.Tasks[0].SubProjects[0].Lines[2].Figures.IsNonBudget);
        Assert.Single(financial.Tasks[1].SubProjects);
    }

    [Fact]
    public void Build_InThousandWon_ConvertsEveryFigure()
    {
        var (plan, sub, _) = new PlanBuilder().BuildWithActionItem();
        sub.AddBudgetLine("센터 운영", Unit.MillionWon, null).SetAmount(2017, 400m);

        var financial = FinancialPlan.Build(plan, Unit.ThousandWon);

        Assert.Equal(400_000m, financial.Total.For(2017));
    }
}
