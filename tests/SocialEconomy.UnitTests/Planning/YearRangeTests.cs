using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.UnitTests.Planning;

public class YearRangeTests
{
    [Fact]
    public void Years_FiveYearPlan_ListsEveryYear() =>
        Assert.Equal([2020, 2021, 2022, 2023, 2024], new YearRange(2020, 2024).Years);

    [Fact]
    public void Constructor_LastBeforeFirst_IsRefused() =>
        Assert.Throws<DomainException>(() => new YearRange(2020, 2017));

    [Fact]
    public void EnsureContains_YearOutside_NamesThePeriod()
    {
        var error = Assert.Throws<DomainException>(() => new YearRange(2017, 2020).EnsureContains(2021));
        Assert.Contains("2017년~2020년", error.Message, StringComparison.Ordinal);
    }
}
