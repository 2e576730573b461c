using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data.Seed;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Data;

/// <summary>
/// Issue 16 item 9: a portal of before governments (organisation text on each department)
/// upgraded by the Governments migration keeps every row, and each row lands in the
/// government its organisation text named. The old database holds two organisations, the
/// seeded 성북구 and 정선군, each with departments, a plan, officers, and audit rows.
/// </summary>
public sealed class GovernmentsUpgradeTests : IDisposable
{
    private const string OtherOrganization = "정선군";
    private const string OtherPlanTitle = "정선군 사회적경제 기본계획";
    private const string SeongbukOfficer = "upgrade-seongbuk";
    private const string OtherOfficer = "upgrade-jeongseon";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "socialeconomy-tests", "upgrade-" + Guid.NewGuid().ToString("N"));

    public GovernmentsUpgradeTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task Governments_OnADatabaseOfBefore_KeepsEveryRowAndPlacesItInItsOrganisation()
    {
        var oldPath = await OldDatabaseWithTwoOrganisationsAsync();
        var before = await OldDatabase.RowsAsync(oldPath);

        await OldDatabase.MigrateAsync(oldPath);

        var after = await OldDatabase.RowsAsync(oldPath);
        foreach (var (table, rows) in before)
        {
            Assert.True(after.ContainsKey(table), $"{table} is gone");
            Assert.Equal(rows.Count, after[table].Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var kept = after[table][i];
                foreach (var (column, value) in rows[i].Where(c => kept.ContainsKey(c.Key)))
                {
                    Assert.True(value == kept[column], $"{table} row {i} {column}: {value} became {kept[column]}");
                }
            }
        }

        Assert.NotEmpty(before["YearResults"]);
        Assert.NotEmpty(before["AuditEntries"]);
        Assert.Empty(await OldDatabase.ForeignKeyViolationsAsync(oldPath));

        var governments = after["LocalGovernments"].ToDictionary(g => g["Id"]!, StringComparer.Ordinal);
        var seongbuk = Assert.Single(governments.Values, g => g["ShortName"] == GovernmentSeeder.ReferenceShortName);
        Assert.Equal(GovernmentSeeder.ReferenceName, seongbuk["Name"]);
        Assert.Equal(GovernmentSeeder.ReferenceCode, seongbuk["Code"]);
        var other = Assert.Single(governments.Values, g => g["ShortName"] == OtherOrganization);
        Assert.Equal(2, governments.Count);

        // What each row's organisation was before: a department's own text, a plan's owning
        // department's, an account's departments' (the reference one without any), an audit
        // row's account's (the reference one for the system's rows), frameworks the reference one.
        var organization = before["Departments"].ToDictionary(d => d["Id"]!, d => d["Organization"]!, StringComparer.Ordinal);
        var userOrganization = before["AspNetUsers"].ToDictionary(
            u => u["Id"]!,
            u => before["UserDepartments"].Where(x => x["UserId"] == u["Id"]).Select(x => organization[x["DepartmentId"]!]).Distinct().SingleOrDefault() ?? GovernmentSeeder.ReferenceShortName,
            StringComparer.Ordinal);
        string ShortNameOf(Dictionary<string, string?> row) => governments[row["LocalGovernmentId"]!]["ShortName"]!;

        Assert.All(after["Departments"], d => Assert.Equal(organization[d["Id"]!], ShortNameOf(d)));
        Assert.All(after["Plans"], p => Assert.Equal(organization[p["OwningDepartmentId"]!], ShortNameOf(p)));
        Assert.All(after["AspNetUsers"], u => Assert.Equal(userOrganization[u["Id"]!], ShortNameOf(u)));
        Assert.All(after["EvaluationFrameworks"], f => Assert.Equal(GovernmentSeeder.ReferenceShortName, ShortNameOf(f)));
        Assert.All(after["AuditEntries"], a => Assert.Equal(
            a["UserId"] is { } user && userOrganization.TryGetValue(user, out var own) ? own : GovernmentSeeder.ReferenceShortName,
            ShortNameOf(a)));
        Assert.Contains(after["AspNetUsers"], u => ShortNameOf(u) == OtherOrganization);
        Assert.Contains(after["AuditEntries"], a => a["LocalGovernmentId"] == other["Id"]);

        // The app starts on the upgraded file, and each organisation's officer signs in to
        // their own plan only.
        using var portal = new PortalFactory();
        Directory.CreateDirectory(Path.GetDirectoryName(portal.DatabasePath)!);
        await OldDatabase.CopyFileAsync(oldPath, portal.DatabasePath);
        var seongbukPlans = await (await portal.SignInAsync(SeongbukOfficer)).GetStringAsync("/plans");
        var otherClient = await portal.SignInAsync(OtherOfficer);
        var otherPlans = await otherClient.GetStringAsync("/plans");
        Assert.Contains("성북구", seongbukPlans, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherPlanTitle, seongbukPlans, StringComparison.Ordinal);
        Assert.Contains(OtherPlanTitle, otherPlans, StringComparison.Ordinal);
        var otherPlanId = await portal.WithDbAsync(db => db.Plans.Where(p => p.Title == OtherPlanTitle).Select(p => p.Id).SingleAsync());
        using var plan = await otherClient.GetAsync($"/plans/{otherPlanId}");
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean; it is under /tmp.
        }
    }

    /// <summary>
    /// The data is made by today's app (its seed, its domain methods, its UserManager), then
    /// copied into a database migrated only as far as <see cref="OldDatabase.BeforeGovernments"/>.
    /// </summary>
    private async Task<string> OldDatabaseWithTwoOrganisationsAsync()
    {
        var sourcePath = Path.Combine(_directory, "source.db");
        using (var source = new PortalFactory())
        {
            var otherId = await AddOtherOrganisationAsync(source);
            await source.CreateUserAsync(SeongbukOfficer, Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
            await source.CreateUserAsync("upgrade-coordinator", Roles.Coordinator);
            await source.CreateUserInAsync(otherId, OtherOfficer, Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
            await AddResultsAsync(source);
            await source.WithDbAsync(db => db.Database.ExecuteSqlAsync($"VACUUM INTO {sourcePath}"));
        }

        var oldPath = Path.Combine(_directory, "old.db");
        await OldDatabase.MigrateAsync(oldPath, OldDatabase.BeforeGovernments);
        await OldDatabase.CopyAsync(sourcePath, oldPath);

        // An account's own audit row: the account signed in before governments existed.
        await using var connection = new SqliteConnection($"Data Source={oldPath};Pooling=False");
        await connection.OpenAsync();
        await OldDatabase.ExecuteAsync(connection, $"""
            INSERT INTO AuditEntries (Action, EntityType, EntityId, OccurredAtUtc, UserId, UserName)
            SELECT 'SignIn', 'AppUser', Id, '2026-11-01 09:00:00', Id, UserName FROM AspNetUsers WHERE UserName IN ('{OtherOfficer}', '{SeongbukOfficer}');
            """);
        return oldPath;
    }

    private static Task<int> AddOtherOrganisationAsync(PortalFactory source) =>
        source.WithDbAsync(async db =>
        {
            var file = await PlanSeeder.ReadAsync(PlanSeeder.DefaultSeedPath);
            var government = new LocalGovernment(GovernmentLevel.Local, OtherOrganization, OtherOrganization);
            db.LocalGovernments.Add(government);
            var departments = file.Departments.Select(d => d.Name).Distinct(StringComparer.Ordinal)
                .ToDictionary(name => name, name => new Department(government, name), StringComparer.Ordinal);
            db.Departments.AddRange(departments.Values);
            db.Plans.Add(PlanSeeder.Build(file.Plan with { Title = OtherPlanTitle, District = OtherOrganization }, departments));
            await db.SaveChangesAsync();
            return government.Id;
        });

    private static Task<int> AddResultsAsync(PortalFactory source) =>
        source.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            foreach (var plan in await db.Plans.Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ToListAsync())
            {
                var period = new ResultsPeriod(plan, plan.FirstYear, new DateOnly(plan.FirstYear + 1, 1, 31), now);
                db.ResultsPeriods.Add(period);
                foreach (var sub in plan.SubProjects.Where(s => s.Period.Contains(plan.FirstYear)).Take(3))
                {
                    var result = new YearResult(sub, plan.FirstYear);
                    result.SetNarratives($"{sub.Name} 추진실적", "문제점", "개선방안");
                    result.Touch("upgrade-test", now);
                    db.YearResults.Add(result);
                }
            }

            return await db.SaveChangesAsync();
        });
}
