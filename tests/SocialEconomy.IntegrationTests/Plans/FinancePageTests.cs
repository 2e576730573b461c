using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Plans;

public class FinancePageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{

    [Fact]
    public async Task Finance_TotalsAreTheSumsOfTheLines()
    {
        var id = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());

        var document = await (await factory.ClientForAsync(Roles.Viewer)).GetDocumentAsync($"/plans/{id}/finance");

        Assert.Equal("7,162", document.QuerySelector("[data-total='grand']")!.Text());
        Assert.Equal("1,645", document.QuerySelector("[data-total='2017']")!.Text());
        Assert.Equal("1,784", document.QuerySelector("[data-total='2018']")!.Text());
        Assert.Equal("1,739", document.QuerySelector("[data-total='2019']")!.Text());
        Assert.Equal("1,994", document.QuerySelector("[data-total='2020']")!.Text());
        Assert.Contains("(단위: 백만원)", document.QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finance_ShowsSubtotalsPerTaskAndSubProject()
    {
        var id = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());

        var document = await (await factory.ClientForAsync(Roles.Viewer)).GetDocumentAsync($"/plans/{id}/finance");
        var taskRows = document.QuerySelectorAll("tr.portal-subtotal").Select(r => r.Text()).ToList();
        var lineRows = document.QuerySelectorAll("tbody tr").Select(r => r.Text()).ToList();

        Assert.Equal(4, taskRows.Count);
        Assert.StartsWith("1. 주민이 주도하는 사회적경제를 통한 지역문제 해결 636 251 235 75 75", taskRows[0], StringComparison.Ordinal);
        Assert.Equal(13, document.QuerySelectorAll("tr.portal-subtotal-minor").Length);
        Assert.Contains(lineRows, r => r.Contains("사회적기업 육성·지원 2,700 500 600 700 900", StringComparison.Ordinal));
        Assert.Contains(lineRows, r => r.Contains("혁신 프로젝트 발굴 비예산", StringComparison.Ordinal));
        Assert.Contains(lineRows, r => r.Contains("사회투자기금(융자사업) 1,380 300 330 360 390", StringComparison.Ordinal));
    }
}
