using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.UnitTests.Planning;

public class RemovalTests
{
    [Fact]
    public void RemoveTask_WithSubProjects_IsRefusedUntilTheyAreRemoved()
    {
        var builder = new PlanBuilder();
        var plan = builder.Build();
        var task = plan.AddTask(1, "판로 확대", null);
        var sub = task.AddSubProject("1-1", "공공구매", builder.Department, plan.Period);

        var refused = Assert.Throws<DomainException>(() => plan.RemoveTask(task));
        Assert.Contains("세부사업을 먼저 삭제하세요", refused.Message, StringComparison.Ordinal);

        task.RemoveSubProject(sub);
        plan.RemoveTask(task);
        Assert.Empty(plan.Tasks);
    }

    [Fact]
    public void RemoveSubProject_WithActionItemsOrBudgetLines_IsRefused()
    {
        var (plan, sub, item) = new PlanBuilder().BuildWithActionItem();
        var task = plan.Tasks.Single();
        var line = sub.AddBudgetLine("운영비", Unit.MillionWon, null);

        var refused = Assert.Throws<DomainException>(() => task.RemoveSubProject(sub));
        Assert.Contains("단위사업 1개", refused.Message, StringComparison.Ordinal);
        Assert.Contains("예산 항목 1개", refused.Message, StringComparison.Ordinal);

        sub.RemoveBudgetLine(line);
        sub.RemoveActionItem(item);
        task.RemoveSubProject(sub);
        Assert.Empty(task.SubProjects);
    }

    [Fact]
    public void RemoveActionItem_WithIndicatorMilestoneOrFundingLine_IsRefused()
    {
        var (_, sub, item) = new PlanBuilder().BuildWithActionItem();
        var indicator = item.AddIndicator("교육인원", Unit.Persons, IndicatorKind.Count, TotalRule.Sum);
        var milestone = item.AddMilestone("추진");
        var line = sub.AddBudgetLine("운영비", Unit.MillionWon, item);

        Assert.Throws<DomainException>(() => sub.RemoveActionItem(item));
        item.RemoveIndicator(indicator);
        item.RemoveMilestone(milestone);
        var funded = Assert.Throws<DomainException>(() => sub.RemoveActionItem(item));
        Assert.Contains("연결된 예산 항목 1개", funded.Message, StringComparison.Ordinal);

        sub.RemoveBudgetLine(line);
        sub.RemoveActionItem(item);
        Assert.Empty(sub.ActionItems);
    }

    [Fact]
    public void Remove_RenumbersTheRemainingSoANewItemGoesLast()
    {
        var (_, sub, first) = new PlanBuilder().BuildWithActionItem();
        var second = sub.AddActionItem("둘째", null);

        sub.RemoveActionItem(first);
        var third = sub.AddActionItem("셋째", null);

        Assert.Equal([second, third], sub.ActionItems);
        Assert.Equal([1, 2], sub.ActionItems.Select(a => a.SortOrder));
    }

    [Fact]
    public void Remove_AChildOfAnotherParent_IsRefused()
    {
        var (_, sub, _) = new PlanBuilder().BuildWithActionItem();
        var (_, _, foreignItem) = new PlanBuilder().BuildWithActionItem();

        Assert.Throws<DomainException>(() => sub.RemoveActionItem(foreignItem));
        Assert.Single(sub.ActionItems);
    }

    [Fact]
    public void Refusal_LeavesPartsWithoutChildrenRemovable()
    {
        var (plan, sub, item) = new PlanBuilder().BuildWithActionItem();

        Assert.Null(StructureRemoval.Refusal(item));
        Assert.Null(StructureRemoval.Refusal(item.AddMilestone(null)));
        Assert.Null(StructureRemoval.Refusal(sub.AddBudgetLine("운영비", Unit.Won, null)));
        Assert.NotNull(StructureRemoval.Refusal(plan.Tasks.Single()));
    }
}
