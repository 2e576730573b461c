using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Evaluations;

/// <summary>The external committee through its pages: forming, declaring, scoring, closing and the result.</summary>
public class CommitteeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AMember_SeesNothingToScoreBeforeDeclaring_AndOnlyTheirOwnSheet()
    {
        var cycleId = await factory.StartCycleAsync(2017);
        var (member, _) = await factory.SeatMemberAsync(cycleId, "위원갑", declared: false);
        var page = await member.GetDocumentAsync($"/evaluations/{cycleId}/score");
        Assert.NotNull(page.QuerySelector("#noConflict"));
        Assert.Null(page.QuerySelector("input[name^='Scores[']"));

        // Unticked: refused beside the box, nothing declared.
        using (var refused = await member.PostPageFormAsync($"/evaluations/{cycleId}/score", "/score/declare", new() { ["noConflict"] = "false" }))
        {
            var document = await refused.DocumentAsync();
            Assert.Contains("이해충돌이 없음을 확인해야", document.QuerySelector("#noConflict-error")!.TextContent, StringComparison.Ordinal);
        }

        using (var declared = await member.PostPageFormAsync($"/evaluations/{cycleId}/score", "/score/declare", new() { ["noConflict"] = "true", ["note"] = "이해관계 없음" }))
        {
            Assert.True(declared.IsRedirectTo($"/evaluations/{cycleId}/score"));
        }

        page = await member.GetDocumentAsync($"/evaluations/{cycleId}/score");
        Assert.Equal(8, page.QuerySelectorAll("input[name^='Scores['][name$='.Points']").Length);

        // A committee member who is not seated is refused the sheet.
        var outsider = await factory.ClientForAsync(Roles.CommitteeMember);
        using var denied = await outsider.GetAsync(new Uri($"/evaluations/{cycleId}/score", UriKind.Relative));
        Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || denied.IsRedirectTo("/account/denied"));
    }

    [Fact]
    public async Task BadPoints_AreMarkedBesideTheirField_TypedValuesKept_NothingSaved_ThenDraftAndSubmit()
    {
        var cycleId = await factory.StartCycleAsync(2018);
        var (member, userId) = await factory.SeatMemberAsync(cycleId, "위원을");
        var items = await factory.ItemIdsAsync(cycleId, FrameworkKind.External);
        var url = $"/evaluations/{cycleId}/score";
        var typed = EvaluationsHttp.Scores(items, "9", "16", "abc", "4");
        typed[$"Scores[{items[0]}].Comment"] = "근거자료 충실";
        using (var refused = await member.PostPageFormAsync(url, "/score", typed))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await refused.DocumentAsync();
            Assert.Contains("0점부터 15점", page.QuerySelector($"#score-{items[1]}-error")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("숫자로", page.QuerySelector($"#score-{items[2]}-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("9", page.QuerySelector($"#score-{items[0]}")!.GetAttribute("value"));
            Assert.Equal("16", page.QuerySelector($"#score-{items[1]}")!.GetAttribute("value"));
            Assert.Equal("근거자료 충실", page.QuerySelector($"#comment-{items[0]}")!.TextContent);
            Assert.Contains("아무것도 저장하지 않았습니다", page.QuerySelector("#scores-error")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.MemberScores.CountAsync(s => s.Seat.UserId == userId)));

        // A draft may be partial and survives a new sign-in; a submission may not be partial.
        using (var draft = await member.PostPageFormAsync(url, "/score", EvaluationsHttp.Scores(items, "9", "12")))
        {
            Assert.True(draft.IsRedirectTo(url));
        }

        var again = await (await factory.SignInAsync(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.UserName!).SingleAsync()))).GetDocumentAsync(url);
        Assert.Equal("12", again.QuerySelector($"#score-{items[1]}")!.GetAttribute("value"));
        var submit = EvaluationsHttp.Scores(items, "9", "12");
        submit["Submit"] = "true";
        using (var partial = await member.PostPageFormAsync(url, "/score", submit))
        {
            var page = await partial.DocumentAsync();
            Assert.Equal(6, page.QuerySelectorAll(".portal-field-error[id^='score-']").Length);
        }

        Assert.False(await factory.WithDbAsync(db => db.CommitteeSeats.Where(s => s.UserId == userId).Select(s => s.SubmittedAtUtc != null).SingleAsync()));
        submit = EvaluationsHttp.Scores(items, "9", "12", "13", "3", "8", "12", "11", "17");
        submit["Submit"] = "true";
        using (var submitted = await member.PostPageFormAsync(url, "/score", submit))
        {
            Assert.True(submitted.IsRedirectTo(url));
        }

        Assert.Equal("85점", (await member.GetDocumentAsync(url)).QuerySelector("#member-total")!.TextContent);
    }

    [Theory]
    [InlineData(Aggregation.TrimmedMean, 2, false, null)]
    [InlineData(Aggregation.Mean, 2, true, "87.5점")]
    [InlineData(Aggregation.TrimmedMean, 3, true, "85점")]
    [InlineData(Aggregation.TrimmedMean, 4, true, "82.5점")]
    public async Task Closing_AggregatesSubmittedSheets_ByTheYearsMethod(Aggregation method, int members, bool closes, string? total)
    {
        // A portal of its own: the class's portal uses every year of the seeded plan.
        using var factory = new PortalFactory();
        var cycleId = await factory.StartCycleAsync(2018);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        using (var rules = await coordinator.PostPageFormAsync($"/evaluations/{cycleId}", "/rules", new() { ["Rules.Aggregation"] = method.ToString(), ["Rules.GapThreshold"] = "20" }))
        {
            Assert.True(rules.IsRedirectTo($"/evaluations/{cycleId}"), $"{rules.StatusCode}");
        }

        // Totals 90, 85, 80, 79: the mean of two is 87.5; trimmed of three drops 90 and 80 (85); of four drops 90 and 79 (82.5).
        string[][] sheets =
        [
            ["10", "15", "13", "5", "10", "12", "10", "15"],
            ["9", "12", "13", "3", "8", "12", "11", "17"],
            ["8", "12", "12", "0", "8", "12", "12", "16"],
            ["8", "12", "12", "0", "8", "12", "11", "16"],
        ];
        var items = await factory.ItemIdsAsync(cycleId, FrameworkKind.External);
        for (var m = 0; m < members; m++)
        {
            var (member, _) = await factory.SeatMemberAsync(cycleId, $"위원{m + 1}");
            var fields = EvaluationsHttp.Scores(items, sheets[m]);
            fields[$"Scores[{items[0]}].Comment"] = $"의견{m + 1}";
            fields["Submit"] = "true";
            using var saved = await member.PostPageFormAsync($"/evaluations/{cycleId}/score", "/score", fields);
            Assert.True(saved.IsRedirectTo($"/evaluations/{cycleId}/score"));
        }

        // A seated member who never submitted does not count (nor block closing).
        await factory.SeatMemberAsync(cycleId, "미제출위원");
        using (var close = await coordinator.PostPageFormAsync($"/evaluations/{cycleId}/committee", "/committee/close", []))
        {
            Assert.True(close.IsRedirectTo($"/evaluations/{cycleId}/committee"));
        }

        var page = await coordinator.GetDocumentAsync($"/evaluations/{cycleId}/external");
        if (!closes)
        {
            Assert.NotNull(page.QuerySelector("#not-closed"));
            Assert.Contains("3명 이상", page.Body!.TextContent, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(total, page.QuerySelector("#external-total")!.TextContent);
        Assert.Equal(8, page.QuerySelectorAll("#external-result tbody tr").Length);
        var first = page.QuerySelectorAll("#external-result tbody tr")[0].QuerySelectorAll("td");
        Assert.Equal("10점", first[1].TextContent);

        // The first item was given 10, 9, 8, 8: mean of two 9.5; trimmed of three 9; of four (9 + 8) / 2.
        Assert.Equal(members switch { 2 => "9.5점", 3 => "9점", _ => "8.5점" }, first[2].TextContent);
        Assert.Equal(members == 2 ? "1점" : "2점", first[5].TextContent);
        Assert.Contains("의견1", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterClosing_SheetsMembersAndRulesAreLocked()
    {
        var cycleId = await factory.StartCycleAsync(2020);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        await coordinator.PostPageFormAsync($"/evaluations/{cycleId}", "/rules", new() { ["Rules.Aggregation"] = "Mean", ["Rules.GapThreshold"] = "20" });
        var (member, userId) = await factory.SeatMemberAsync(cycleId, "위원병");
        var items = await factory.ItemIdsAsync(cycleId, FrameworkKind.External);
        var fields = EvaluationsHttp.Scores(items, "9", "12", "13", "3", "8", "12", "11", "17");
        fields["Submit"] = "true";
        await member.PostPageFormAsync($"/evaluations/{cycleId}/score", "/score", fields);
        var form = await member.GetDocumentAsync($"/evaluations/{cycleId}/score");
        await coordinator.PostPageFormAsync($"/evaluations/{cycleId}/committee", "/committee/close", []);

        // The sheet the member still has open cannot change what was submitted.
        var late = new Dictionary<string, string>(EvaluationsHttp.Scores(items, "0", "0", "0", "0", "0", "0", "0", "0"))
        {
            ["Version"] = form.QuerySelector("input[name='Version']")!.GetAttribute("value")!,
            ["Submit"] = "true",
            ["__RequestVerificationToken"] = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        };
        using (var content = new FormUrlEncodedContent(late))
        using (var refused = await member.PostAsync(new Uri($"/evaluations/{cycleId}/score", UriKind.Relative), content))
        {
            Assert.Contains("마감된 평가위원회", (await refused.DocumentAsync()).QuerySelector("#scores-error")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(85m, await factory.WithDbAsync(async db => (await db.CommitteeSeats.Include(s => s.Scores).SingleAsync(s => s.UserId == userId)).Total));
        var sheet = await member.GetDocumentAsync($"/evaluations/{cycleId}/score");
        Assert.Null(sheet.QuerySelector("input[name^='Scores[']"));
        var committee = await coordinator.GetDocumentAsync($"/evaluations/{cycleId}/committee");
        Assert.Null(committee.QuerySelector("form[action$='/committee/close']"));
        Assert.Null((await coordinator.GetDocumentAsync($"/evaluations/{cycleId}")).QuerySelector("form[action$='/rules']"));
    }

    [Fact]
    public async Task TheCoordinator_SeatsExistingMembers_AndOutsideExpertsAsNewAccounts()
    {
        var cycleId = await factory.StartCycleAsync(2019);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var existing = await factory.CreateUserAsync($"c-{Guid.NewGuid():N}"[..20], Roles.CommitteeMember);

        // A second member keeps the seating form on the page after the first is seated (the
        // form is left out when no account is left to seat); alone, this test had none.
        await factory.CreateUserAsync($"c-{Guid.NewGuid():N}"[..20], Roles.CommitteeMember);
        using (var added = await coordinator.PostPageFormAsync($"/evaluations/{cycleId}/committee", "/committee/members", new() { ["userId"] = existing.Id }))
        {
            Assert.True(added.IsRedirectTo($"/evaluations/{cycleId}/committee"));
        }

        var viewer = await factory.CreateUserAsync($"v-{Guid.NewGuid():N}"[..20], Roles.Viewer);
        using (var refused = await coordinator.PostPageFormAsync($"/evaluations/{cycleId}/committee", "/committee/members", new() { ["userId"] = viewer.Id }))
        {
            Assert.Contains("평가위원을 고르세요", (await refused.DocumentAsync()).QuerySelector("#userId-error")!.TextContent, StringComparison.Ordinal);
        }

        var expertName = $"expert{Guid.NewGuid():N}"[..16];
        using (var created = await coordinator.PostPageFormAsync($"/evaluations/{cycleId}/committee", "/committee/experts", new() { ["Expert.UserName"] = expertName, ["Expert.DisplayName"] = "김전문(○○대학교)" }))
        {
            Assert.True(created.IsRedirectTo($"/evaluations/{cycleId}/committee"));
        }

        var page = await coordinator.GetDocumentAsync($"/evaluations/{cycleId}/committee");
        var password = page.QuerySelector("#temporary-password")!.TextContent;
        Assert.Equal(16, password.Length);
        Assert.Equal(2, page.QuerySelectorAll("#seats tbody tr").Length);
        Assert.Contains("김전문(○○대학교)", page.QuerySelector("#seats")!.TextContent, StringComparison.Ordinal);
        var roles = await factory.WithDbAsync(db => db.UserRoles.Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.UserName == expertName)).Select(ur => db.Roles.Single(r => r.Id == ur.RoleId).Name).ToListAsync());
        Assert.Equal([Roles.CommitteeMember], roles);

        // The same account name again is refused beside the field, nothing seated.
        using (var duplicate = await coordinator.PostPageFormAsync($"/evaluations/{cycleId}/committee", "/committee/experts", new() { ["Expert.UserName"] = expertName, ["Expert.DisplayName"] = "다른 사람" }))
        {
            Assert.NotNull((await duplicate.DocumentAsync()).QuerySelector("#Expert_UserName-error"));
        }

        Assert.Equal(2, await factory.WithDbAsync(db => db.CommitteeSeats.CountAsync(s => s.CycleId == cycleId)));
    }
}
