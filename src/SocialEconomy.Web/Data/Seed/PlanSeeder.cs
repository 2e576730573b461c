using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Data.Seed;

/// <summary>
/// Loads a plan seed file into the database once: a plan already there (same district,
/// first year and title) is left alone, so a restart never duplicates or overwrites it.
/// </summary>
public sealed class PlanSeeder(AppDbContext db, ILogger<PlanSeeder> log)
{
    public const string SeongbukFileName = "seongbuk-2017-2020.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static string DefaultSeedPath => Path.Combine(AppContext.BaseDirectory, "Data", "Seed", SeongbukFileName);

    public static async Task<PlanSeedFile> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<PlanSeedFile>(stream, JsonOptions, cancellationToken)
            ?? throw new InvalidDataException($"Seed file {path} is empty.");
    }

    /// <returns>True when the plan was added, false when it was already there.</returns>
    public async Task<bool> SeedAsync(PlanSeedFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var seed = file.Plan;
        var exists = await db.Plans.AnyAsync(
            p => p.District == seed.District && p.FirstYear == seed.FirstYear && p.Title == seed.Title,
            cancellationToken);
        if (exists)
        {
            log.LogDebug("Plan {Title} {FirstYear} is already seeded", seed.Title, seed.FirstYear);
            return false;
        }

        var departments = await UpsertDepartmentsAsync(file.Departments, cancellationToken);
        var plan = Build(seed, departments);
        db.Plans.Add(plan);

        // One SaveChanges is one transaction: a failure leaves no half-seeded plan.
        await db.SaveChangesAsync(cancellationToken);
        log.LogInformation(
            "Seeded plan {Title} {FirstYear}-{LastYear}: {TaskCount} tasks, {SubProjectCount} sub-projects",
            plan.Title, plan.FirstYear, plan.LastYear, plan.Tasks.Count, plan.SubProjects.Count());
        return true;
    }

    public static BasicPlan Build(SeedPlan seed, IReadOnlyDictionary<string, Department> departments)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(departments);
        var plan = new BasicPlan(seed.Title, seed.District, Find(departments, seed.OwningDepartment), new YearRange(seed.FirstYear, seed.LastYear), seed.Vision);
        plan.Describe(seed.Subtitle, seed.Slogan, seed.Purpose, seed.LegalBasis);
        plan.SetFinancialPlan(Unit.Parse(seed.BudgetUnit), seed.FinancialPlanNote);
        foreach (var goal in seed.Goals)
        {
            plan.AddGoal(goal);
        }

        foreach (var seedTask in seed.Tasks)
        {
            var task = plan.AddTask(seedTask.Number, seedTask.Name, seedTask.ShortName);
            foreach (var seedSub in seedTask.SubProjects)
            {
                AddSubProject(task, seedSub, departments);
            }
        }

        plan.Adopt();

        // The seed is the demo office's running plan: results and evaluations attach to it.
        plan.MakeCurrent([]);
        return plan;
    }

    private static void AddSubProject(StrategicTask task, SeedSubProject seed, IReadOnlyDictionary<string, Department> departments)
    {
        var subProject = task.AddSubProject(seed.Code, seed.Name, Find(departments, seed.LeadDepartment), new YearRange(seed.StartYear, seed.EndYear));
        subProject.Describe(seed.Directions, seed.Overview);
        foreach (var seedItem in seed.ActionItems)
        {
            YearRange? period = seedItem is { StartYear: { } first, EndYear: { } last } ? new YearRange(first, last) : null;
            var item = subProject.AddActionItem(seedItem.Name, period);
            item.Describe(seedItem.Summary, seedItem.Details, seedItem.TableUnit);
            foreach (var seedIndicator in seedItem.Indicators ?? [])
            {
                AddIndicator(item, seedIndicator);
            }

            foreach (var seedMilestone in seedItem.Milestones ?? [])
            {
                var milestone = item.AddMilestone(seedMilestone.Label);
                foreach (var (year, text) in seedMilestone.Years)
                {
                    milestone.SetText(ParseYear(year), text);
                }
            }

            foreach (var seedLine in seedItem.BudgetLines ?? [])
            {
                var line = subProject.AddBudgetLine(seedLine.Name, Unit.Parse(seedLine.Unit), item);
                if (seedLine.NonBudget)
                {
                    line.MarkNonBudget();
                    continue;
                }

                foreach (var (year, amount) in seedLine.Amounts ?? new Dictionary<string, decimal>())
                {
                    line.SetAmount(ParseYear(year), amount);
                }
            }
        }
    }

    private static void AddIndicator(ActionItem item, SeedIndicator seed)
    {
        var unit = Unit.Parse(seed.Unit);
        var rule = ParseEnum<TotalRule>(seed.Total);
        var indicator = item.AddIndicator(seed.Name, unit, ParseEnum<IndicatorKind>(seed.Kind), rule, seed.Group);
        foreach (var (year, cell) in seed.Targets)
        {
            indicator.SetTarget(ParseYear(year), TargetValue.Parse(cell, unit));
        }

        // The printed 계 supplies only what cannot be computed: the whole text of a given
        // total, or the note after a computed number ("77 (27억)", "57% (평균)").
        var stated = TargetValue.Parse(seed.StatedTotal, unit);
        indicator.SetTotalText(rule == TotalRule.Given ? TargetValue.Normalize(seed.StatedTotal) : stated.Number is null ? null : stated.Text);
    }

    private async Task<Dictionary<string, Department>> UpsertDepartmentsAsync(IReadOnlyList<SeedDepartment> seeds, CancellationToken cancellationToken)
    {
        var existing = await db.Departments.ToListAsync(cancellationToken);
        var governments = await db.LocalGovernments.ToListAsync(cancellationToken);
        var byName = new Dictionary<string, Department>(StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            var government = governments.FirstOrDefault(g => g.ShortName == seed.Organization || g.Name == seed.Organization)
                ?? throw new DomainException($"시드 파일의 기관 '{seed.Organization}'이(가) 없습니다.");
            var department = existing.FirstOrDefault(d => d.LocalGovernmentId == government.Id && d.Name == seed.Name);
            if (department is null)
            {
                department = new Department(government, seed.Name);
                db.Departments.Add(department);
            }

            byName[seed.Name] = department;
        }

        return byName;
    }

    private static Department Find(IReadOnlyDictionary<string, Department> departments, string name) =>
        departments.TryGetValue(name, out var department)
            ? department
            : throw new DomainException($"부서 '{name}'이(가) 시드 파일의 부서 목록에 없습니다.");

    private static int ParseYear(string year) => int.Parse(year, NumberStyles.None, CultureInfo.InvariantCulture);

    private static TEnum ParseEnum<TEnum>(string value)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed)
            ? parsed
            : throw new DomainException($"'{value}'은(는) {typeof(TEnum).Name} 값이 아닙니다.");
}
