using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.PlanWorkbook;
using SocialEconomy.Web.Features.PlanWorkbook;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Benchmarks;

/// <summary>
/// Memory of a workbook import (issue 15): the largest plan workbook the upload guard accepts
/// with the default limits — every sheet with its headers, data rows up to PlanWorkbook:MaxCells
/// cells in all (each a different text, so the shared-string table is near MaxSheetBytes too) —
/// imported through the real HTTP pipeline, once alone and twice at once (the import limit).
/// The process's working set is sampled every 5 ms; the figure is its peak above the idle
/// process (after the warm-up import and a full GC). Goal: one import under 200 MB above idle.
/// </summary>
public static class WorkbookMemoryBenchmark
{
    private const long Megabyte = 1024 * 1024;

    public static async Task RunAsync(string output)
    {
        await using var factory = new PortalFactory();
        var options = factory.Services.GetRequiredService<IOptions<PlanWorkbookOptions>>().Value;
        var client = await factory.ClientForAsync(Roles.Coordinator);
        var second = await factory.ClientForAsync(Roles.Coordinator);
        var (largest, cells, sheetBytes, stringBytes) = Largest(options);
        Timing.Ensure(largest.Length <= options.MaxUploadBytes, $"{largest.Length} bytes is over the upload limit");

        // Warm-up: views, EF Core, ClosedXML's code paths; and the refusal just past the cap, for the record.
        await ImportAsync(client, largest);
        var (overCap, _, _, _) = Largest(options, extraCells: 1);
        using (var refused = await client.PostImportAsync(overCap, "계획.xlsx", newTitle: "용량 시험"))
        {
            var problems = await refused.ProblemsAsync();
            Timing.Ensure(problems.SequenceEqual([SheetCensus.TooManyCells(options)]), "one cell more than the cap was not refused by the guard: " + string.Join('\n', problems.Take(3)));
        }

        var texts = TextHeavy(options, largest);
        Timing.Ensure(texts.Length <= options.MaxUploadBytes, $"the text-heavy workbook is {texts.Length} bytes, over the upload limit");
        var idle = Idle();
        var one = await PeakAsync(() => ImportAsync(client, largest));
        Idle();
        var two = await PeakAsync(() => Task.WhenAll(ImportAsync(client, largest), ImportAsync(second, largest)));
        Idle();
        var heavy = await PeakAsync(() => ImportAsync(client, texts));

        string Mb(long bytes) => (bytes / (double)Megabyte).ToString("0", CultureInfo.InvariantCulture);
        var body = new StringBuilder()
            .AppendLine("| import | time (s) | peak working set (MB) | above idle (MB) |")
            .AppendLine("|---|---:|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| idle process (after warm-up and a full GC) | | {Mb(idle)} | 0 |")
            .AppendLine(CultureInfo.InvariantCulture, $"| the largest accepted plan workbook, alone | {one.Elapsed.TotalSeconds:0.0} | {Mb(one.Peak)} | **{Mb(one.Peak - idle)}** |")
            .AppendLine(CultureInfo.InvariantCulture, $"| the same, two at once (the most the import limit lets run) | {two.Elapsed.TotalSeconds:0.0} | {Mb(two.Peak)} | {Mb(two.Peak - idle)} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| the most text: every sheet and the shared strings just under MaxSheetBytes (long ASCII texts, inline in the sheets), {Mb(texts.Length)} MB file | {heavy.Elapsed.TotalSeconds:0.0} | {Mb(heavy.Peak)} | **{Mb(heavy.Peak - idle)}** |")
            .ToString();
        BenchmarkReport.WriteSection(
            output,
            "Largest workbook",
            $"Memory of a plan workbook import at the guard's default limits (`PlanWorkbook:*`): five sheets with their headers and {cells:N0} cells in all (MaxCells {options.MaxCells:N0}; at most {options.MaxRowsPerSheet:N0} rows a sheet), every cell a different text, so the shared-string table unpacks to {Mb(stringBytes)} MB (MaxSheetBytes {Mb(options.MaxSheetBytes)} MB) and the largest sheet to {Mb(sheetBytes)} MB; the file is {Mb(largest.Length)} MB (MaxUploadBytes {Mb(options.MaxUploadBytes)} MB). One cell more is refused by the guard before ClosedXML loads anything (checked by the run). Imported in-process through the real HTTP pipeline (`POST /plans/import`; the reader refuses the made-up rows, after ClosedXML has loaded the whole workbook, which is what costs memory). The working set (Process.WorkingSet64) is sampled every 5 ms; \"above idle\" is the peak minus the idle process after a warm-up import and a full GC. Goal: one import under 200 MB above idle. Before the guard counted cells, a 5 MB results workbook of 57 MB sheet XML was loaded whole (564 → 917 MB; two at once 1.26 GB).",
            body);
    }

    /// <summary>
    /// The other extreme: few cells, but each sheet part and the shared-string table unpack to
    /// just under MaxSheetBytes of ASCII text (two bytes a character once loaded). The sheets of
    /// <paramref name="template"/> are replaced by sheets of inline strings; the texts repeat
    /// enough to stay under the compression-ratio cap and the upload limit.
    /// </summary>
    private static byte[] TextHeavy(PlanWorkbookOptions options, byte[] template)
    {
        var random = new Random(15);
        string Text(int length)
        {
            // Runs of one letter, so the ratio is high but under MaxCompressionRatio.
            var text = new StringBuilder(length);
            while (text.Length < length)
            {
                text.Append((char)('a' + random.Next(26)), Math.Min(length - text.Length, 40));
            }

            return text.ToString();
        }

        var budget = (int)(options.MaxSheetBytes * 0.97);
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList())
            {
                var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                for (var row = 1; xml.Length < budget - 40_000; row++)
                {
                    xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{row}\"><c r=\"A{row}\" t=\"inlineStr\"><is><t>{Text(32_000)}</t></is></c></row>");
                }

                var name = entry.FullName;
                entry.Delete();
                using var writer = new StreamWriter(archive.CreateEntry(name, System.IO.Compression.CompressionLevel.SmallestSize).Open());
                writer.Write(xml.Append("</sheetData></worksheet>"));
            }

            var strings = archive.GetEntry("xl/sharedStrings.xml")!;
            var count = 0;
            var table = new StringBuilder();
            while (table.Length < budget - 40_000)
            {
                table.Append("<si><t>").Append(Text(32_000)).Append("</t></si>");
                count++;
            }

            strings.Delete();
            using var shared = new StreamWriter(archive.CreateEntry("xl/sharedStrings.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open());
            shared.Write(string.Create(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{count}\" uniqueCount=\"{count}\">"));
            shared.Write(table);
            shared.Write("</sst>");
        }

        return stream.ToArray();
    }

    private static async Task ImportAsync(HttpClient client, byte[] workbook)
    {
        using var response = await client.PostImportAsync(workbook, "계획.xlsx", newTitle: "용량 시험");
        Timing.Ensure(response.StatusCode == HttpStatusCode.OK, $"import answered {response.StatusCode}");
        var problems = await response.ProblemsAsync();
        Timing.Ensure(problems.Count > 0 && !problems.Any(p => p.Contains("너무", StringComparison.Ordinal)), "refused by the guard: " + string.Join('\n', problems.Take(3)));
    }

    /// <summary>The working set after a full, compacting GC.</summary>
    private static long Idle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Thread.Sleep(500);
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static async Task<(long Peak, TimeSpan Elapsed)> PeakAsync(Func<Task> run)
    {
        using var process = Process.GetCurrentProcess();
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(5, CancellationToken.None);
            }
        });
        var watch = Stopwatch.StartNew();
        await run();
        watch.Stop();
        await stop.CancelAsync();
        await sampler;
        return (peak, watch.Elapsed);
    }

    /// <summary>
    /// The plan workbook's five sheets and headers, rows of distinct texts until the cell cap
    /// (plus <paramref name="extraCells"/>), spread over the sheets within the row cap.
    /// </summary>
    private static (byte[] Content, long Cells, long LargestSheetBytes, long SharedStringBytes) Largest(PlanWorkbookOptions options, int extraCells = 0)
    {
        string[][] headers =
        [
            [PlanWorkbookLayout.KeyHeader, PlanWorkbookLayout.ValueHeader],
            [.. PlanWorkbookLayout.StructureColumns],
            [.. PlanWorkbookLayout.IndicatorColumns, "2027년", "2028년", "2029년", "2030년"],
            [.. PlanWorkbookLayout.MilestoneColumns, "2027년", "2028년", "2029년", "2030년"],
            [.. PlanWorkbookLayout.BudgetColumns, "2027년", "2028년", "2029년", "2030년"],
        ];
        var total = options.MaxCells + extraCells - headers.Sum(h => h.Length);
        var budget = total;
        var capacity = headers.Sum(h => (long)h.Length * (options.MaxRowsPerSheet - 1));

        // Texts of about 20 syllables keep the shared strings of the cap under MaxSheetBytes.
        var perCellBytes = Math.Max(8, (int)((options.MaxSheetBytes * 0.9 / options.MaxCells) - 16) / 3);
        using var workbook = new XLWorkbook(XLEventTracking.Disabled);
        long cells = 0;
        var serial = 0;
        for (var s = 0; s < headers.Length; s++)
        {
            var sheet = workbook.AddWorksheet(PlanWorkbookLayout.Sheets[s]);
            for (var c = 0; c < headers[s].Length; c++)
            {
                sheet.Cell(1, c + 1).SetValue(headers[s][c]);
                cells++;
            }

            // Each sheet's share in proportion to what it can hold under the row cap.
            var quota = (long)Math.Ceiling(total * (double)headers[s].Length * (options.MaxRowsPerSheet - 1) / capacity);
            for (var r = 0; quota > 0 && budget > 0; r++)
            {
                for (var c = 0; c < headers[s].Length && quota > 0 && budget > 0; c++, budget--, quota--)
                {
                    serial++;
                    var text = serial.ToString(CultureInfo.InvariantCulture);
                    sheet.Cell(r + 2, c + 1).SetValue(text + new string('가', Math.Max(1, perCellBytes - text.Length)));
                    cells++;
                }
            }
        }

        Timing.Ensure(budget == 0, $"{budget} cells did not fit under the row cap");
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        var content = stream.ToArray();
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(content));
        var largestSheet = archive.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Max(e => e.Length);
        var strings = archive.GetEntry("xl/sharedStrings.xml")?.Length ?? 0;
        return (content, cells, largestSheet, strings);
    }
}
