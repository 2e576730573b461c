using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.UnitTests.Shared;

/// <summary>Which characters typed text may never carry (issue 15 item 6, docs/security.md).</summary>
public class TextRulesTests
{
    [Theory]
    [InlineData("\u0000", 0x0000)]
    [InlineData("ab\u0001", 0x0001)]
    [InlineData("\u001B[31m", 0x001B)]
    [InlineData("x\u007F", 0x007F)]
    [InlineData("\u0085", 0x0085)]
    [InlineData("\u009F", 0x009F)]
    [InlineData("\uFFFE", 0xFFFE)]
    [InlineData("\uFFFF", 0xFFFF)]
    [InlineData("\uFDD0", 0xFDD0)]
    [InlineData("\uFDEF", 0xFDEF)]
    [InlineData("\U0001FFFE", 0x1FFFE)]
    [InlineData("\U0010FFFF", 0x10FFFF)]
    [InlineData("abc\u202Ecba", 0x202E)]
    [InlineData("\u202A", 0x202A)]
    [InlineData("\u2066", 0x2066)]
    [InlineData("\u2069", 0x2069)]
    [InlineData("첫째\u0000둘째\u0001", 0x0000)]
    public void FindForbidden_ForbiddenAnywhere_ReturnsTheFirst(string text, int expected)
    {
        Assert.Equal(expected, TextRules.FindForbidden(text, multiLine: false));
        Assert.Equal(expected, TextRules.FindForbidden(text, multiLine: true));
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void FindForbidden_TabAndLineBreaks_OnlyInMultiLineFields(string text)
    {
        Assert.Equal(text[0], TextRules.FindForbidden($"줄{text}바꿈", multiLine: false));
        Assert.Null(TextRules.FindForbidden($"줄{text}바꿈", multiLine: true));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("사회적경제 기본계획 2027")]
    [InlineData("１,２００㎡ · 50% — “인용” 😀 \U0001F600")]
    [InlineData("\u00A0\u200B\u200D\u200E\u200F\uFEFF")]
    [InlineData("\uFDCF\uFDF0\uFFFD\U0001FFFD")]
    public void FindForbidden_OrdinaryText_ReturnsNull(string? text)
    {
        Assert.Null(TextRules.FindForbidden(text, multiLine: false));
    }

    [Fact]
    public void FindForbidden_HalfASurrogatePair_IsForbidden()
    {
        // Built at run time: an attribute argument cannot carry a lone surrogate.
        Assert.Equal(0xD800, TextRules.FindForbidden($"가{(char)0xD800}나", multiLine: true));
        Assert.Equal(0xDC00, TextRules.FindForbidden($"{(char)0xDC00}", multiLine: false));
    }

    [Fact]
    public void Message_NamesTheFieldAndTheCodePoint()
    {
        Assert.Equal("계획명에 쓸 수 없는 문자(U+0000)가 있습니다. 보이지 않는 제어 문자일 수 있으니 지우고 다시 입력하세요.", TextRules.Message("계획명", 0));
        Assert.StartsWith("이 칸에 쓸 수 없는 문자(U+1FFFE)", TextRules.Message(null, 0x1FFFE), StringComparison.Ordinal);
    }
}
