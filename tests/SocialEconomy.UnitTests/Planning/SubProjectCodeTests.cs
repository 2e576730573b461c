using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.UnitTests.Planning;

public class SubProjectCodeTests
{
    [Theory]
    [InlineData("１-１", "1-1")]
    [InlineData("  1-1\t", "1-1")]
    [InlineData("Ⅳ-1", "IV-1")]
    [InlineData("ＳＥ－01", "SE-01")]
    [InlineData("가-1", "가-1")]
    [InlineData("5-가", "5-가")]
    [InlineData("3.1", "3.1")]
    [InlineData("5?1", "5?1")]
    [InlineData("4#1", "4#1")]
    [InlineData("3 1", "3 1")]
    public void Normalize_TypedCode_IsTheStoredForm(string typed, string stored) =>
        Assert.Equal(stored, SubProjectCode.Normalize(typed));

    [Theory]
    [InlineData("A-1")]
    [InlineData("SE-01")]
    [InlineData("가-1")]
    [InlineData("5?1")]
    [InlineData("4#1")]
    [InlineData("3 1")]
    [InlineData("12345678901234567890")]
    public void Refusal_CodeAUrlCanCarry_IsNone(string code) =>
        Assert.Null(SubProjectCode.Refusal(code));

    [Theory]
    [InlineData("1/1", "빗금")]
    [InlineData("1\\1", "빗금")]
    [InlineData("1\u00001", "U+0000")]
    [InlineData("1\n1", "U+000A")]
    [InlineData("1\u202E1", "U+202E")]
    [InlineData("123456789012345678901", "20자 이내")]
    [InlineData("   ", "입력하세요")]
    [InlineData(null, "입력하세요")]
    public void Refusal_CodeThatCannotBeAUrlSegment_SaysWhyInKorean(string? code, string reason) =>
        Assert.Contains(reason, SubProjectCode.Refusal(code), StringComparison.Ordinal);

    [Fact]
    public void Refusal_FullWidthSlash_IsASlashAfterNormalising() =>
        Assert.Contains("빗금", SubProjectCode.Refusal("1／1"), StringComparison.Ordinal);

    [Fact]
    public void AddSubProject_FullWidthCode_IsStoredNormalisedAndCountsAsTheSameCode()
    {
        var builder = new PlanBuilder();
        var plan = builder.Build();
        var task = plan.AddTask(1, "과제", null);

        var sub = task.AddSubProject(" １-１ ", "사업 A", builder.Department, plan.Period);

        Assert.Equal("1-1", sub.Code);
        var error = Assert.Throws<DomainException>(() => task.AddSubProject("1-1", "사업 B", builder.Department, plan.Period));
        Assert.Contains("이미 있습니다", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSubProject_CodeWithSlash_IsRefused()
    {
        var builder = new PlanBuilder();
        var plan = builder.Build();
        var task = plan.AddTask(1, "과제", null);

        var error = Assert.Throws<DomainException>(() => task.AddSubProject("1/1", "사업", builder.Department, plan.Period));

        Assert.Contains("빗금", error.Message, StringComparison.Ordinal);
        Assert.Empty(task.SubProjects);
    }

    [Fact]
    public void Edit_CodeIsNormalisedAndARefusedCodeChangesNothing()
    {
        var (_, sub, _) = new PlanBuilder().BuildWithActionItem();

        sub.Edit("Ａ-１", "새 이름", sub.LeadDepartment);
        Assert.Equal("A-1", sub.Code);

        Assert.Throws<DomainException>(() => sub.Edit("A\u00011", "다른 이름", sub.LeadDepartment));
        Assert.Equal(("A-1", "새 이름"), (sub.Code, sub.Name));
    }
}
