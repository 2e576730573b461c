using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanEditing;

/// <summary>Editing the yearly tables of the adopted seed plan.</summary>
public class TablesEditingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(int PlanId, string Url)> TablesUrlAsync(string code)
    {
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        return (planId, $"/plans/{planId}/subprojects/{code}/tables");
    }

    private Task<int> IndicatorIdAsync(string code, string name) =>
        factory.WithDbAsync(db => db.Indicators.Where(i => i.ActionItem.SubProject.Code == code && i.Name == name).Select(i => i.Id).SingleAsync());

    private Task<int> BudgetLineIdAsync(string name) =>
        factory.WithDbAsync(db => db.BudgetLines.Where(b => b.Name == name).Select(b => b.Id).SingleAsync());

    /// <summary>Posts the form as the page rendered it, with some cells changed.</summary>
    private static async Task<HttpResponseMessage> PostTablesAsync(HttpClient client, string url, Dictionary<string, string> changes, string? reason, AngleSharp.Dom.IDocument? startedFrom = null)
    {
        var page = startedFrom ?? await client.GetDocumentAsync(url);
        var fields = page.FormFields("form.portal-form");
        foreach (var (key, value) in changes)
        {
            fields[$"Cells[{key}]"] = value;
        }

        fields["Reason"] = reason ?? string.Empty;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    [Fact]
    public async Task AdoptedPlan_ChangeWithoutReason_IsRefusedAndNothingSaved()
    {
        var (_, url) = await TablesUrlAsync("1-1");
        var indicator = await IndicatorIdAsync("1-1", "발굴단 구성");
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);

        using var response = await PostTablesAsync(client, url, new() { [$"t{indicator}y2018"] = "9" }, reason: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.Contains("변경 사유를 입력하세요", document.QuerySelector("#Reason-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("9", document.QuerySelector($"#cell-t{indicator}y2018")!.GetAttribute("value"));
        Assert.Equal(4m, await factory.WithDbAsync(db => db.Set<IndicatorTarget>().Where(t => t.IndicatorId == indicator && t.Year == 2018).Select(t => t.Number).SingleAsync()));
    }

    [Fact]
    public async Task AdoptedPlan_ChangeWithReason_IsSavedAsARevisionShownInTheHistory()
    {
        var (planId, url) = await TablesUrlAsync("1-2");
        var indicator = await IndicatorIdAsync("1-2", "목표시설수");
        var line = await BudgetLineIdAsync("지역자산화연구용역");
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);

        using var response = await PostTablesAsync(client, url, new() { [$"t{indicator}y2019"] = "６", [$"b{line}y2018"] = "1,500" }, reason: "2018년 추가경정예산 반영");

        Assert.True(response.IsRedirectTo($"/plans/{planId}/subprojects/1-2"), response.Headers.Location?.ToString());
        var revisions = await factory.WithDbAsync(db => db.PlanRevisions.Where(r => r.SubProjectId == db.SubProjects.Single(s => s.Code == "1-2").Id).OrderBy(r => r.Subject).ToListAsync());
        Assert.Equal(2, revisions.Count);
        Assert.Contains(revisions, r => r.Subject == RevisionSubject.Target && r.Year == 2019 && r.OldValue == "5" && r.NewValue == "6" && r.Reason == "2018년 추가경정예산 반영");
        Assert.Contains(revisions, r => r.Subject == RevisionSubject.Budget && r.Year == 2018 && r.OldValue == "0" && r.NewValue == "1,500");
        var page = await client.GetDocumentAsync($"/plans/{planId}/subprojects/1-2");
        var history = page.QuerySelector("#revisions-heading")!.ParentElement!.Text();
        Assert.Contains("목표시설수 (개소) 2019년 5 6 2018년 추가경정예산 반영", history, StringComparison.Ordinal);
        var finance = await client.GetDocumentAsync($"/plans/{planId}/finance");
        Assert.Equal("3,284", finance.QuerySelector("[data-total='2018']")!.Text());
    }

    [Fact]
    public async Task InvalidCells_AreMarkedBesideThemselves_AndTypedValuesKept()
    {
        var (_, url) = await TablesUrlAsync("1-3");
        var indicator = await IndicatorIdAsync("1-3", "도시재생사업과 연계한 맞춤형 교육");
        var line = await BudgetLineIdAsync("도시재생지역 주민교육");
        var client = await factory.ClientForAsync(Roles.Admin);

        using var response = await PostTablesAsync(client, url, new() { [$"t{indicator}y2017"] = "-5", [$"b{line}y2019"] = "많이", [$"t{indicator}y2018"] = "350" }, reason: "오류 시험");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.Contains("0 이상", document.QuerySelector($"#cell-t{indicator}y2017-error")!.Text(), StringComparison.Ordinal);
        Assert.Contains("금액이 아닙니다", document.QuerySelector($"#cell-b{line}y2019-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal($"cell-b{line}y2019-error", document.QuerySelector($"#cell-b{line}y2019")!.GetAttribute("aria-describedby"));
        Assert.Equal("350", document.QuerySelector($"#cell-t{indicator}y2018")!.GetAttribute("value"));
        Assert.Equal("많이", document.QuerySelector($"#cell-b{line}y2019")!.GetAttribute("value"));
        Assert.Equal(300m, await factory.WithDbAsync(db => db.Set<IndicatorTarget>().Where(t => t.IndicatorId == indicator && t.Year == 2018).Select(t => t.Number).SingleAsync()));
    }

    [Fact]
    public async Task TwoCoordinators_TheSecondSaveIsRefusedWithBothValues()
    {
        var (_, url) = await TablesUrlAsync("4-1");
        var indicator = await IndicatorIdAsync("4-1", "정기회의");
        await factory.CreateUserAsync("coord-a", Roles.Coordinator, PortalFactory.OwnDepartment);
        await factory.CreateUserAsync("coord-b", Roles.Coordinator, PortalFactory.OwnDepartment);
        var first = await factory.SignInAsync("coord-a");
        var second = await factory.SignInAsync("coord-b");
        var firstPage = await first.GetDocumentAsync(url);
        var secondPage = await second.GetDocumentAsync(url);

        using var saved = await PostTablesAsync(first, url, new() { [$"t{indicator}y2020"] = "12" }, "회의 확대", firstPage);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var refused = await PostTablesAsync(second, url, new() { [$"t{indicator}y2020"] = "8" }, "회의 축소", secondPage);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var conflict = await refused.DocumentAsync();
        Assert.Contains("다른 사용자가 먼저 저장했습니다", conflict.QuerySelector(".portal-error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Equal("8", conflict.QuerySelector($"#cell-t{indicator}y2020")!.GetAttribute("value"));
        Assert.Contains("저장된 값: 12", conflict.QuerySelector($"#cell-t{indicator}y2020-theirs")!.Text(), StringComparison.Ordinal);
        Assert.Equal(12m, await factory.WithDbAsync(db => db.Set<IndicatorTarget>().Where(t => t.IndicatorId == indicator && t.Year == 2020).Select(t => t.Number).SingleAsync()));

        // Having seen both, the second editor may deliberately save again.
        using var again = await PostTablesAsync(second, url, new() { [$"t{indicator}y2020"] = "8" }, "회의 축소(확인 후)", conflict);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(8m, await factory.WithDbAsync(db => db.Set<IndicatorTarget>().Where(t => t.IndicatorId == indicator && t.Year == 2020).Select(t => t.Number).SingleAsync()));
    }

    [Fact]
    public async Task OverPostedCellOfAnotherSubProject_IsIgnored()
    {
        var (_, url) = await TablesUrlAsync("2-2");
        var foreign = await IndicatorIdAsync("1-1", "워크숍 및 우수사례 탐방");
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);

        using var response = await PostTablesAsync(client, url, new() { [$"t{foreign}y2019"] = "99" }, "엉뚱한 칸");

        Assert.Equal(2m, await factory.WithDbAsync(db => db.Set<IndicatorTarget>().Where(t => t.IndicatorId == foreign && t.Year == 2019).Select(t => t.Number).SingleAsync()));
    }

    [Theory]
    [InlineData(Roles.Viewer, null)]
    [InlineData(Roles.CommitteeMember, null)]
    [InlineData(Roles.DepartmentOfficer, PortalFactory.OwnDepartment)]
    public async Task Tables_OtherRoles_AreDenied(string role, string? department)
    {
        var (_, url) = await TablesUrlAsync("1-1");
        var client = await factory.ClientForAsync(role, department);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(response.IsRedirectTo("/account/denied") || response.IsRedirectTo("https://localhost/account/denied"), response.Headers.Location?.ToString());
    }
}
