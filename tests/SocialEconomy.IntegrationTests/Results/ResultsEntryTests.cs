using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Results;

/// <summary>An officer enters a year's results of their sub-project: drafts, problems, submission, conflicts.</summary>
public class ResultsEntryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<string> UrlAsync(int year = 2017, string code = "1-1")
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, year);
        return $"/results/{planId}/{year}/{code}";
    }

    private async Task<YearResult> ResultAsync(string code, int year) =>
        await factory.WithDbAsync(db => db.YearResults
            .Include(r => r.Indicators).ThenInclude(i => i.Indicator)
            .Include(r => r.Budget).ThenInclude(b => b.BudgetLine)
            .Include(r => r.Events)
            .AsSplitQuery()
            .SingleAsync(r => r.SubProject.Code == code && r.Year == year));

    [Fact]
    public async Task Draft_KeepsEveryTypedValue_MarksTheInvalidOnes_AndSurvivesSignOut()
    {
        var url = await UrlAsync(2018, "1-2");
        var user = await factory.CreateUserAsync($"draft-{Guid.NewGuid():N}"[..14], Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var officer = await factory.SignInAsync(user.UserName!);
        var page = await officer.GetDocumentAsync(url);
        string[] actuals = [page.FieldOf("Actual", "지역자산화 용역"), page.FieldOf("Actual", "목표시설수")];

        using var saved = await officer.PostResultAsync(url, _ => new()
        {
            [actuals[0]] = "１,２００",
            [actuals[1]] = "많이 했음",
            ["Achievements"] = "<script>alert('x')</script> 추진실적 본문",
        });
        Assert.True(saved.IsRedirectTo(url), $"{saved.StatusCode}");

        // Signed out and in again: the draft is there, the bad value kept as typed and marked.
        await officer.PostFormAsync(url, "/account/signout", []);
        var again = await factory.SignInAsync(user.UserName!);
        var document = await again.GetDocumentAsync(url);
        var first = document.QuerySelector($"[name='{actuals[0]}']")!;
        var second = document.QuerySelector($"[name='{actuals[1]}']")!;
        Assert.Equal("１,２００", first.GetAttribute("value"));
        Assert.Null(first.GetAttribute("aria-invalid"));
        Assert.Equal("많이 했음", second.GetAttribute("value"));
        Assert.Equal("true", second.GetAttribute("aria-invalid"));
        Assert.Contains("숫자로 입력하세요", document.QuerySelector($"#{second.Id}-error")!.TextContent, StringComparison.Ordinal);

        // Script typed into a narrative is text, never markup.
        Assert.Contains("<script>alert('x')</script> 추진실적 본문", document.QuerySelector("#Achievements")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script:not([src])"));

        var result = await ResultAsync("1-2", 2018);
        Assert.Equal(ResultStatus.Draft, result.Status);
        Assert.Equal(1200m, result.Indicators.Single(i => i.Input == "１,２００").ActualNumber);
        Assert.NotNull(result.Indicators.Single(i => i.Input == "많이 했음").Problem);
    }

    [Fact]
    public async Task Submit_WithGaps_IsRefusedButSaved_ThenCompleteSubmits_AndLocks()
    {
        var url = await UrlAsync();
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);

        using var refused = await officer.PostResultAsync(url, page => new() { [page.FieldOf("Actual", "발굴단 구성")] = "3" }, intent: "submit");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await refused.DocumentAsync();
        Assert.Contains("제출하려면 다음을 채우세요", refusedPage.QuerySelector("#result-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("추진실적을 입력하세요", refusedPage.QuerySelector("#result-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("3", refusedPage.QuerySelector($"[name='{refusedPage.FieldOf("Actual", "발굴단 구성")}']")!.GetAttribute("value"));
        Assert.Equal(ResultStatus.Draft, (await ResultAsync("1-1", 2017)).Status);

        using var submitted = await officer.PostResultAsync(url, CompleteFor2017, intent: "submit");
        Assert.True(submitted.IsRedirectTo(url), $"{submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
        var result = await ResultAsync("1-1", 2017);
        Assert.Equal(ResultStatus.Submitted, result.Status);
        Assert.Equal(ResultStep.Submitted, Assert.Single(result.Events).Step);

        // Rates as docs/results.md says: (100 + 90 + 100 + 100) / 4 and (9 + 1) / (10 + 1).
        var page = await officer.GetDocumentAsync(url);
        Assert.Equal("97.5%", page.QuerySelector("#achievement-rate")!.TextContent.Trim());
        Assert.Equal("90.9%", page.QuerySelector("#execution-rate")!.TextContent.Trim());

        // Submitted results are locked: no form fields, and a post changes nothing.
        Assert.Empty(page.QuerySelectorAll("input[name^='Actual[']"));
        var fields = new Dictionary<string, string> { ["Version"] = result.Version.ToString(), ["Achievements"] = "바꾸기", ["Intent"] = "save", ["__RequestVerificationToken"] = await officer.AntiforgeryTokenAsync(url) };
        using var locked = await officer.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Contains("검토가 끝날 때까지", (await locked.DocumentAsync()).QuerySelector("#result-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2017년 발굴단 3개 구성·운영", (await ResultAsync("1-1", 2017)).Achievements);
    }

    /// <summary>Every field 1-1 needs in 2017: two counts, two amounts, a text target with its judgement, two budget lines, the narrative.</summary>
    internal static Dictionary<string, string> CompleteFor2017(AngleSharp.Dom.IDocument page)
    {
        var judgement = page.QuerySelector("select[name^='Judgement[']")!.GetAttribute("name")!;
        return new()
        {
            [page.FieldOf("Actual", "발굴단 구성")] = "３",
            [page.FieldOf("Actual", "사업비", 0)] = "9,000",
            [page.FieldOf("Actual", "워크숍 및 우수사례 탐방")] = "운영계획 수립 완료",
            [judgement] = nameof(Judgement.Achieved),
            [page.FieldOf("Actual", "사업비", 1)] = "1000",
            [page.FieldOf("Executed", "소셜미션발굴단 구성운영")] = "9",
            [page.FieldOf("Executed", "워크숍 운영")] = "1",
            ["Achievements"] = "2017년 발굴단 3개 구성·운영",
            ["Problems"] = "참여 주민 확대 필요",
            ["Improvements"] = "동 주민센터와 협력",
        };
    }

    [Fact]
    public async Task OtherDepartment_CannotReadOrSave_ViewerSeesOnlyConfirmed()
    {
        var url = await UrlAsync(2019);
        var other = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OtherDepartment);
        using var read = await other.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Contains("/account/denied", read.Headers.Location?.ToString(), StringComparison.Ordinal);

        using var write = await other.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Achievements"] = "남의 것", ["__RequestVerificationToken"] = await other.AntiforgeryTokenAsync("/results") }));
        Assert.Contains("/account/denied", write.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.YearResults.AnyAsync(r => r.Year == 2019 && r.Achievements == "남의 것")));

        var viewer = await factory.ClientForAsync(Roles.Viewer);
        using var draft = await viewer.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Contains("/account/denied", draft.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoOfficers_TheLaterSaveShowsBothValues_NothingLost()
    {
        var url = await UrlAsync(2020);
        var first = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var second = await factory.SignInAsync((await factory.CreateUserAsync($"o2-{Guid.NewGuid():N}"[..12], Roles.DepartmentOfficer, PortalFactory.OwnDepartment)).UserName!);

        using (var created = await first.PostResultAsync(url, _ => new() { ["Achievements"] = "처음 저장" }))
        {
            Assert.True(created.IsRedirectTo(url));
        }

        var secondPage = await second.GetDocumentAsync(url);
        using (var firstSave = await first.PostResultAsync(url, _ => new() { ["Achievements"] = "첫째 담당자" }))
        {
            Assert.True(firstSave.IsRedirectTo(url));
        }

        var fields = secondPage.FormFields("#result-form");
        fields["Achievements"] = "둘째 담당자";
        fields["Intent"] = "save";
        using var conflict = await second.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var document = await conflict.DocumentAsync();
        Assert.Contains("다른 사용자가", document.QuerySelector("#result-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("둘째 담당자", document.QuerySelector("#Achievements")!.TextContent);
        Assert.Contains("첫째 담당자", document.QuerySelector("#Achievements-theirs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("첫째 담당자", (await ResultAsync("1-1", 2020)).Achievements);

        using var overwrite = await second.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(document.FormFields("#result-form").Append(new("Intent", "save")).ToDictionary()));
        Assert.True(overwrite.IsRedirectTo(url));
        Assert.Equal("둘째 담당자", (await ResultAsync("1-1", 2020)).Achievements);
    }

    [Fact]
    public async Task ClosedOrUnopenedPeriod_RefusesSaving_AndKeepsTheTypedText()
    {
        var planId = await factory.SeededPlanIdAsync();
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OtherDepartment);
        var url = $"/results/{planId}/2019/1-3";
        var page = await officer.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("textarea#Achievements"));
        Assert.Contains("열리지 않았습니다", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var fields = new Dictionary<string, string> { ["Achievements"] = "기간 전 입력", ["Intent"] = "save" };
        var coordinator = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        using var refused = await coordinator.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await coordinator.AntiforgeryTokenAsync(url) }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("아직 열리지 않았습니다", (await refused.DocumentAsync()).QuerySelector("#result-errors")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.YearResults.AnyAsync(r => r.Year == 2019 && r.SubProject.Code == "1-3")));
    }

    [Fact]
    public async Task NotFound_ForAYearOutsideTheSubProjectOrAnUnknownCode()
    {
        var planId = await factory.SeededPlanIdAsync();
        var coordinator = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        foreach (var url in new[] { $"/results/{planId}/2016/1-1", $"/results/{planId}/2018/9-9", $"/results/{planId + 999}/2018/1-1", $"/results/{planId}/2031" })
        {
            using var response = await coordinator.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
