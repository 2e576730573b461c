using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.UnitTests.Planning;

public class UnitTests
{
    [Theory]
    [InlineData("천원")]
    [InlineData("백만원")]
    [InlineData("억원")]
    [InlineData("명")]
    [InlineData("개")]
    [InlineData("%")]
    public void Parse_KnownSymbol_ReturnsThatUnit(string symbol) =>
        Assert.Equal(symbol, Unit.Parse(symbol).Symbol);

    [Fact]
    public void Parse_UnknownSymbol_IsRefusedInKorean()
    {
        var error = Assert.Throws<DomainException>(() => Unit.Parse("달러"));
        Assert.Contains("알 수 없는 단위", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertTo_ThousandWonToMillionWon_DividesByAThousand() =>
        Assert.Equal(40m, Unit.ThousandWon.ConvertTo(40_000m, Unit.MillionWon));

    [Fact]
    public void ConvertTo_HundredMillionWonToMillionWon_MultipliesByAHundred() =>
        Assert.Equal(2_700m, Unit.HundredMillionWon.ConvertTo(27m, Unit.MillionWon));

    [Fact]
    public void ConvertTo_CountToMoney_IsRefused() =>
        Assert.Throws<DomainException>(() => Unit.Persons.ConvertTo(10m, Unit.ThousandWon));

    [Fact]
    public void Add_DifferentMoneyUnits_IsRefusedUntilConverted()
    {
        var thousand = new Amount(10_000m, Unit.ThousandWon);
        var million = new Amount(10m, Unit.MillionWon);

        Assert.Throws<DomainException>(() => thousand + million);
        Assert.Equal(new Amount(20m, Unit.MillionWon), thousand.ConvertTo(Unit.MillionWon) + million);
    }
}
