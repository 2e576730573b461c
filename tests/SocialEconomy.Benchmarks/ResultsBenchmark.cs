using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Security;
using L = SocialEconomy.Web.Features.ResultsWorkbook.ResultsWorkbookLayout;

namespace SocialEconomy.Benchmarks;

/// <summary>
/// Yearly results (issue 5): saving one sub-project's year page, and importing one
/// department's workbook, for the seeded plan on SQLite, through the whole HTTP pipeline.
/// </summary>
public static class ResultsBenchmark
{
    public static async Task RunAsync(string output)
    {
        await using var factory = new PortalFactory();
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2018);
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var own = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == PortalFactory.OwnDepartment).Select(d => d.Id).SingleAsync());
        var url = $"/results/{planId}/2018/1-1";

        // Warm-up: the first request compiles views and EF Core queries.
        using (await officer.PostResultAsync(url, _ => new() { ["Achievements"] = "준비" }))
        {
        }

        var save = await Timing.MeasureAsync("save one sub-project's year (1-1: 4 indicators, 2 budget lines, narratives), POST → 302", 50, async run =>
        {
            var page = await officer.GetDocumentAsync(url);
            var fields = page.FormFields("#result-form");
            fields[page.FieldOf("Actual", "발굴단 구성")] = (run + 1).ToString(CultureInfo.InvariantCulture);
            fields["Achievements"] = $"추진실적 {run}";
            fields["Intent"] = "save";
            using var content = new FormUrlEncodedContent(fields);
            return await Timing.TimeAsync(async () =>
            {
                using var response = await officer.PostAsync(new Uri(url, UriKind.Relative), content);
                Timing.Ensure(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"save answered {response.StatusCode}");
            });
        });

        var workbook = await officer.DownloadResultsAsync(planId, 2018, own);
        var rows = 0;
        using (var read = new XLWorkbook(new MemoryStream(workbook)))
        {
            rows = L.DataSheets.Sum(s => read.Worksheet(s).RowsUsed().Count() - 1);
        }

        var import = await Timing.MeasureAsync($"import the 마을사회적경제과 workbook ({rows} rows on 4 sheets, every narrative changed), upload → page", 20, async run =>
        {
            var changed = ResultsWorkbookHttp.Change(workbook, w =>
            {
                var sheet = w.Worksheet(L.NarrativeSheet);
                var column = sheet.ColumnOf(L.Achievements);
                foreach (var row in sheet.RowsUsed().Skip(1))
                {
                    row.Cell(column).SetValue($"엑셀 추진실적 {run}");
                }
            });
            return await Timing.TimeAsync(async () =>
            {
                var (response, problems) = await officer.UploadResultsAsync(planId, 2018, own, changed);
                Timing.Ensure(problems.Count == 0, string.Join('\n', problems));
                response.Dispose();
            });
        });

        var download = await Timing.MeasureAsync("download the 마을사회적경제과 workbook", 20, _ => Timing.TimeAsync(() => officer.DownloadResultsAsync(planId, 2018, own)));

        BenchmarkReport.Write(
            output,
            "Yearly results",
            "In-process through the real HTTP pipeline (WebApplicationFactory, antiforgery, authorization, EF Core on a SQLite file in WAL mode, audit rows in the same transaction). Times are server-side round trips of one request; the page fetch that prepares each form is not counted.",
            [save, import, download]);
    }
}
