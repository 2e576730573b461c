using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.IntegrationTests.Infrastructure;

namespace SocialEconomy.IntegrationTests.Evaluations;

/// <summary>A committee member's 이해충돌 declaration records its first time, and is fixed once the sheet is submitted (issue 15 item 10).</summary>
public class DeclarationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task DeclaringAgain_KeepsTheFirstTime_AndIsRefusedOnceTheSheetIsSubmitted()
    {
        var cycleId = await factory.StartCycleAsync(2018);
        var (member, userId) = await factory.SeatMemberAsync(cycleId, "위원병", declared: false);
        var url = $"/evaluations/{cycleId}/score";
        Task<(DateTime? At, string? Note)> DeclarationAsync() =>
            factory.WithDbAsync(db => db.CommitteeSeats.Where(s => s.UserId == userId).Select(s => new ValueTuple<DateTime?, string?>(s.DeclaredAtUtc, s.DeclarationNote)).SingleAsync());

        // A note with a control character: refused beside it, nothing declared, the note kept.
        using (var control = await member.PostFormAsync(url, $"{url}/declare", new() { ["noConflict"] = "true", ["note"] = "확인\u001B함" }))
        {
            Assert.Equal(HttpStatusCode.OK, control.StatusCode);
            var page = await control.DocumentAsync();
            Assert.StartsWith("덧붙일 내용에 쓸 수 없는 문자(U+001B)", page.QuerySelector("#note-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("확인\u001B함", page.QuerySelector("#note")!.GetAttribute("value"));
        }

        Assert.Null((await DeclarationAsync()).At);

        using (var first = await member.PostFormAsync(url, $"{url}/declare", new() { ["noConflict"] = "true", ["note"] = "처음 확인" }))
        {
            Assert.True(first.IsRedirectTo(url));
        }

        var declared = await DeclarationAsync();
        Assert.NotNull(declared.At);

        // A second click or a reloaded form changes nothing.
        await Task.Delay(20);
        using (var again = await member.PostFormAsync(url, $"{url}/declare", new() { ["noConflict"] = "true", ["note"] = "다시 확인" }))
        {
            Assert.True(again.IsRedirectTo(url));
        }

        Assert.Equal(declared, await DeclarationAsync());

        var items = await factory.ItemIdsAsync(cycleId, FrameworkKind.External);
        var submit = EvaluationsHttp.Scores(items, "9", "12", "13", "3", "8", "12", "11", "17");
        submit["Submit"] = "true";
        using (var submitted = await member.PostPageFormAsync(url, "/score", submit))
        {
            Assert.True(submitted.IsRedirectTo(url));
        }

        var submittedAt = await factory.WithDbAsync(db => db.CommitteeSeats.Where(s => s.UserId == userId).Select(s => s.SubmittedAtUtc).SingleAsync());
        using (var refused = await member.PostFormAsync(url, $"{url}/declare", new() { ["noConflict"] = "true", ["note"] = "제출 뒤 확인" }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("제출한 뒤에는 이해충돌 확인을 바꿀 수 없습니다", (await refused.DocumentAsync()).QuerySelector("#scores-error")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(declared, await DeclarationAsync());
        Assert.True(declared.At < submittedAt);
    }
}
