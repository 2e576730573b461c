using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanEditing;

/// <summary>A coordinator finishes a draft plan's structure in the portal, and removes parts again.</summary>
public class PlanStructureItemsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<int> DepartmentIdAsync(string name) =>
        await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync());

    /// <summary>A draft plan 2030–2034 with task 1 and sub-project 1-1 led by the own department.</summary>
    private async Task<int> DraftPlanAsync() =>
        await factory.WithDbAsync(async db =>
        {
            var department = await db.Departments.SingleAsync(d => d.Name == PortalFactory.OwnDepartment);
            var plan = new BasicPlan($"구조 편집 {Guid.NewGuid():N}", "테스트군", department, new YearRange(2030, 2034), "함께 성장");
            plan.AddTask(1, "판로 확대", null).AddSubProject("1-1", "공공구매 확대", department, plan.Period);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });

    private async Task<int> ItemIdAsync(int planId, string name) =>
        await factory.WithDbAsync(db => db.SubProjects.Where(s => s.Task.PlanId == planId).SelectMany(s => s.ActionItems).Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private async Task<int> AddActionItemAsync(HttpClient client, int planId, string name)
    {
        var url = $"/plans/{planId}/structure";
        using var response = await client.PostFormAsync(url, $"{url}/subprojects/1-1/actionitems", new() { ["ActionItem.Name"] = name, ["ActionItem.Summary"] = "개요" });
        Assert.True(response.IsRedirectTo(url), response.Headers.Location?.ToString());
        return await ItemIdAsync(planId, name);
    }

    private async Task<SubProject> SubProjectAsync(int planId) =>
        await factory.WithDbAsync(db => db.SubProjects
            .Include(s => s.ActionItems).ThenInclude(a => a.Indicators)
            .Include(s => s.ActionItems).ThenInclude(a => a.Milestones)
            .Include(s => s.BudgetLines)
            .Include(s => s.SharingDepartments)
            .AsSplitQuery()
            .SingleAsync(s => s.Task.PlanId == planId && s.Code == "1-1"));

    [Fact]
    public async Task Coordinator_AddsActionItemIndicatorMilestoneBudgetLineAndSharing()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var planId = await DraftPlanAsync();
        var url = $"/plans/{planId}/structure";

        using var item = await client.PostFormAsync(url, $"{url}/subprojects/1-1/actionitems", new()
        {
            ["ActionItem.Name"] = "공공구매 박람회",
            ["ActionItem.Summary"] = "구청 부서 대상 박람회",
            ["ActionItem.StartYear"] = "2031",
            ["ActionItem.EndYear"] = "2033",
        });
        Assert.True(item.IsRedirectTo(url));
        var itemId = Text(await ItemIdAsync(planId, "공공구매 박람회"));

        using var indicator = await client.PostFormAsync(url, $"{url}/subprojects/1-1/actionitems/{itemId}/indicators", new()
        {
            ["Indicator.Name"] = "참여기업",
            ["Indicator.Unit"] = "업체",
            ["Indicator.Kind"] = nameof(IndicatorKind.Count),
            ["Indicator.TotalRule"] = nameof(TotalRule.Sum),
            ["Indicator.TotalText"] = "누적",
        });
        Assert.True(indicator.IsRedirectTo(url));
        using var milestone = await client.PostFormAsync(url, $"{url}/subprojects/1-1/actionitems/{itemId}/milestones", new() { ["Milestone.Label"] = "준비" });
        Assert.True(milestone.IsRedirectTo(url));
        using var line = await client.PostFormAsync(url, $"{url}/subprojects/1-1/budgetlines", new()
        {
            ["BudgetLine.Name"] = "박람회 운영",
            ["BudgetLine.Unit"] = "천원",
            ["BudgetLine.IsNonBudget"] = "true",
            ["BudgetLine.ActionItemId"] = itemId,
        });
        Assert.True(line.IsRedirectTo(url));
        var other = await DepartmentIdAsync(PortalFactory.OtherDepartment);
        using var sharing = await client.PostFormAsync(url, $"{url}/subprojects/1-1/sharing", new() { ["Sharing.DepartmentId"] = Text(other) });
        Assert.True(sharing.IsRedirectTo(url));

        var sub = await SubProjectAsync(planId);
        var saved = Assert.Single(sub.ActionItems);
        Assert.Equal("구청 부서 대상 박람회", saved.Summary);
        Assert.Equal(new YearRange(2031, 2033), saved.Period);
        var savedIndicator = Assert.Single(saved.Indicators);
        Assert.Equal((Unit.Companies, IndicatorKind.Count, TotalRule.Sum, "누적"), (savedIndicator.Unit, savedIndicator.Kind, savedIndicator.TotalRule, savedIndicator.TotalText));
        Assert.Equal("준비", Assert.Single(saved.Milestones).Label);
        var savedLine = Assert.Single(sub.BudgetLines);
        Assert.True(savedLine.IsNonBudget);
        Assert.Equal(Unit.ThousandWon, savedLine.Unit);
        Assert.Equal(saved.Id, savedLine.ActionItemId);
        Assert.Equal(other, Assert.Single(sub.SharingDepartments).DepartmentId);

        var page = await client.GetDocumentAsync(url);
        Assert.Contains("참여기업", page.QuerySelector($"#actionitem-{itemId}")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='{url}/remove/indicator/{Text(savedIndicator.Id)}']"));
        Assert.NotNull(page.QuerySelector($"a[href='{url}/remove/budgetline/{Text(savedLine.Id)}']"));
    }

    [Fact]
    public async Task AddForms_BadInput_IsRefusedBesideTheFieldAndKeepsWhatWasTyped()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var planId = await DraftPlanAsync();
        var url = $"/plans/{planId}/structure";
        var itemId = Text(await AddActionItemAsync(client, planId, "판로 지원"));

        using var given = await client.PostFormAsync(url, $"{url}/subprojects/1-1/actionitems/{itemId}/indicators", new()
        {
            ["Indicator.Name"] = "만족도",
            ["Indicator.Unit"] = "%",
            ["Indicator.Kind"] = nameof(IndicatorKind.Rate),
            ["Indicator.TotalRule"] = nameof(TotalRule.Given),
        });
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        var document = await given.DocumentAsync();
        Assert.Contains("계 문구를 입력하세요", document.QuerySelector("#Indicator_TotalText-error")!.TextContent, StringComparison.Ordinal);
        var name = document.QuerySelector($"#Indicator_Name_indicator-{itemId}")!;
        Assert.Equal("만족도", name.GetAttribute("value"));
        Assert.Equal("Indicator_TotalText-error", document.QuerySelector($"#Indicator_TotalText_indicator-{itemId}")!.GetAttribute("aria-describedby"));

        using var outside = await client.PostFormAsync(url, $"{url}/subprojects/1-1/actionitems", new() { ["ActionItem.Name"] = "기간 밖", ["ActionItem.StartYear"] = "2029", ["ActionItem.EndYear"] = "2031" });
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.Contains("세부사업 기간", (await outside.DocumentAsync()).QuerySelector("#ActionItem_Name-error")!.TextContent, StringComparison.Ordinal);

        var lead = await DepartmentIdAsync(PortalFactory.OwnDepartment);
        using var sharing = await client.PostFormAsync(url, $"{url}/subprojects/1-1/sharing", new() { ["Sharing.DepartmentId"] = Text(lead) });
        Assert.Equal(HttpStatusCode.OK, sharing.StatusCode);
        Assert.Contains("이미 주관부서", (await sharing.DocumentAsync()).QuerySelector("#Sharing_DepartmentId-error")!.TextContent, StringComparison.Ordinal);

        var sub = await SubProjectAsync(planId);
        Assert.Empty(Assert.Single(sub.ActionItems).Indicators);
        Assert.Empty(sub.SharingDepartments);
    }

    [Fact]
    public async Task Remove_AsksFirst_RefusesPartsWithChildren_ThenRemovesFromTheLeavesUp()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var planId = await DraftPlanAsync();
        var url = $"/plans/{planId}/structure";
        var itemId = Text(await AddActionItemAsync(client, planId, "교육 운영"));
        using (await client.PostFormAsync(url, $"{url}/subprojects/1-1/actionitems/{itemId}/milestones", new() { ["Milestone.Label"] = "추진" }))
        {
        }

        var sub = await SubProjectAsync(planId);
        var taskId = await factory.WithDbAsync(db => db.Tasks.Where(t => t.PlanId == planId).Select(t => t.Id).SingleAsync());
        var milestoneId = Text(sub.ActionItems.Single().Milestones.Single().Id);

        var refusedPage = await client.GetDocumentAsync($"{url}/remove/task/{Text(taskId)}");
        Assert.Contains("세부사업을 먼저 삭제하세요", refusedPage.QuerySelector("#remove-refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Null(refusedPage.QuerySelector("form[action$='/remove/task/" + Text(taskId) + "']"));
        using var refused = await client.PostFormAsync(url, $"{url}/remove/actionitem/{itemId}", []);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("연도별 추진계획 1개", (await refused.DocumentAsync()).QuerySelector("#remove-refusal")!.TextContent, StringComparison.Ordinal);

        var confirm = await client.GetDocumentAsync($"{url}/remove/milestone/{milestoneId}");
        Assert.Contains("'추진'을(를) 삭제합니다. 되돌릴 수 없습니다.", confirm.QuerySelector("#remove-question")!.TextContent, StringComparison.Ordinal);

        foreach (var path in new[] { $"milestone/{milestoneId}", $"actionitem/{itemId}", $"subproject/{Text(sub.Id)}", $"task/{Text(taskId)}" })
        {
            using var removed = await client.PostFormAsync(url, $"{url}/remove/{path}", []);
            Assert.True(removed.IsRedirectTo(url), $"{path}: {(int)removed.StatusCode}");
        }

        Assert.False(await factory.WithDbAsync(db => db.Tasks.AnyAsync(t => t.PlanId == planId)));
        Assert.False(await factory.WithDbAsync(db => db.SubProjects.AnyAsync(s => s.Id == sub.Id)));
    }

    [Fact]
    public async Task ForeignIds_AreNotFound_AndChangeNothing()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var planA = await DraftPlanAsync();
        var planB = await DraftPlanAsync();
        var urlA = $"/plans/{planA}/structure";
        var foreignItem = Text(await AddActionItemAsync(client, planB, "다른 계획의 단위사업"));

        using var remove = await client.PostFormAsync(urlA, $"{urlA}/remove/actionitem/{foreignItem}", []);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        using var confirm = await client.GetAsync(new Uri($"{urlA}/remove/actionitem/{foreignItem}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        using var indicator = await client.PostFormAsync(urlA, $"{urlA}/subprojects/1-1/actionitems/{foreignItem}/indicators", new()
        {
            ["Indicator.Name"] = "침입",
            ["Indicator.Unit"] = "명",
            ["Indicator.Kind"] = nameof(IndicatorKind.Count),
            ["Indicator.TotalRule"] = nameof(TotalRule.Sum),
        });
        Assert.Equal(HttpStatusCode.NotFound, indicator.StatusCode);
        using var milestone = await client.PostFormAsync(urlA, $"{urlA}/subprojects/1-1/actionitems/{foreignItem}/milestones", new() { ["Milestone.Label"] = "침입" });
        Assert.Equal(HttpStatusCode.NotFound, milestone.StatusCode);
        using var unknownKind = await client.PostFormAsync(urlA, $"{urlA}/remove/plan/{Text(planB)}", []);
        Assert.Equal(HttpStatusCode.NotFound, unknownKind.StatusCode);

        var item = Assert.Single((await SubProjectAsync(planB)).ActionItems);
        Assert.Empty(item.Indicators);
        Assert.Empty(item.Milestones);
        Assert.Empty((await SubProjectAsync(planA)).ActionItems);
    }

    [Fact]
    public async Task AdoptedPlan_RefusesAddingAndRemovingInKorean()
    {
        var client = await factory.ClientForAsync(Roles.Admin);
        var seed = await factory.WithDbAsync(db => db.Plans.Where(p => p.District == "성북구").Select(p => p.Id).SingleAsync());
        var url = $"/plans/{Text(seed)}/structure";
        var milestones = await factory.WithDbAsync(db => db.Set<Milestone>().CountAsync());
        var milestoneId = Text(await factory.WithDbAsync(db => db.Set<Milestone>().Where(m => m.ActionItem.SubProject.Task.PlanId == seed).Select(m => m.Id).FirstAsync()));

        var page = await client.GetDocumentAsync($"{url}/remove/milestone/{milestoneId}");
        Assert.Contains("작성중인 계획에서만", page.QuerySelector("#remove-refusal")!.TextContent, StringComparison.Ordinal);
        using var removed = await client.PostFormAsync(url, $"{url}/remove/milestone/{milestoneId}", []);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains("작성중인 계획에서만", (await removed.DocumentAsync()).QuerySelector("#remove-refusal")!.TextContent, StringComparison.Ordinal);

        using var added = await client.PostFormAsync(url, $"{url}/subprojects/1-1/actionitems", new() { ["ActionItem.Name"] = "새 단위사업" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("작성중인 계획에서만", (await added.DocumentAsync()).QuerySelector("#ActionItem_Name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(milestones, await factory.WithDbAsync(db => db.Set<Milestone>().CountAsync()));
        Assert.False(await factory.WithDbAsync(db => db.ActionItems.AnyAsync(a => a.Name == "새 단위사업")));
    }
}
