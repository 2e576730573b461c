using System.Globalization;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.UnitTests.Planning;

public class TargetValueTests
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");

    public static TheoryData<string, string, decimal?, string?> Cells => new()
    {
        { "3", "개", 3m, null },
        { "40,000", "천원", 40_000m, null },
        { "운영계획 수립", "회", null, "운영계획 수립" },
        { "15 (5억)", "업체", 15m, "5억" },
        { "77 (27억)", "업체", 77m, "27억" },
        { "40,000 (서울시 공모사업 선정)", "천원", 40_000m, "서울시 공모사업 선정" },
        { "57% (평균)", "%", 57m, "평균" },
        { "31.9", "%", 31.9m, null },
        { "1회", "회", 1m, null },
        { "50억원", "억원", 50m, null },
        { "매년10% 상승", "%", null, "매년10% 상승" },
        { "１２，０００", "천원", 12_000m, null },
        { " 1,900 ", "명", 1_900m, null },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Parse_PrintedCell_SplitsNumberAndText(string cell, string unit, decimal? number, string? text)
    {
        var value = TargetValue.Parse(cell, Unit.Parse(unit));

        Assert.Equal(number, value.Number);
        Assert.Equal(text, value.Text);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_DashOrBlank_IsEmpty(string cell) =>
        Assert.True(TargetValue.Parse(cell, Unit.Items).IsEmpty);

    [Fact]
    public void Parse_NumberWithAnotherUnit_StaysText() =>
        Assert.Equal("3명", TargetValue.Parse("3명", Unit.Items).Text);

    [Fact]
    public void Format_NumberAndNote_PrintsAsThePlanDoes() =>
        Assert.Equal("77 (27억)", TargetValue.OfNumber(77m, "27억").Format(Korean));

    [Fact]
    public void Format_LargeNumber_UsesThousandsSeparators() =>
        Assert.Equal("160,000", TargetValue.OfNumber(160_000m).Format(Korean));
}
