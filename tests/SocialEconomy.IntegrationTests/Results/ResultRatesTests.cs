using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Results;

/// <summary>The rates page against the revised or the original target, and what results do to removing structure.</summary>
public class ResultRatesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Rates_AgainstRevisedOrOriginalTarget_PerSubProjectTaskAndPlan()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2018);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);

        // The coordinator revises 발굴단 구성 2018 from 4 to 8 with a reason.
        var indicator = await factory.WithDbAsync(db => db.Indicators.Where(i => i.ActionItem.SubProject.Code == "1-1" && i.Name == "발굴단 구성").Select(i => i.Id).SingleAsync());
        var tables = $"/plans/{planId}/subprojects/1-1/tables";
        var fields = (await coordinator.GetDocumentAsync(tables)).FormFields("form.portal-form");
        fields[$"Cells[t{indicator.ToString(CultureInfo.InvariantCulture)}y2018]"] = "8";
        fields["Reason"] = "발굴단 확대 운영";
        using (var revised = await coordinator.PostAsync(new Uri(tables, UriKind.Relative), new FormUrlEncodedContent(fields)))
        {
            Assert.True(revised.IsRedirectTo($"/plans/{planId}/subprojects/1-1"), $"{revised.StatusCode}");
        }

        // 1-1 in 2018: 발굴단 4 (of 8 revised, 4 original), 사업비 10,000 of 10,000, 워크숍 2 of 2, 사업비 5,000 of 5,000.
        var url = $"/results/{planId}/2018/1-1";
        using (var saved = await officer.PostResultAsync(url, page => new()
        {
            [page.FieldOf("Actual", "발굴단 구성")] = "4",
            [page.FieldOf("Actual", "사업비", 0)] = "10,000",
            [page.FieldOf("Actual", "워크숍 및 우수사례 탐방")] = "2",
            [page.FieldOf("Actual", "사업비", 1)] = "5,000",
            [page.FieldOf("Executed", "소셜미션발굴단 구성운영")] = "10",
            [page.FieldOf("Executed", "워크숍 운영")] = "2.5",
        }))
        {
            Assert.True(saved.IsRedirectTo(url));
        }

        var revisedPage = await coordinator.GetDocumentAsync($"/results/{planId}/2018/rates");
        var originalPage = await coordinator.GetDocumentAsync($"/results/{planId}/2018/rates?basis=original");
        string RowOf(AngleSharp.Dom.IDocument page, string code) =>
            string.Join('|', page.QuerySelectorAll("#rates tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim().StartsWith(code + " ", StringComparison.Ordinal)).Children.Skip(2).Select(td => td.TextContent.Trim()));

        // Revised: (50 + 100 + 100 + 100) / 4 = 87.5; original: 100. Execution (10 + 2.5) / (10 + 5) = 83.3 either way.
        Assert.Equal("87.5%|15|12.5|83.3%", RowOf(revisedPage, "1-1"));
        Assert.Equal("100.0%|15|12.5|83.3%", RowOf(originalPage, "1-1"));
        Assert.Contains("변경 목표", revisedPage.QuerySelector("#basis")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("당초 목표", originalPage.QuerySelector("#basis")!.TextContent, StringComparison.Ordinal);

        // Task 1 and the plan: only 1-1 has results, so both show its rate; planned money covers every sub-project.
        var task = originalPage.QuerySelectorAll("#rates tbody tr.portal-subtotal")[0].Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("100.0%", task[2]);
        Assert.Equal("100.0%", originalPage.QuerySelector("#plan-achievement")!.TextContent.Trim());
        Assert.Equal("87.5%", revisedPage.QuerySelector("#plan-achievement")!.TextContent.Trim());

        // A viewer does not see the draft in the rates: 1-1 is 확정 전 and not counted.
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        var viewerPage = await viewer.GetDocumentAsync($"/results/{planId}/2018/rates");
        Assert.Equal("확정 전(비공개)|-|-|-|-", string.Join('|', viewerPage.QuerySelectorAll("#rates tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim().StartsWith("1-1 ", StringComparison.Ordinal)).Children.Skip(1).Select(c => c.TextContent.Trim())));
        Assert.Equal("-", viewerPage.QuerySelector("#plan-achievement")!.TextContent.Trim());
    }

    [Fact]
    public async Task RemovingAPartWithResults_IsRefusedWithThatReason()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2019);
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var url = $"/results/{planId}/2019/1-2";
        using (await officer.PostResultAsync(url, page => new() { [page.FieldOf("Actual", "목표시설수")] = "2" }))
        {
        }

        var (subId, indicatorId) = await factory.WithDbAsync(async db =>
            (await db.SubProjects.Where(s => s.Task.PlanId == planId && s.Code == "1-2").Select(s => s.Id).SingleAsync(),
             await db.Indicators.Where(i => i.ActionItem.SubProject.Code == "1-2" && i.Name == "목표시설수").Select(i => i.Id).SingleAsync()));
        var coordinator = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        foreach (var (kind, id, message) in new[] { ("subproject", subId, "세부사업 '1-2"), ("indicator", indicatorId, "성과지표 '목표시설수'") })
        {
            var page = await coordinator.GetDocumentAsync($"/plans/{planId}/structure/remove/{kind}/{id}");
            var refusal = page.QuerySelector("#remove-refusal")!.TextContent;
            Assert.Contains(message, refusal, StringComparison.Ordinal);
            Assert.Contains("실적이 입력되어 있어 삭제할 수 없습니다", refusal, StringComparison.Ordinal);
        }
    }
}
