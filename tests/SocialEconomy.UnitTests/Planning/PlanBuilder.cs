using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.UnitTests.Planning;

/// <summary>Builds small plans for tests, of any period and size.</summary>
internal sealed class PlanBuilder
{
    private readonly Department _department = new(new LocalGovernment(GovernmentLevel.Local, "테스트시 테스트구", "테스트구"), "마을사회적경제과");
    private int _first = 2017;
    private int _last = 2020;

    public Department Department => _department;

    public PlanBuilder Years(int first, int last)
    {
        _first = first;
        _last = last;
        return this;
    }

    public BasicPlan Build() => new("테스트구 사회적경제 기본계획", "테스트구", _department, new YearRange(_first, _last), "지속가능한 사회적경제");

    /// <summary>A plan with one task, one sub-project "1-1" and one action item.</summary>
    public (BasicPlan Plan, SubProject SubProject, ActionItem Item) BuildWithActionItem()
    {
        var plan = Build();
        var task = plan.AddTask(1, "지역문제 해결", null);
        var sub = task.AddSubProject("1-1", "의제발굴", _department, plan.Period);
        var item = sub.AddActionItem("발굴단 운영", null);
        return (plan, sub, item);
    }
}
