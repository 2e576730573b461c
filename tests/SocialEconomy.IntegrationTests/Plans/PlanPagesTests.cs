using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Plans;

public class PlanPagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{

    private Task<HttpClient> Viewer() => factory.ClientForAsync(Roles.Viewer);

    private Task<int> PlanIdAsync() => factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Home_ListsTheSeededPlan()
    {
        var document = await (await Viewer()).GetDocumentAsync("/");

        Assert.Equal("ko", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("성북구 사회적경제 기본계획", document.QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanList_LinksToTheOverview()
    {
        var id = await PlanIdAsync();
        var document = await (await Viewer()).GetDocumentAsync("/plans");

        Assert.NotNull(document.QuerySelector($"a[href='/plans/{id}']"));
        Assert.Contains("2017년 ~ 2020년", document.Body!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_ShowsVisionGoalsTasksAndBudgetPerYear()
    {
        var id = await PlanIdAsync();
        var document = await (await Viewer()).GetDocumentAsync($"/plans/{id}");
        var main = document.QuerySelector("main")!;

        Assert.Contains("지속가능한 사회적경제 공동체 구축", main.Text(), StringComparison.Ordinal);
        Assert.Equal(3, main.QuerySelectorAll(".portal-facts ol li").Length);
        var subProjectLinks = main.QuerySelectorAll($"a[href^='/plans/{id}/subprojects/']");
        Assert.Equal(13, subProjectLinks.Length);
        var total = main.QuerySelector("tfoot tr")!.Text();
        Assert.Contains("1,645 1,784 1,739 1,994 7,162", total, StringComparison.Ordinal);
        Assert.Contains("(단위: 백만원)", main.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1-1")]
    [InlineData("1-2")]
    [InlineData("1-3")]
    [InlineData("2-1")]
    [InlineData("2-2")]
    [InlineData("2-3")]
    [InlineData("3-1")]
    [InlineData("3-2")]
    [InlineData("3-3")]
    [InlineData("4-1")]
    [InlineData("4-2")]
    [InlineData("4-3")]
    [InlineData("4-4")]
    public async Task SubProject_EveryOneRendersWithItsActionItems(string code)
    {
        var id = await PlanIdAsync();
        var document = await (await Viewer()).GetDocumentAsync($"/plans/{id}/subprojects/{code}");

        Assert.StartsWith($"({code})", document.QuerySelector("h1")!.Text(), StringComparison.Ordinal);
        Assert.NotEmpty(document.QuerySelectorAll("article.portal-action"));
        foreach (var table in document.QuerySelectorAll("table"))
        {
            Assert.NotNull(table.QuerySelector("caption"));
            Assert.All(table.QuerySelectorAll("th"), th => Assert.False(string.IsNullOrEmpty(th.GetAttribute("scope")), $"<th>{th.TextContent}</th> has no scope"));
        }
    }

    [Fact]
    public async Task SubProject_IndicatorTableHasUnitsTotalsAndMultiPartCells()
    {
        var id = await PlanIdAsync();
        var document = await (await Viewer()).GetDocumentAsync($"/plans/{id}/subprojects/2-3");
        var rows = document.QuerySelectorAll("article.portal-action table tbody tr").Select(r => r.Text()).ToList();

        Assert.Contains(rows, r => r.Contains("지원 (국·시) 업체 77 (27억) 15 (5억) 17 (6억) 20 (7억) 25 (9억)", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("협동조합 사업운영률 % 57 (평균) 54 56 58 60", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("협동조합설립 개 77 17 20 20 20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubProject_ShowsMilestonesAndBudgetLinesByYear()
    {
        var id = await PlanIdAsync();
        var document = await (await Viewer()).GetDocumentAsync($"/plans/{id}/subprojects/2-2");
        var text = document.QuerySelector("main")!.Text();

        Assert.Contains("조직개편 T/F구성", text, StringComparison.Ordinal);
        Assert.Contains("혁신본부 설치", text, StringComparison.Ordinal);
        Assert.Contains("비예산", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubProject_UnknownCode_IsAKorean404()
    {
        var id = await PlanIdAsync();
        using var response = await (await Viewer()).GetAsync(new Uri($"/plans/{id}/subprojects/9-9", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("페이지를 찾을 수 없습니다", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_UnknownPlan_Is404()
    {
        using var response = await (await Viewer()).GetAsync(new Uri("/plans/999999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_DatabaseReachable_Is200()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryPage_CarriesSecurityHeadersAndASkipLink()
    {
        var id = await PlanIdAsync();
        foreach (var url in new[] { "/", "/plans", $"/plans/{id}", $"/plans/{id}/finance", $"/plans/{id}/subprojects/1-1" })
        {
            using var response = await (await Viewer()).GetAsync(new Uri(url, UriKind.Relative));
            var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("href=\"#main-content\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        }
    }
}
