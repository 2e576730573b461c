using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanEditing;

/// <summary>작성중 → 확정 → 종료; a closed plan refuses changes.</summary>
public class PlanStatusTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ClosePlan_ThenEditingIsRefused()
    {
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);

        using var adoptAgain = await client.PostFormAsync($"/plans/{planId}", $"/plans/{planId}/adopt", []);
        Assert.Equal(PlanStatus.Adopted, await factory.WithDbAsync(db => db.Plans.Select(p => p.Status).SingleAsync()));

        using var closed = await client.PostFormAsync($"/plans/{planId}", $"/plans/{planId}/close", []);
        Assert.True(closed.IsRedirectTo($"/plans/{planId}"));
        Assert.Equal(PlanStatus.Closed, await factory.WithDbAsync(db => db.Plans.Select(p => p.Status).SingleAsync()));

        var indicator = await factory.WithDbAsync(db => db.Indicators.Where(i => i.Name == "발굴단 구성").Select(i => i.Id).SingleAsync());
        using var edit = await client.PostFormAsync($"/plans/{planId}/subprojects/1-1/tables", $"/plans/{planId}/subprojects/1-1/tables", new()
        {
            [$"Cells[t{indicator}y2018]"] = "10",
            ["Reason"] = "종료 후 변경 시도",
            ["Version"] = (await factory.WithDbAsync(db => db.SubProjects.Where(s => s.Code == "1-1").Select(s => s.Version).SingleAsync())).ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("종료된 계획은 변경할 수 없습니다", (await edit.DocumentAsync()).QuerySelector(".portal-error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Equal(4m, await factory.WithDbAsync(db => db.Set<IndicatorTarget>().Where(t => t.IndicatorId == indicator && t.Year == 2018).Select(t => t.Number).SingleAsync()));
    }

    [Fact]
    public async Task StatusChange_ByAViewer_IsDenied()
    {
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var client = await factory.ClientForAsync(Roles.Viewer);

        using var response = await client.PostFormAsync("/plans", $"/plans/{planId}/close", []);

        Assert.Contains("/account/denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
