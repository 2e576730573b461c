using SocialEconomy.Domain;
using SocialEconomy.Domain.Organization;

namespace SocialEconomy.UnitTests.Planning;

public class SubProjectSharingTests
{
    [Fact]
    public void ShareWith_AnotherDepartment_IsLedOrSharedByIt()
    {
        var (_, sub, _) = new PlanBuilder().BuildWithActionItem();
        var partner = new Department(new LocalGovernment(GovernmentLevel.Local, "테스트시 테스트구", "테스트구"), "도시재생과");

        sub.ShareWith(partner);
        sub.ShareWith(partner);

        Assert.Single(sub.SharingDepartments);
    }

    [Fact]
    public void ShareWith_TheLeadDepartment_IsRefused()
    {
        var builder = new PlanBuilder();
        var (_, sub, _) = builder.BuildWithActionItem();

        Assert.Throws<DomainException>(() => sub.ShareWith(builder.Department));
    }

    [Fact]
    public void IsLedOrSharedBy_UnrelatedDepartment_IsFalse()
    {
        var (_, sub, _) = new PlanBuilder().BuildWithActionItem();

        Assert.False(sub.IsLedOrSharedBy([12345]));
    }
}
