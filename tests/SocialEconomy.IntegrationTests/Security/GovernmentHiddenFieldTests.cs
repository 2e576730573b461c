using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Security;

/// <summary>
/// Another government's ids in form fields, not in the URL: a coordinator of a neighbouring
/// 시·군·구 who types 성북구's department id into the owning or leading department of their own
/// plan is refused beside the field, and nothing is made with it.
/// </summary>
public class GovernmentHiddenFieldTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ADepartmentOfAnotherGovernment_CannotOwnOrLeadThisGovernmentsPlan()
    {
        var neighbour = await factory.AddGovernmentAsync("필드군", departments: "사회적경제과");
        var client = await factory.ClientInAsync(neighbour, Roles.Coordinator, "사회적경제과");
        var seongbukDepartment = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == PortalFactory.OwnDepartment).Select(d => d.Id).SingleAsync());
        var ownDepartment = await factory.WithDbAsync(db => db.Departments.Where(d => d.LocalGovernmentId == neighbour).Select(d => d.Id).SingleAsync());
        Dictionary<string, string> Plan(int department) => new()
        {
            ["Input.Title"] = "필드군 사회적경제 기본계획",
            ["Input.District"] = "필드군",
            ["Input.OwningDepartmentId"] = department.ToString(CultureInfo.InvariantCulture),
            ["Input.FirstYear"] = "2025",
            ["Input.LastYear"] = "2029",
            ["Input.Vision"] = "함께",
        };

        using (var refused = await client.PostFormAsync("/plans/new", "/plans/new", Plan(seongbukDepartment)))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain(PortalFactory.OwnDepartment, page, StringComparison.Ordinal);
        }

        Assert.False(await factory.WithDbAsync(db => db.Plans.AnyAsync(p => p.Title == "필드군 사회적경제 기본계획")));

        using var created = await client.PostFormAsync("/plans/new", "/plans/new", Plan(ownDepartment));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var structure = created.Headers.Location!.OriginalString;
        var planId = await factory.WithDbAsync(db => db.Plans.Where(p => p.Title == "필드군 사회적경제 기본계획").Select(p => p.Id).SingleAsync());
        using (await client.PostFormAsync(structure, $"/plans/{planId}/structure/tasks", new() { ["Task.Number"] = "1", ["Task.Name"] = "판로 확대", ["Task.ShortName"] = "판로" }))
        {
        }

        using var lead = await client.PostFormAsync(structure, $"/plans/{planId}/structure/subprojects", new()
        {
            ["SubProject.TaskNumber"] = "1",
            ["SubProject.Code"] = "1-1",
            ["SubProject.Name"] = "공공구매 확대",
            ["SubProject.LeadDepartmentId"] = seongbukDepartment.ToString(CultureInfo.InvariantCulture),
        });
        Assert.NotEqual(HttpStatusCode.Redirect, lead.StatusCode);
        Assert.Contains("등록된 부서를 고르세요", await lead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.SubProjects.AnyAsync(s => s.Task.PlanId == planId)));
    }
}
