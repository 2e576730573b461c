using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.UnitTests.Planning;

public class BudgetLineTests
{
    [Fact]
    public void AmountFor_LineInThousandWon_ConvertsToMillionWon()
    {
        var (_, sub, item) = new PlanBuilder().BuildWithActionItem();
        var line = sub.AddBudgetLine("사업비", Unit.ThousandWon, item);
        line.SetAmount(2017, 10_000m);

        Assert.Equal(10m, line.AmountFor(2017, Unit.MillionWon));
        Assert.Equal(10_000m, line.AmountFor(2017, Unit.ThousandWon));
    }

    [Fact]
    public void SetAmount_NonBudgetLine_IsRefused()
    {
        var (_, sub, item) = new PlanBuilder().BuildWithActionItem();
        var line = sub.AddBudgetLine("혁신 프로젝트 발굴", Unit.MillionWon, item);
        line.MarkNonBudget();

        Assert.Throws<DomainException>(() => line.SetAmount(2017, 1m));
        Assert.Equal(0m, line.Total(Unit.MillionWon));
    }

    [Fact]
    public void SetAmount_Negative_IsRefused()
    {
        var (_, sub, _) = new PlanBuilder().BuildWithActionItem();
        var line = sub.AddBudgetLine("운영비", Unit.MillionWon, null);

        Assert.Throws<DomainException>(() => line.SetAmount(2018, -5m));
    }

    [Fact]
    public void AddBudgetLine_CountUnit_IsRefused()
    {
        var (_, sub, _) = new PlanBuilder().BuildWithActionItem();

        Assert.Throws<DomainException>(() => sub.AddBudgetLine("교육", Unit.Persons, null));
    }

    [Fact]
    public void AddBudgetLine_ActionItemOfAnotherSubProject_IsRefused()
    {
        var builder = new PlanBuilder();
        var (plan, _, item) = builder.BuildWithActionItem();
        var other = plan.Tasks[0].AddSubProject("1-2", "다른 사업", builder.Department, plan.Period);

        Assert.Throws<DomainException>(() => other.AddBudgetLine("사업비", Unit.MillionWon, item));
    }
}
