using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanEditing;

/// <summary>A district that is not Seongbuk builds its own plan in the portal.</summary>
public class PlanStructureTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<int> DepartmentIdAsync(string name) =>
        await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync());

    [Fact]
    public async Task Coordinator_BuildsAFiveYearPlanWithTasksAndSubProjects()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var department = (await DepartmentIdAsync(PortalFactory.OwnDepartment)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var created = await client.PostFormAsync("/plans/new", "/plans/new", new()
        {
            ["Input.Title"] = "전북형 사회적경제 기본계획",
            ["Input.District"] = "전라북도",
            ["Input.OwningDepartmentId"] = department,
            ["Input.FirstYear"] = "2020",
            ["Input.LastYear"] = "2024",
            ["Input.Vision"] = "함께 성장하는 사회적경제",
            ["Input.Goals"] = "판로 확대\n인재 양성",
        });
        Assert.True(created.IsRedirectTo("/plans/"), created.Headers.Location?.ToString());
        var structureUrl = created.Headers.Location!.OriginalString;
        var planId = await factory.WithDbAsync(db => db.Plans.Where(p => p.District == "전라북도").Select(p => p.Id).SingleAsync());

        using var task = await client.PostFormAsync(structureUrl, $"/plans/{planId}/structure/tasks", new() { ["Task.Number"] = "1", ["Task.Name"] = "판로 확대", ["Task.ShortName"] = "판로" });
        Assert.True(task.IsRedirectTo(structureUrl));
        using var sub = await client.PostFormAsync(structureUrl, $"/plans/{planId}/structure/subprojects", new() { ["SubProject.TaskNumber"] = "1", ["SubProject.Code"] = "1-1", ["SubProject.Name"] = "공공구매 확대", ["SubProject.LeadDepartmentId"] = department });
        Assert.True(sub.IsRedirectTo(structureUrl));

        var plan = await factory.WithDbAsync(db => db.Plans.Include(p => p.Goals).Include(p => p.Tasks).ThenInclude(t => t.SubProjects).SingleAsync(p => p.Id == planId));
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(new YearRange(2020, 2024), plan.Period);
        Assert.Equal(2, plan.Goals.Count);
        Assert.Equal("1-1", plan.SubProjects.Single().Code);
        var overview = await client.GetDocumentAsync($"/plans/{planId}");
        Assert.Equal(5, overview.QuerySelectorAll("section[aria-labelledby='budget-heading'] thead th").Length - 2);
    }

    [Fact]
    public async Task NewPlan_BadInput_IsRefusedBesideEachFieldAndKeepsWhatWasTyped()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);

        using var response = await client.PostFormAsync("/plans/new", "/plans/new", new()
        {
            ["Input.Title"] = "거꾸로 계획",
            ["Input.District"] = "",
            ["Input.FirstYear"] = "2024",
            ["Input.LastYear"] = "2020",
            ["Input.Vision"] = "비전",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.Contains("종료연도가 시작연도보다 앞설 수 없습니다", document.QuerySelector("#Input_LastYear-error")!.Text(), StringComparison.Ordinal);
        Assert.Contains("자치단체명을 입력하세요", document.QuerySelector("#Input_District-error")!.Text(), StringComparison.Ordinal);
        Assert.Contains("주무부서를 고르세요", document.QuerySelector("#Input_OwningDepartmentId-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("거꾸로 계획", document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("Input_LastYear-error", document.QuerySelector("#Input_LastYear")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Structure_DuplicateCodeAndAdoptedPlan_AreRefusedInKorean()
    {
        var client = await factory.ClientForAsync(Roles.Admin);
        var seed = await factory.WithDbAsync(db => db.Plans.Where(p => p.District == "성북구").Select(p => p.Id).SingleAsync());

        using var adopted = await client.PostFormAsync($"/plans/{seed}/structure", $"/plans/{seed}/structure/tasks", new() { ["Task.Number"] = "9", ["Task.Name"] = "새 과제" });

        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        Assert.Contains("작성중인 계획에서만", (await adopted.DocumentAsync()).QuerySelector("#Task_Number-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal(4, await factory.WithDbAsync(db => db.Tasks.CountAsync(t => t.PlanId == seed)));
    }
}
