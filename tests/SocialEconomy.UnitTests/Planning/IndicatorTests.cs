using System.Globalization;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.UnitTests.Planning;

public class IndicatorTests
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");

    private readonly ActionItem _item = new PlanBuilder().BuildWithActionItem().Item;

    [Fact]
    public void Total_Sum_AddsNumbersAndSkipsTextYears()
    {
        var indicator = _item.AddIndicator("워크숍 및 우수사례 탐방", Unit.Times, IndicatorKind.Count, TotalRule.Sum);
        SetTargets(indicator, "운영계획 수립", "2", "2", "2");

        Assert.Equal(6m, indicator.Total().Number);
    }

    [Fact]
    public void Total_SumWithNote_KeepsTheNoteAfterTheNumber()
    {
        var indicator = _item.AddIndicator("지원 (국·시)", Unit.Companies, IndicatorKind.Count, TotalRule.Sum, "사회적기업 육성 및 지원");
        SetTargets(indicator, "15 (5억)", "17 (6억)", "20 (7억)", "25 (9억)");
        indicator.SetTotalText("27억");

        Assert.Equal("77 (27억)", indicator.Total().Format(Korean));
    }

    [Fact]
    public void Total_Average_IsTheMeanOfTheYears()
    {
        var indicator = _item.AddIndicator("협동조합 사업운영률", Unit.Percent, IndicatorKind.Rate, TotalRule.Average);
        SetTargets(indicator, "54%", "56%", "58%", "60%");

        Assert.Equal(57m, indicator.Total().Number);
    }

    [Fact]
    public void Total_LastYear_IsTheFinalNumber()
    {
        var indicator = _item.AddIndicator("지역관리회사", Unit.Items, IndicatorKind.Count, TotalRule.LastYear);
        SetTargets(indicator, "4", "5", "6", "7");

        Assert.Equal(7m, indicator.Total().Number);
    }

    [Fact]
    public void Total_Given_IsTheText()
    {
        var indicator = _item.AddIndicator("인지도", Unit.Percent, IndicatorKind.Rate, TotalRule.Given);
        SetTargets(indicator, "31.9", "41.9", "51.9", "61.9");
        indicator.SetTotalText("매년10% 상승");

        Assert.Equal(TargetValue.OfText("매년10% 상승"), indicator.Total());
    }

    [Fact]
    public void Total_None_IsEmpty()
    {
        var indicator = _item.AddIndicator("센터 운영", Unit.MillionWon, IndicatorKind.Amount, TotalRule.None);
        SetTargets(indicator, "400", "400", "400", "400");

        Assert.True(indicator.Total().IsEmpty);
    }

    [Fact]
    public void SetTarget_YearOutsidePeriod_IsRefused()
    {
        var indicator = _item.AddIndicator("발굴단 구성", Unit.Items, IndicatorKind.Count, TotalRule.Sum);

        Assert.Throws<DomainException>(() => indicator.SetTarget(2021, TargetValue.OfNumber(3)));
    }

    [Fact]
    public void SetTarget_NegativeAmount_IsRefused()
    {
        var indicator = _item.AddIndicator("사업비", Unit.ThousandWon, IndicatorKind.Amount, TotalRule.Sum);

        Assert.Throws<DomainException>(() => indicator.SetTarget(2017, TargetValue.OfNumber(-1)));
    }

    [Fact]
    public void SetTarget_SameYearTwice_KeepsTheLastValue()
    {
        var indicator = _item.AddIndicator("발굴단 구성", Unit.Items, IndicatorKind.Count, TotalRule.Sum);
        indicator.SetTarget(2017, TargetValue.OfNumber(3));
        indicator.SetTarget(2017, TargetValue.OfNumber(4));

        Assert.Equal(4m, indicator.TargetFor(2017).Number);
        Assert.Single(indicator.Targets);
    }

    [Fact]
    public void AddIndicator_MoneyUnitOnACount_IsRefused() =>
        Assert.Throws<DomainException>(() => _item.AddIndicator("교육인원", Unit.ThousandWon, IndicatorKind.Count, TotalRule.Sum));

    [Fact]
    public void SetTotalText_GivenRuleWithoutText_IsRefused()
    {
        var indicator = _item.AddIndicator("인지도", Unit.Percent, IndicatorKind.Rate, TotalRule.Given);

        Assert.Throws<DomainException>(() => indicator.SetTotalText(" "));
    }

    private static void SetTargets(Indicator indicator, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            indicator.SetTarget(2017 + i, TargetValue.Parse(cells[i], indicator.Unit));
        }
    }
}
