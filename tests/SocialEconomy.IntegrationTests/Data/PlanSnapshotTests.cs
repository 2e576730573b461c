using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Data;

/// <summary>
/// The shared plan copies (<see cref="PlanSnapshots"/>) and the planning stamp that retires
/// them. Each test has its own portal because it changes the seeded plan.
/// </summary>
public class PlanSnapshotTests
{
    [Fact]
    public async Task Pages_AfterAnAmountIsSavedElsewhere_ShowTheNewTotals()
    {
        using var factory = new PortalFactory();
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        var before = await viewer.GetDocumentAsync($"/plans/{planId}/finance");
        Assert.Equal("1,784", before.QuerySelector("[data-total='2018']")!.Text());

        // Another DbContext, as another server sharing the database would save it: nothing in
        // this process tells the copy it is old, only the stamp in the database does.
        await factory.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            var line = await db.BudgetLines.Include(b => b.SubProject).Include(b => b.Amounts)
                .Where(b => b.SubProject.Task.PlanId == planId && !b.IsNonBudget && b.Unit == plan.BudgetUnit)
                .OrderBy(b => b.Id)
                .FirstAsync(b => b.Amounts.Any(a => a.Year == 2018));
            line.SetAmount(2018, line.AmountFor(2018, line.Unit) + 100m);
            return await db.SaveChangesAsync();
        });

        var finance = await viewer.GetDocumentAsync($"/plans/{planId}/finance");
        Assert.Equal("1,884", finance.QuerySelector("[data-total='2018']")!.Text());
        Assert.Equal("7,262", finance.QuerySelector("[data-total='grand']")!.Text());
        var overview = await viewer.GetDocumentAsync($"/plans/{planId}");
        Assert.Contains("1,645 1,884 1,739 1,994 7,262", overview.QuerySelector("main tfoot tr")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_IsSharedUntilThePlanModelChanges()
    {
        using var factory = new PortalFactory();
        var snapshots = factory.Services.GetRequiredService<PlanSnapshots>();
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());

        var first = await factory.WithDbAsync(db => snapshots.PlanAsync(db, planId, CancellationToken.None));
        var second = await factory.WithDbAsync(db => snapshots.PlanAsync(db, planId, CancellationToken.None));
        Assert.Same(first, second);

        await factory.WithDbAsync(async db =>
        {
            db.Departments.Add(new Department(await db.LocalGovernments.SingleAsync(g => g.ShortName == "성북구"), "새로운과"));
            return await db.SaveChangesAsync();
        });

        var third = await factory.WithDbAsync(db => snapshots.PlanAsync(db, planId, CancellationToken.None));
        Assert.NotSame(first, third);
        Assert.Equal(first!.SubProjects.Count(), third!.SubProjects.Count());
    }

    [Fact]
    public async Task ManyRequestsAtOnce_AfterAChange_LoadThePlanOnce()
    {
        using var factory = new PortalFactory();
        var snapshots = factory.Services.GetRequiredService<PlanSnapshots>();
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var loadsBefore = snapshots.Loads;

        // Twenty requests, each with its own DbContext, want the copy no one has loaded yet.
        var plans = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            factory.WithDbAsync(db => snapshots.PlanAsync(db, planId, CancellationToken.None)))));

        Assert.Equal(loadsBefore + 1, snapshots.Loads);
        Assert.All(plans, plan => Assert.Same(plans[0], plan));
    }

    [Fact]
    public async Task YearResults_AreSharedUntilAResultIsSaved()
    {
        using var factory = new PortalFactory();
        var snapshots = factory.Services.GetRequiredService<PlanSnapshots>();
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());

        var first = await factory.WithDbAsync(db => snapshots.YearResultsAsync(db, planId, 2018, CancellationToken.None));
        Assert.Same(first, await factory.WithDbAsync(db => snapshots.YearResultsAsync(db, planId, 2018, CancellationToken.None)));
        Assert.Empty(first);

        var subProjectId = await factory.WithDbAsync(async db =>
        {
            var subProject = await db.SubProjects.Where(s => s.Task.PlanId == planId).OrderBy(s => s.Id).FirstAsync();
            db.YearResults.Add(new YearResult(subProject, 2018));
            await db.SaveChangesAsync();
            return subProject.Id;
        });

        var second = await factory.WithDbAsync(db => snapshots.YearResultsAsync(db, planId, 2018, CancellationToken.None));
        Assert.Equal([subProjectId], second.Keys);
        Assert.Empty(await factory.WithDbAsync(db => snapshots.YearResultsAsync(db, planId, 2019, CancellationToken.None)));
    }

    [Fact]
    public async Task Stamps_ChangeWithTheirOwnKindOfSave_AndRollBackWithIt()
    {
        using var factory = new PortalFactory();
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        Task<Guid> StampAsync(string name = ChangeStamp.Planning) => factory.WithDbAsync(db => db.ChangeStamps.Where(s => s.Name == name).Select(s => s.Token).SingleAsync());
        var initial = await StampAsync();
        var initialResults = await StampAsync(ChangeStamp.Results);

        // A year's results are not the plan model: saving them keeps the plan copies and
        // retires the results copies.
        await factory.WithDbAsync(async db =>
        {
            var subProject = await db.SubProjects.Where(s => s.Task.PlanId == planId).OrderBy(s => s.Id).FirstAsync();
            db.YearResults.Add(new YearResult(subProject, 2018));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(initial, await StampAsync());
        Assert.NotEqual(initialResults, await StampAsync(ChangeStamp.Results));

        // A plan change that is rolled back leaves the stamp as it was: both are one transaction.
        await factory.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var line = await db.BudgetLines.Include(b => b.SubProject).Include(b => b.Amounts).Where(b => b.SubProject.Task.PlanId == planId && !b.IsNonBudget).OrderBy(b => b.Id).FirstAsync(b => b.Amounts.Any(a => a.Year == 2018));
            line.SetAmount(2018, 1m);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });
        Assert.Equal(initial, await StampAsync());

        await factory.WithDbAsync(async db =>
        {
            db.Departments.Add(new Department(await db.LocalGovernments.SingleAsync(g => g.ShortName == "성북구"), "또다른과"));
            return await db.SaveChangesAsync();
        });
        Assert.NotEqual(initial, await StampAsync());
    }
}
