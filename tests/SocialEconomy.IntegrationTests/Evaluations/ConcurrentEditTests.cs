using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Evaluations;

/// <summary>
/// Two people on the same form: the later save is refused, never merged; what the later one
/// typed stays in the form beside what is saved, and saving again after reading is possible.
/// </summary>
public class ConcurrentEditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TwoTFMembersScoringTheSameSubProject_TheSecondSeesBothAndDecides()
    {
        var cycleId = await factory.StartCycleAsync(2017);
        var first = await factory.ClientForAsync(Roles.Coordinator);
        var second = await factory.SignInAsync((await factory.CreateUserAsync($"c2-{Guid.NewGuid():N}"[..20], Roles.Coordinator, PortalFactory.OwnDepartment)).UserName!);
        var url = $"/evaluations/{cycleId}/self/1-1";
        var items = await factory.ItemIdsAsync(cycleId, FrameworkKind.Self);
        await first.PostPageFormAsync(url, "/scores", EvaluationsHttp.Scores(items, "3"));

        // Both open the page; the first saves 4, then the second's 5 arrives with the old version.
        var stalePage = await second.GetDocumentAsync(url);
        await first.PostPageFormAsync(url, "/scores", EvaluationsHttp.Scores(items, "4"));
        var fields = stalePage.FormFields("form[action$='/scores']");
        fields[$"Scores[{items[0]}].Points"] = "5";
        using var content = new FormUrlEncodedContent(fields);
        using var refused = await second.PostAsync(new Uri($"{url}/scores", UriKind.Relative), content);
        var page = await refused.DocumentAsync();
        Assert.Contains("다른 사람이", page.QuerySelector("#scores-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("5", page.QuerySelector($"#score-{items[0]}")!.GetAttribute("value"));
        Assert.Contains("저장된 값: 4점", page.QuerySelector("#self-scores")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4m, await SavedAsync(cycleId, items[0]));

        // Saving the refused page again is a deliberate overwrite.
        var again = page.FormFields("form[action$='/scores']");
        using var againContent = new FormUrlEncodedContent(again);
        using var saved = await second.PostAsync(new Uri($"{url}/scores", UriKind.Relative), againContent);
        Assert.True(saved.IsRedirectTo(url));
        Assert.Equal(5m, await SavedAsync(cycleId, items[0]));
    }

    [Fact]
    public async Task AMembersTwoWindows_TheOlderOneKeepsItsTypingAndShowsTheSavedSheet()
    {
        var cycleId = await factory.StartCycleAsync(2018);
        var (member, _) = await factory.SeatMemberAsync(cycleId, "위원무");
        var url = $"/evaluations/{cycleId}/score";
        var items = await factory.ItemIdsAsync(cycleId, FrameworkKind.External);
        var oldWindow = await member.GetDocumentAsync(url);
        await member.PostPageFormAsync(url, "/score", EvaluationsHttp.Scores(items, "7"));
        var fields = oldWindow.FormFields($"form[action='{url}']");
        fields[$"Scores[{items[0]}].Points"] = "9";
        using var content = new FormUrlEncodedContent(fields);
        using var refused = await member.PostAsync(new Uri(url, UriKind.Relative), content);
        var page = await refused.DocumentAsync();
        Assert.Contains("다른 창에서", page.QuerySelector("#scores-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("9", page.QuerySelector($"#score-{items[0]}")!.GetAttribute("value"));
        Assert.Contains("저장된 값: 7점", page.QuerySelector("#member-scores")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoEditorsOfTheCalendar_TheSecondKeepsItsDates()
    {
        var cycleId = await factory.StartCycleAsync(2019);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var url = $"/evaluations/{cycleId}";
        var stale = await coordinator.GetDocumentAsync(url);
        await coordinator.PostPageFormAsync(url, "/rules", new() { ["Rules.Aggregation"] = "Mean", ["Rules.GapThreshold"] = "15" });
        var fields = stale.FormFields("form[action$='/calendar']");
        fields["Calendar.ExternalBy"] = "2020-05-15";
        using var content = new FormUrlEncodedContent(fields);
        using var refused = await coordinator.PostAsync(new Uri($"{url}/calendar", UriKind.Relative), content);
        var page = await refused.DocumentAsync();
        Assert.Contains("다른 사람이", page.QuerySelector("#Calendar_PlanBy-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2020-05-15", page.QuerySelector("#Calendar_ExternalBy")!.GetAttribute("value"));
        using var again = new FormUrlEncodedContent(page.FormFields("form[action$='/calendar']"));
        using var saved = await coordinator.PostAsync(new Uri($"{url}/calendar", UriKind.Relative), again);
        Assert.True(saved.IsRedirectTo(url));
        Assert.Contains("2020-05-15", (await coordinator.GetDocumentAsync(url)).QuerySelector("#calendar")!.TextContent, StringComparison.Ordinal);
    }

    private Task<decimal?> SavedAsync(int cycleId, int itemId) =>
        factory.WithDbAsync(async db =>
        {
            var evaluation = await db.SelfEvaluations.Include(e => e.Scores).SingleAsync(e => e.CycleId == cycleId);
            return evaluation.ScoreFor(itemId)?.Points;
        });
}
