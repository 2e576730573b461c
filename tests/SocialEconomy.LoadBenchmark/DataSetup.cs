using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Configuration;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Data.Seed;
using SocialEconomy.Web.Security;

namespace SocialEconomy.LoadBenchmark;

/// <summary>What the pages of one data set are asked about.</summary>
public sealed record LoadTarget(int PlanId, int Year, string SubProjectCode, int Plans, int SubProjects, int YearResults, TimeSpan Preparation);

/// <summary>
/// Arranges a data set straight in the database, through the app's own services
/// (AddPortalDatabase, AddPortalSecurity: its DbContext with audit rows, its UserManager and
/// password rules), after `create-admin` has migrated and seeded it as a production start does.
/// </summary>
public static class DataSetup
{
    public const string SeededDepartment = "마을사회적경제과";

    /// <summary>The departments of each generated district; sub-projects are led by them in turn.</summary>
    public static readonly string[] DistrictDepartments = ["사회적경제과", "일자리정책과", "도시재생과"];

    /// <summary>The seeded Seongbuk-gu plan: its results of 2017 (confirmed) and 2018 (submitted), the year asked about.</summary>
    public static Task<LoadTarget> SeededAsync(Workspace workspace, IReadOnlyList<string> userNames, string password) =>
        WithServicesAsync(workspace, async services =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var db = services.GetRequiredService<AppDbContext>();
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var plan = await LoadPlanAsync(db, planId);
            var results = await FillResultsAsync(db, plan, [2017, 2018]);
            var department = await db.Departments.SingleAsync(d => d.Name == SeededDepartment);
            await CreateOfficersAsync(services, userNames, password, department);
            return new LoadTarget(planId, 2018, "1-1", await db.Plans.CountAsync(), await db.SubProjects.CountAsync(), results, watch.Elapsed);
        });

    /// <summary>
    /// A province: <paramref name="plans"/> districts, each with its own 5-year plan (2021–2025)
    /// of 6 tasks × 10 sub-projects built from the Seongbuk seed's sub-projects by the seed's
    /// own builder (the domain's methods), and 5 years of results for every sub-project.
    /// </summary>
    public static Task<LoadTarget> ProvinceAsync(Workspace workspace, IReadOnlyList<string> userNames, string password, int plans) =>
        WithServicesAsync(workspace, async services =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var seed = await PlanSeeder.ReadAsync(Path.Combine(workspace.WebDirectory, "Data", "Seed", PlanSeeder.SeongbukFileName));
            var years = Enumerable.Range(2021, 5).ToArray();
            var results = 0;
            int? askedPlan = null;
            Department? askedDepartment = null;
            for (var n = 1; n <= plans; n++)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var district = $"가상도 {n.ToString("00", CultureInfo.InvariantCulture)}시";
                var departments = new Dictionary<string, Department>(StringComparer.Ordinal);
                var government = new LocalGovernment(GovernmentLevel.Local, district, district);
                db.LocalGovernments.Add(government);
                foreach (var name in DistrictDepartments)
                {
                    departments[name] = new Department(government, name);
                    db.Departments.Add(departments[name]);
                }

                var plan = PlanSeeder.Build(ProvincePlan(seed.Plan, district, years), departments);
                db.Plans.Add(plan);
                await db.SaveChangesAsync();
                results += await FillResultsAsync(db, plan, years);
                if (n == (plans + 1) / 2)
                {
                    askedPlan = plan.Id;
                    askedDepartment = plan.SubProjects.Single(s => s.Code == "3-5").LeadDepartment;
                }

                Console.WriteLine($"  generated plan {n}/{plans}: {plan.SubProjects.Count()} sub-projects, {results} year results so far");
            }

            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var department = await db.Departments.SingleAsync(d => d.Id == askedDepartment!.Id);
                await CreateOfficersAsync(scope.ServiceProvider, userNames, password, department);
                return new LoadTarget(askedPlan!.Value, years[^1], "3-5", await db.Plans.CountAsync(), await db.SubProjects.CountAsync(), await db.YearResults.CountAsync(), watch.Elapsed);
            }
        });

    /// <summary>
    /// The Seongbuk plan reshaped to a district of the province: 2017–2020 become 2021–2024 and
    /// 2025 repeats 2024; the 13 seed sub-projects are reused in turn to fill 6 tasks of 10.
    /// </summary>
    public static SeedPlan ProvincePlan(SeedPlan seed, string district, int[] years, int subProjects = 60)
    {
        var shift = years[0] - seed.FirstYear;
        var seedSubs = seed.Tasks.SelectMany(t => t.SubProjects).ToList();
        var tasks = Enumerable.Range(1, (subProjects + 9) / 10).Select(t =>
        {
            var source = seed.Tasks[(t - 1) % seed.Tasks.Count];
            var subs = Enumerable.Range(1, Math.Min(10, subProjects - ((t - 1) * 10))).Select(s =>
            {
                var copied = seedSubs[((t - 1) * 10 + s - 1) % seedSubs.Count];
                return copied with
                {
                    Code = $"{t.ToString(CultureInfo.InvariantCulture)}-{s.ToString(CultureInfo.InvariantCulture)}",
                    LeadDepartment = DistrictDepartments[(t + s) % DistrictDepartments.Length],
                    StartYear = years[0],
                    EndYear = years[^1],
                    ActionItems = [.. copied.ActionItems.Select(a => a with
                    {
                        StartYear = null,
                        EndYear = null,
                        Indicators = a.Indicators?.Select(i => i with { Targets = Shift(i.Targets, shift, years[^1]) }).ToList(),
                        Milestones = a.Milestones?.Select(m => m with { Years = Shift(m.Years, shift, years[^1]) }).ToList(),
                        BudgetLines = a.BudgetLines?.Select(b => b with { Amounts = b.Amounts is null ? null : Shift(b.Amounts, shift, years[^1]) }).ToList(),
                    })],
                };
            }).ToList();
            return new SeedTask(t, $"{source.Name} ({t.ToString(CultureInfo.InvariantCulture)})", source.ShortName, subs);
        }).ToList();
        return seed with
        {
            Title = $"{district} 사회적경제 기본계획",
            District = district,
            OwningDepartment = "사회적경제과",
            FirstYear = years[0],
            LastYear = years[^1],
            Tasks = tasks,
        };
    }

    private static Dictionary<string, T> Shift<T>(IReadOnlyDictionary<string, T> byYear, int shift, int lastYear)
    {
        var shifted = byYear.ToDictionary(
            e => (int.Parse(e.Key, CultureInfo.InvariantCulture) + shift).ToString(CultureInfo.InvariantCulture),
            e => e.Value,
            StringComparer.Ordinal);
        var last = lastYear.ToString(CultureInfo.InvariantCulture);
        var before = (lastYear - 1).ToString(CultureInfo.InvariantCulture);
        if (!shifted.ContainsKey(last) && shifted.TryGetValue(before, out var value))
        {
            shifted[last] = value;
        }

        return shifted;
    }

    private static Task<BasicPlan> LoadPlanAsync(AppDbContext db, int planId) =>
        db.Plans
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Milestones).ThenInclude(m => m.Entries)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.BudgetLines).ThenInclude(b => b.Amounts)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == planId);

    /// <summary>
    /// Every sub-project's results of each year, as an officer would fill them: actuals near the
    /// targets, milestones done, 90 % of the budget executed, narratives. All but the last year
    /// are submitted and confirmed; the last is submitted and its period stays open.
    /// </summary>
    internal static async Task<int> FillResultsAsync(AppDbContext db, BasicPlan plan, int[] years)
    {
        var now = DateTime.UtcNow;
        var count = 0;
        foreach (var year in years)
        {
            var period = new ResultsPeriod(plan, year, new DateOnly(year + 1, 1, 31), now);
            db.ResultsPeriods.Add(period);
            foreach (var sub in plan.SubProjects.Where(s => s.Period.Contains(year)))
            {
                var result = new YearResult(sub, year);
                foreach (var item in sub.ActionItems.Where(a => a.Years.Contains(year)))
                {
                    foreach (var indicator in item.Indicators)
                    {
                        var target = indicator.TargetFor(year);
                        if (!target.IsEmpty)
                        {
                            var input = target.Number is { } number ? Math.Round(number * 0.95m, 1).ToString(CultureInfo.InvariantCulture) : "계획대로 추진";
                            result.RecordIndicator(indicator, input, target.Number is null ? Judgement.Achieved : null);
                        }
                    }

                    foreach (var milestone in item.Milestones.Where(m => m.TextFor(year) is not null))
                    {
                        result.RecordMilestone(milestone, MilestoneState.Done, null);
                    }
                }

                foreach (var line in sub.BudgetLines.Where(l => !l.IsNonBudget && l.Amounts.Any(a => a.Year == year)))
                {
                    var planned = line.Amounts.Single(a => a.Year == year).Amount;
                    result.RecordExecution(line, Math.Round(planned * 0.9m, 0).ToString(CultureInfo.InvariantCulture));
                }

                result.SetNarratives($"{year}년 {sub.Name} 추진실적: 계획한 사업을 추진함.", "참여 기업의 인력 부족", "중간지원조직과 협력 강화");
                result.Touch("load-benchmark", now);
                try
                {
                    result.Submit(period, "load-benchmark", now);
                    if (year != years[^1])
                    {
                        result.Confirm("load-benchmark", now);
                    }
                }
                catch (DomainException)
                {
                    // A seed row the simple filler cannot complete stays a draft, as some do in practice.
                }

                db.YearResults.Add(result);
                count++;
            }

            if (year != years[^1])
            {
                period.Close(now);
            }

            await db.SaveChangesAsync();
        }

        return count;
    }

    internal static async Task CreateOfficersAsync(IServiceProvider services, IReadOnlyList<string> userNames, string password, Department department)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var db = services.GetRequiredService<AppDbContext>();
        var tracked = await db.Departments.SingleAsync(d => d.Id == department.Id);
        foreach (var userName in userNames)
        {
            var user = new AppUser(userName, $"부하시험 {userName}", tracked.LocalGovernmentId);
            Check(await users.CreateAsync(user, password), userName);
            Check(await users.AddToRoleAsync(user, Roles.DepartmentOfficer), userName);
            user.SetDepartments([tracked]);
            Check(await users.UpdateAsync(user), userName);
        }
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    internal static async Task<T> WithServicesAsync<T>(Workspace workspace, Func<IServiceProvider, Task<T>> work)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = workspace.WebDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = $"Data Source={workspace.DatabasePath}",
            ["Security:KeysDirectory"] = Path.Combine(workspace.Directory, "keys"),
        });
        builder.Logging.ClearProviders();
        builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddPortalSecurity(builder.Configuration, builder.Environment);
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
