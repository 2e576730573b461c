using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.UnitTests.Planning;

public class BasicPlanTests
{
    [Fact]
    public void AddSubProject_DuplicateCodeInAnotherTask_IsRefused()
    {
        var builder = new PlanBuilder();
        var plan = builder.Build();
        plan.AddTask(1, "과제 1", null).AddSubProject("1-1", "사업 A", builder.Department, plan.Period);
        var second = plan.AddTask(2, "과제 2", null);

        var error = Assert.Throws<DomainException>(() => second.AddSubProject("1-1", "사업 B", builder.Department, plan.Period));
        Assert.Contains("1-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTask_DuplicateNumber_IsRefused()
    {
        var plan = new PlanBuilder().Build();
        plan.AddTask(1, "과제 1", null);

        Assert.Throws<DomainException>(() => plan.AddTask(1, "과제 1 다시", null));
    }

    [Fact]
    public void AddSubProject_PeriodOutsidePlan_IsRefused()
    {
        var builder = new PlanBuilder();
        var plan = builder.Build();
        var task = plan.AddTask(1, "과제 1", null);

        Assert.Throws<DomainException>(() => task.AddSubProject("1-1", "사업", builder.Department, new YearRange(2019, 2022)));
    }

    [Fact]
    public void Adopt_Twice_IsRefused()
    {
        var plan = new PlanBuilder().Build();
        plan.Adopt();

        Assert.Equal(PlanStatus.Adopted, plan.Status);
        Assert.Throws<DomainException>(plan.Adopt);
    }

    [Fact]
    public void SetFinancialPlan_CountUnit_IsRefused() =>
        Assert.Throws<DomainException>(() => new PlanBuilder().Build().SetFinancialPlan(Unit.Persons, null));
}
