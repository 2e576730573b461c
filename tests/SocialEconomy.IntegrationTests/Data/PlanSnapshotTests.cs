using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Auditing;
using SocialEconomy.Web.Data.Seed;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Data;

/// <summary>
/// The shared plan copies (<see cref="PlanSnapshots"/>) and the stamps that retire them:
/// each government's, and the global one of the system's saves. Each test has its own portal
/// because it changes the seeded plan.
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
    [Fact]
    public async Task SaveInOneGovernment_RetiresItsCopiesOnly()
    {
        using var factory = new PortalFactory();
        var snapshots = factory.Services.GetRequiredService<PlanSnapshots>();
        var (seongbuk, seongbukPlan) = await factory.WithDbAsync(db => db.Plans.Select(p => new Tuple<int, int>(p.LocalGovernmentId, p.Id)).SingleAsync());
        var (other, otherPlan) = await AddGovernmentWithPlanAsync(factory);

        var seongbukFirst = await AsOfficerAsync(factory, seongbuk, db => snapshots.PlanAsync(db, seongbukPlan, CancellationToken.None));
        var otherFirst = await AsOfficerAsync(factory, other, db => snapshots.PlanAsync(db, otherPlan, CancellationToken.None));
        var otherResults = await AsOfficerAsync(factory, other, db => snapshots.YearResultsAsync(db, otherPlan, 2018, CancellationToken.None));
        var loads = snapshots.Loads;

        // An officer of 성북구 saves a budget amount and a year's result of their own plan.
        await AsOfficerAsync(factory, seongbuk, async db =>
        {
            var line = await db.BudgetLines.Include(b => b.SubProject).Include(b => b.Amounts).Where(b => b.SubProject.Task.PlanId == seongbukPlan && !b.IsNonBudget).OrderBy(b => b.Id).FirstAsync(b => b.Amounts.Any(a => a.Year == 2018));
            line.SetAmount(2018, line.AmountFor(2018, line.Unit) + 1m);
            db.YearResults.Add(new YearResult(await db.SubProjects.Where(s => s.Task.PlanId == seongbukPlan).OrderBy(s => s.Id).FirstAsync(), 2018));
            return await db.SaveChangesAsync();
        });

        Assert.Same(otherFirst, await AsOfficerAsync(factory, other, db => snapshots.PlanAsync(db, otherPlan, CancellationToken.None)));
        Assert.Same(otherResults, await AsOfficerAsync(factory, other, db => snapshots.YearResultsAsync(db, otherPlan, 2018, CancellationToken.None)));
        Assert.NotSame(seongbukFirst, await AsOfficerAsync(factory, seongbuk, db => snapshots.PlanAsync(db, seongbukPlan, CancellationToken.None)));
        Assert.Equal(loads + 1, snapshots.Loads);
        Assert.True(await factory.WithDbAsync(db => db.ChangeStamps.AnyAsync(s => s.Name == ChangeStamp.Of(ChangeStamp.Results, seongbuk))));
        Assert.False(await factory.WithDbAsync(db => db.ChangeStamps.AnyAsync(s => s.Name == ChangeStamp.Of(ChangeStamp.Planning, other))));
    }

    [Fact]
    public async Task RenamingAGovernment_RetiresItsCopies_WhoeverRenamesIt()
    {
        using var factory = new PortalFactory();
        var snapshots = factory.Services.GetRequiredService<PlanSnapshots>();
        var (seongbuk, seongbukPlan) = await factory.WithDbAsync(db => db.Plans.Select(p => new Tuple<int, int>(p.LocalGovernmentId, p.Id)).SingleAsync());
        var (other, otherPlan) = await AddGovernmentWithPlanAsync(factory);
        var seongbukFirst = await AsOfficerAsync(factory, seongbuk, db => snapshots.PlanAsync(db, seongbukPlan, CancellationToken.None));
        var otherFirst = await AsOfficerAsync(factory, other, db => snapshots.PlanAsync(db, otherPlan, CancellationToken.None));

        // The 시스템관리자 (an account of 성북구) renames the other government.
        await AsOfficerAsync(factory, seongbuk, async db =>
        {
            var government = await db.LocalGovernments.SingleAsync(g => g.Id == other);
            government.Rename(government.Name, "새이름군", government.Code);
            return await db.SaveChangesAsync();
        });

        Assert.Same(seongbukFirst, await AsOfficerAsync(factory, seongbuk, db => snapshots.PlanAsync(db, seongbukPlan, CancellationToken.None)));
        var otherNow = await AsOfficerAsync(factory, other, db => snapshots.PlanAsync(db, otherPlan, CancellationToken.None));
        Assert.NotSame(otherFirst, otherNow);
        Assert.StartsWith("새이름군 ", otherNow!.OwningDepartment.DisplayName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemSave_RetiresEveryGovernmentsCopies()
    {
        using var factory = new PortalFactory();
        var snapshots = factory.Services.GetRequiredService<PlanSnapshots>();
        var (seongbuk, seongbukPlan) = await factory.WithDbAsync(db => db.Plans.Select(p => new Tuple<int, int>(p.LocalGovernmentId, p.Id)).SingleAsync());
        var (other, otherPlan) = await AddGovernmentWithPlanAsync(factory);
        var seongbukFirst = await AsOfficerAsync(factory, seongbuk, db => snapshots.PlanAsync(db, seongbukPlan, CancellationToken.None));
        var otherFirst = await AsOfficerAsync(factory, other, db => snapshots.PlanAsync(db, otherPlan, CancellationToken.None));

        // Seeding or set-up: no request, so no government to narrow the change to.
        await factory.WithDbAsync(async db =>
        {
            db.Departments.Add(new Department(await db.LocalGovernments.SingleAsync(g => g.Id == seongbuk), "시스템이만든과"));
            return await db.SaveChangesAsync();
        });

        Assert.NotSame(seongbukFirst, await AsOfficerAsync(factory, seongbuk, db => snapshots.PlanAsync(db, seongbukPlan, CancellationToken.None)));
        Assert.NotSame(otherFirst, await AsOfficerAsync(factory, other, db => snapshots.PlanAsync(db, otherPlan, CancellationToken.None)));
    }

    /// <summary>A context as a request of an officer of that government builds it: scoped by its filters, saving as that officer.</summary>
    private static async Task<T> AsOfficerAsync<T>(PortalFactory factory, int governmentId, Func<AppDbContext, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<SqliteAppDbContext>>();
        await using var db = new SqliteAppDbContext(options, new OfficerActor(governmentId));
        return await action(db);
    }

    /// <summary>A second 시·군·구 with a plan of its own, built from the seed like the seeded one.</summary>
    private static Task<Tuple<int, int>> AddGovernmentWithPlanAsync(PortalFactory factory) =>
        factory.WithDbAsync(async db =>
        {
            var file = await PlanSeeder.ReadAsync(PlanSeeder.DefaultSeedPath);
            var government = new LocalGovernment(GovernmentLevel.Local, "강원특별자치도 정선군", "정선군");
            var departments = file.Departments.Select(d => d.Name).Distinct(StringComparer.Ordinal)
                .ToDictionary(name => name, name => new Department(government, name), StringComparer.Ordinal);
            var plan = PlanSeeder.Build(file.Plan with { Title = "정선군 사회적경제 기본계획", District = "정선군" }, departments);
            db.LocalGovernments.Add(government);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return Tuple.Create(government.Id, plan.Id);
        });

    private sealed class OfficerActor(int governmentId) : IAuditActor
    {
        public string? UserId => null;

        public string? UserName => "snapshot-test";

        public string? IpAddress => null;

        public int? LocalGovernmentId => governmentId;

        public bool IsSystem => false;
    }
}
