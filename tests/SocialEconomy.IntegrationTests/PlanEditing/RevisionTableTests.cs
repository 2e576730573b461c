using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanEditing;

public class RevisionTableTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<int> ReviseAsync(string reason)
    {
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var indicator = await factory.WithDbAsync(db => db.Indicators.Where(i => i.Name == "위원회 개최").Select(i => i.Id).SingleAsync());
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var url = $"/plans/{planId}/subprojects/4-1/tables";
        var page = await client.GetDocumentAsync(url);
        var fields = page.FormFields("form.portal-form");
        fields[$"Cells[t{indicator}y2019]"] = "6";
        fields["Reason"] = reason;
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        Assert.True(response.IsRedirectTo($"/plans/{planId}/subprojects/4-1"), response.Headers.Location?.ToString());
        return planId;
    }

    [Fact]
    public async Task RevisionTable_OnScreenAndInExcel_ListsTheChangeWithTextKeptAsText()
    {
        var planId = await ReviseAsync("=HYPERLINK(\"http://evil.example\",\"클릭\")");
        var client = await factory.ClientForAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync($"/plans/{planId}/revisions?Year=2019");
        var row = page.QuerySelector("tbody tr")!.Text();
        Assert.StartsWith("4-1 민관 거버넌스 체계 확립 위원회 개최 (회) 2019년 4 6", row, StringComparison.Ordinal);

        using var response = await client.GetAsync(new Uri($"/plans/{planId}/revisions/workbook?Year=2019", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("신구대비표");
        Assert.Equal("현행(변경 전)", sheet.Cell(2, 4).GetString());
        Assert.Equal("4", sheet.Cell(3, 4).GetString());
        Assert.Equal("6", sheet.Cell(3, 5).GetString());
        var reason = sheet.Cell(3, 6);
        Assert.False(reason.HasFormula);
        Assert.StartsWith("=HYPERLINK", reason.GetString(), StringComparison.Ordinal);
        Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
    }

    [Fact]
    public async Task RevisionTable_OtherYear_IsEmpty_AndBadDatesAreRefusedBesideTheField()
    {
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var client = await factory.ClientForAsync(Roles.Viewer);

        var empty = await client.GetDocumentAsync($"/plans/{planId}/revisions?Year=2017");
        Assert.Contains("조건에 맞는 변경 내용이 없습니다", empty.QuerySelector("main")!.Text(), StringComparison.Ordinal);

        var bad = await client.GetDocumentAsync($"/plans/{planId}/revisions?From=2020-05-01&To=2020-01-01");
        Assert.Contains("시작일이 종료일보다 늦습니다", bad.QuerySelector("#To-error")!.Text(), StringComparison.Ordinal);
    }
}
