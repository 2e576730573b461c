using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Seed;

namespace SocialEconomy.LoadBenchmark;

/// <summary>
/// Issue 16 item 10: the country. 243 governments (17 시·도 and 226 시·군·구 under them),
/// each with a 5-year plan (2021–2025) of 20 to 60 sub-projects and 5 years of results, made
/// like the province data set. The pages are asked about one 시·군·구's 51-sub-project plan by
/// its officers; one officer of each of <see cref="OtherGovernments"/> other governments signs
/// in too and reads its own plan, so that the shared copies of many governments are held at once.
/// </summary>
public static class NationalData
{
    public const int Provinces = 17;
    public const int Locals = 226;
    public const int OtherGovernments = 64;
    public const int AskedSubProjects = 51;

    /// <summary>20 to 60 sub-projects, spread over the governments; the asked one has 51.</summary>
    public static int SubProjectsOf(int n) => n == AskedNumber ? AskedSubProjects : 20 + (n * 17 % 41);

    private const int AskedNumber = Provinces + (Locals / 2);

    public static Task<(LoadTarget Target, IReadOnlyList<(string UserName, int PlanId)> Others)> CreateAsync(Workspace workspace, IReadOnlyList<string> userNames, string password) =>
        DataSetup.WithServicesAsync(workspace, async services =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var seed = await PlanSeeder.ReadAsync(Path.Combine(workspace.WebDirectory, "Data", "Seed", PlanSeeder.SeongbukFileName));
            var years = Enumerable.Range(2021, 5).ToArray();
            var provinceIds = new List<int>();
            var planOf = new Dictionary<int, (int PlanId, int DepartmentId)>();
            for (var n = 1; n <= Provinces + Locals; n++)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var province = n <= Provinces;
                var parent = province ? null : await db.LocalGovernments.SingleAsync(g => g.Id == provinceIds[(n - Provinces - 1) % Provinces]);
                var shortName = province ? $"가상{N(n)}도" : $"가상{N(n)}군";
                var government = new LocalGovernment(
                    province ? GovernmentLevel.Province : GovernmentLevel.Local,
                    parent is null ? shortName : $"{parent.ShortName} {shortName}",
                    shortName,
                    (5000000 + n).ToString(CultureInfo.InvariantCulture),
                    parent);
                db.LocalGovernments.Add(government);
                var departments = DataSetup.DistrictDepartments.ToDictionary(d => d, d => new Department(government, d), StringComparer.Ordinal);
                db.Departments.AddRange(departments.Values);
                var plan = PlanSeeder.Build(DataSetup.ProvincePlan(seed.Plan, government.Name, years, SubProjectsOf(n)), departments);
                db.Plans.Add(plan);
                await db.SaveChangesAsync();
                await DataSetup.FillResultsAsync(db, plan, years);
                if (province)
                {
                    provinceIds.Add(government.Id);
                }

                planOf[n] = (plan.Id, plan.SubProjects.Single(s => s.Code == "1-1").LeadDepartment.Id);
                if (n % 20 == 0)
                {
                    Console.WriteLine($"  generated government {n}/{Provinces + Locals}");
                }
            }

            await using var last = services.CreateAsyncScope();
            var ldb = last.ServiceProvider.GetRequiredService<AppDbContext>();
            var asked = planOf[AskedNumber];
            var askedDepartment = await ldb.SubProjects.Where(s => s.Task.PlanId == asked.PlanId && s.Code == "3-5").Select(s => s.LeadDepartment).SingleAsync();
            await DataSetup.CreateOfficersAsync(last.ServiceProvider, userNames, password, askedDepartment);

            // Other governments' officers, spread over the country (every third government).
            var others = new List<(string, int)>();
            foreach (var n in Enumerable.Range(1, Provinces + Locals).Where(n => n != AskedNumber && n % 3 == 0).Take(OtherGovernments))
            {
                var userName = $"other{N(n)}";
                var department = await ldb.Departments.SingleAsync(d => d.Id == planOf[n].DepartmentId);
                await DataSetup.CreateOfficersAsync(last.ServiceProvider, [userName], password, department);
                others.Add((userName, planOf[n].PlanId));
            }

            var target = new LoadTarget(asked.PlanId, years[^1], "3-5", await ldb.Plans.CountAsync(), await ldb.SubProjects.CountAsync(), await ldb.YearResults.CountAsync(), watch.Elapsed);
            return (target, (IReadOnlyList<(string, int)>)others);
        });

    private static string N(int n) => n.ToString("000", CultureInfo.InvariantCulture);
}
