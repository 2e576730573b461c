using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.IntegrationTests.Evaluations;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Data.Seed;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Features.Reports;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Benchmarks;

/// <summary>
/// Printed reports (issue 7): each report of the seeded plan as PDF, cold (the first PDF of a
/// new app process: the browser starts) and warm, beside Chromium printing the same HTML
/// alone (ReportPrinter.PrintAsync on the already rendered view), so that what the portal adds
/// (query, Razor, HTTP) shows as a ratio; and each Excel export.
/// </summary>
public static partial class ReportsBenchmark
{
    private const int WarmRuns = 10;
    private const int WorkbookRuns = 20;
    private const int Year = 2018;

    /// <summary>A report: its name, and what to arrange in a fresh portal before printing it; returns who prints and the screen path (.pdf and .xlsx are beside it).</summary>
    private sealed record Report(string Name, double? ColdTarget, double? WarmTarget, Func<PortalFactory, int, Task<(HttpClient Client, string Path)>> Arrange);

    public static async Task RunAsync(string output)
    {
        Report[] reports =
        [
            new("기본계획", 3000, 1500, async (f, plan) => (await f.ClientForAsync(Roles.Viewer), $"/plans/{plan}/reports/book")),
            new($"기본계획 ({LargePlanSubProjects}개 세부사업, 2021~2025년)", null, null, LargePlanAsync),
            new("연차별 시행계획 (2019년)", null, null, async (f, plan) => (await f.ClientForAsync(Roles.Viewer), $"/plans/{plan}/reports/implementation/2019")),
            new("재정계획", null, null, async (f, plan) => (await f.ClientForAsync(Roles.Viewer), $"/plans/{plan}/reports/finance")),
            new("실적 및 자체평가 보고서 (2018년, 13개 세부사업 확정·채점·잠금)", null, null, ResultsAsync),
            new("외부평가 결과 (2018년, 위원 3명)", null, null, ExternalAsync),
            new("총괄평가 결과 보고서 (2017~2019년)", null, null, ComprehensiveAsync),
        ];

        var launch = await Timing.MeasureAsync("browser start", 3, _ => Timing.TimeAsync(LaunchAndCloseAsync));
        var rows = new StringBuilder();
        rows.AppendLine("| report | pages | cold PDF (ms) | warm PDF median / p95 (ms) | Chromium alone, same HTML, median (ms) | warm ÷ Chromium | Excel median / p95 (ms) | targets |");
        rows.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var report in reports)
        {
            Console.WriteLine($"Report: {report.Name}");
            await using var factory = new PortalFactory();
            var planId = await factory.SeededPlanIdAsync();
            var (client, path) = await report.Arrange(factory, planId);

            var pages = 0;
            var cold = await Timing.TimeAsync(async () => pages = PageCount(await GetAsync(client, $"{path}.pdf")));
            var warm = await Timing.MeasureAsync("warm", WarmRuns, _ => Timing.TimeAsync(() => GetAsync(client, $"{path}.pdf")));
            var html = Encoding.UTF8.GetString(await GetAsync(client, path));
            var printer = factory.Services.GetRequiredService<ReportPrinter>();
            var alone = await Timing.MeasureAsync("alone", WarmRuns, _ => Timing.TimeAsync(() => printer.PrintAsync(html, CancellationToken.None)));
            var workbook = await Timing.MeasureAsync("xlsx", WorkbookRuns, _ => Timing.TimeAsync(() => GetAsync(client, $"{path}.xlsx")));

            var targets = new List<string>();
            if (report.ColdTarget is { } coldTarget)
            {
                targets.Add($"cold < {coldTarget:0} ms: {Met(cold.TotalMilliseconds < coldTarget)}");
            }

            if (report.WarmTarget is { } warmTarget)
            {
                targets.Add($"warm < {warmTarget:0} ms (median): {Met(warm.Percentile(50) < warmTarget)}");
            }

            targets.Add($"Excel < 500 ms (median): {Met(workbook.Percentile(50) < 500)}");
            rows.AppendLine(CultureInfo.InvariantCulture, $"| {report.Name} | {pages} | {cold.TotalMilliseconds:0} | {warm.Percentile(50):0} / {warm.Percentile(95):0} | {alone.Percentile(50):0} | {warm.Percentile(50) / alone.Percentile(50):0.00} | {workbook.Percentile(50):0} / {workbook.Percentile(95):0} | {string.Join("; ", targets)} |");
        }

        rows.AppendLine();
        rows.AppendLine(CultureInfo.InvariantCulture, $"Starting the browser alone (Playwright launching Debian chromium headless, then closing it): median {launch.Percentile(50):0} ms of {launch.Milliseconds.Count} runs; a cold PDF is that plus the first Razor compile of the view and the first EF Core query of the process.");
        BenchmarkReport.WriteSection(
            output,
            "Printed reports",
            $"In-process through the real HTTP pipeline (WebApplicationFactory, a SQLite file, authorization), as the coordinator. Cold is the first PDF of a new portal process (its one headless Chromium starts then); warm is the median of the next {WarmRuns}; Chromium alone prints the report's already rendered HTML through the same printer ({WarmRuns} runs), so warm ÷ Chromium is the portal's own share. Excel: {WorkbookRuns} downloads. Each report gets a fresh portal with its data arranged first.",
            rows.ToString());
    }

    private static string Met(bool met) => met ? "met" : "**not met**";

    private static async Task<byte[]> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Timing.Ensure(response.IsSuccessStatusCode, $"{path} answered {response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static int PageCount(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();

    private static async Task LaunchAndCloseAsync()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        await browser.CloseAsync();
    }

    /// <summary>The size of the 시·군·구 plan the national load benchmark asks about (issue 16 item 10).</summary>
    private const int LargePlanSubProjects = 51;

    /// <summary>
    /// A 시·군·구 of its own with a plan of <see cref="LargePlanSubProjects"/> sub-projects over
    /// five years, made by the load benchmark's builder from the seed's sub-projects (every kind
    /// of indicator, milestones and budget lines), printed by a viewer of that government.
    /// </summary>
    private static async Task<(HttpClient, string)> LargePlanAsync(PortalFactory factory, int seededPlanId)
    {
        var seed = await PlanSeeder.ReadAsync(Path.Combine(Environment.GetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SOCIALECONOMY_WEB")!, "Data", "Seed", PlanSeeder.SeongbukFileName));
        var governmentId = await factory.AddGovernmentAsync("가상군", Domain.Organization.GovernmentLevel.Local, null, LoadBenchmark.DataSetup.DistrictDepartments);
        var planId = await factory.WithDbAsync(async db =>
        {
            var government = await db.LocalGovernments.SingleAsync(g => g.Id == governmentId);
            var departments = await db.Departments.Where(d => d.LocalGovernmentId == governmentId).ToDictionaryAsync(d => d.Name, StringComparer.Ordinal);
            var plan = PlanSeeder.Build(LoadBenchmark.DataSetup.ProvincePlan(seed.Plan, government.Name, [2021, 2022, 2023, 2024, 2025], LargePlanSubProjects), departments);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
        return (await factory.ClientInAsync(governmentId, Roles.Viewer), $"/plans/{planId}/reports/book");
    }

    private static async Task<List<string>> CodesAsync(PortalFactory factory, int year) =>
        await factory.WithDbAsync(db => db.SubProjects.Where(s => s.StartYear <= year && s.EndYear >= year).OrderBy(s => s.Code).Select(s => s.Code).ToListAsync());

    /// <summary>Every 2018 result confirmed, every sub-project scored by the T/F, the self-evaluation locked.</summary>
    private static async Task<(HttpClient, string)> ResultsAsync(PortalFactory factory, int planId)
    {
        var codes = await CodesAsync(factory, Year);
        foreach (var code in codes)
        {
            await factory.ConfirmResultsAsync(code, Year, 0.9m);
        }

        var cycleId = await factory.StartCycleAsync(Year);
        await factory.WithDbAsync(async db =>
        {
            var cycle = (await db.CycleAsync(cycleId, CancellationToken.None))!;
            var items = cycle.SelfFramework.Items;
            foreach (var sub in await db.SubProjects.Where(s => codes.Contains(s.Code)).ToListAsync())
            {
                var evaluation = db.SelfEvaluations.Add(new SelfEvaluation(cycle, sub)).Entity;
                var inputs = items.ToDictionary(i => i.Id, i => new ScoreInput(i.MaxPoints.ToString(CultureInfo.InvariantCulture), $"{sub.Code} 의견", "벤치마크"));
                Timing.Ensure(evaluation.Score(inputs, null, "benchmark", DateTime.UtcNow).Count == 0, "scores refused");
            }

            cycle.SendSelfToReview([]);
            cycle.LockSelf("벤치마크 검토", DateTime.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });
        return (await factory.ClientForAsync(Roles.Coordinator), $"/plans/{planId}/reports/results/{Year}");
    }

    /// <summary>Three members score and submit; the coordinator closes the committee.</summary>
    private static async Task<(HttpClient, string)> ExternalAsync(PortalFactory factory, int planId)
    {
        var cycleId = await factory.StartCycleAsync(Year);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var items = await factory.ItemIdsAsync(cycleId, FrameworkKind.External);
        string[][] sheets = [["9", "12", "13", "3", "8", "12", "11", "17"], ["8", "12", "12", "0", "8", "12", "12", "16"], ["10", "11", "13", "2", "7", "13", "12", "18"]];
        for (var i = 0; i < sheets.Length; i++)
        {
            var (member, _) = await factory.SeatMemberAsync(cycleId, $"위원{i + 1}");
            var sheet = EvaluationsHttp.Scores(items, sheets[i]);
            sheet[$"Scores[{items[0]}].Comment"] = "성과지표 관리가 충실함";
            sheet["Submit"] = "true";
            using var _ = await member.PostPageFormAsync($"/evaluations/{cycleId}/score", "/score", sheet);
        }

        using (await coordinator.PostPageFormAsync($"/evaluations/{cycleId}/committee", "/committee/close", []))
        {
        }

        return (coordinator, $"/evaluations/{cycleId}/external/report");
    }

    /// <summary>총괄평가 after 2019: every sub-project judged, directions written, finalised.</summary>
    private static async Task<(HttpClient, string)> ComprehensiveAsync(PortalFactory factory, int planId)
    {
        foreach (var year in new[] { 2017, 2018, 2019 })
        {
            foreach (var code in await CodesAsync(factory, year))
            {
                await factory.ConfirmResultsAsync(code, year, 0.8m);
            }
        }

        var url = $"/evaluations/comprehensive/{planId}";
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        using (await coordinator.PostPageFormAsync(url, $"/comprehensive/{planId}", new() { ["afterYear"] = "2019" }))
        {
        }

        foreach (var code in await CodesAsync(factory, 2019))
        {
            using var _ = await coordinator.PostPageFormAsync(url, $"/verdicts/{code}", new() { ["Verdict.Recommendation"] = "Keep", ["Verdict.Reason"] = $"{code} 계속 추진" });
        }

        using (await coordinator.PostPageFormAsync(url, "/directions", new() { ["directions"] = "지역순환경제로" }))
        {
        }

        using (await coordinator.PostPageFormAsync(url, "/finalise", []))
        {
        }

        return (coordinator, $"{url}/report");
    }
}
