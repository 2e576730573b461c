using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanEditing;

/// <summary>Several plans per government, one of them current (현재 계획).</summary>
public class CurrentPlanTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task OneCurrentPlanPerGovernment_AdoptingTheFirstMakesItCurrent_MakeCurrentMovesTheMark()
    {
        // A government of its own, so the seeded plan (current for 성북구) stays out of it.
        var government = await factory.AddGovernmentAsync($"현재군{Guid.NewGuid():N}"[..10], departments: "사회적경제과");
        var client = await factory.ClientInAsync(government, Roles.Coordinator, "사회적경제과");
        var (first, second) = await factory.WithDbAsync(async db =>
        {
            var office = await db.Departments.SingleAsync(d => d.LocalGovernmentId == government);
            var a = new BasicPlan($"제1차 {Guid.NewGuid():N}", "테스트군", office, new YearRange(2030, 2033), "비전");
            var b = new BasicPlan($"제2차 {Guid.NewGuid():N}", "테스트군", office, new YearRange(2034, 2037), "비전");
            db.Plans.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        async Task<(bool First, bool Second)> CurrentAsync() =>
            (await factory.WithDbAsync(db => db.Plans.Where(p => p.Id == first).Select(p => p.IsCurrent).SingleAsync()),
             await factory.WithDbAsync(db => db.Plans.Where(p => p.Id == second).Select(p => p.IsCurrent).SingleAsync()));

        using (var draft = await client.PostFormAsync($"/plans/{second}", $"/plans/{second}/make-current", []))
        {
            Assert.True(draft.IsRedirectTo($"/plans/{second}"));
        }

        Assert.Equal((false, false), await CurrentAsync());
        Assert.Contains("확정된 계획만 현재 계획으로", (await client.GetDocumentAsync($"/plans/{second}")).QuerySelector(".portal-notice")!.Text(), StringComparison.Ordinal);

        using (await client.PostFormAsync($"/plans/{first}", $"/plans/{first}/adopt", []))
        {
            Assert.Equal((true, false), await CurrentAsync());
        }

        // Adopting the next plan leaves the running one current until the office says otherwise.
        using (await client.PostFormAsync($"/plans/{second}", $"/plans/{second}/adopt", []))
        {
            Assert.Equal((true, false), await CurrentAsync());
        }

        var page = await client.GetDocumentAsync($"/plans/{second}");
        Assert.NotNull(page.QuerySelector($"form[action='/plans/{second}/make-current']"));
        using (await client.PostFormAsync($"/plans/{second}", $"/plans/{second}/make-current", []))
        {
            Assert.Equal((false, true), await CurrentAsync());
        }

        Assert.Contains("현재 계획", (await client.GetDocumentAsync($"/plans/{second}")).QuerySelector(".portal-status")!.Text(), StringComparison.Ordinal);

        // The database refuses a second current plan for the government even if the code forgot.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => factory.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Plans SET IsCurrent = 1 WHERE Id = {first}");
            return 0;
        }));
        Assert.Contains("UNIQUE", refused.Message, StringComparison.OrdinalIgnoreCase);
    }
}
