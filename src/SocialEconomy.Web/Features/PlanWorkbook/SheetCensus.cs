using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>
/// The part of <see cref="WorkbookGuard"/> that looks inside the sheets, still before ClosedXML
/// loads anything: each worksheet part (and the shared-string table) must unpack to at most
/// MaxSheetBytes, each sheet may use at most MaxRowsPerSheet rows, and the whole workbook may
/// hold at most MaxCells cells. ClosedXML keeps every cell of every sheet as objects, so the
/// cell count is what bounds an import's memory; the sheet XML is only streamed here.
/// </summary>
public static class SheetCensus
{
    private const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static string TooLargeSheet(string sheet, PlanWorkbookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"'{sheet}'의 압축을 푼 크기가 너무 큽니다(최대 {Megabytes(options.MaxSheetBytes)}MB). 빈 행·열의 서식을 지우거나 내용을 나누어 다시 저장해 올리세요.";
    }

    public static string TooManyCells(PlanWorkbookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"통합 문서의 셀이 너무 많습니다(최대 {options.MaxCells.ToString("N0", CultureInfo.InvariantCulture)}개). 빈 행·열의 서식을 지우거나 내용을 나누어 다시 저장해 올리세요.";
    }

    public static string TooManyRows(int rows, int max) =>
        $"행이 너무 많습니다({rows.ToString("#,##0", CultureInfo.InvariantCulture)}행, 최대 {max.ToString("#,##0", CultureInfo.InvariantCulture)}행).";

    /// <summary>Every problem of the sheets' sizes; empty when ClosedXML may load the workbook.</summary>
    public static IReadOnlyList<WorkbookProblem> Check(ZipArchive archive, PlanWorkbookOptions options)
    {
        var sheets = Sheets(archive);
        var sharedStrings = archive.Entries.FirstOrDefault(e => string.Equals(e.FullName, "xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase));
        var parts = sharedStrings is null ? sheets : sheets.Append(("공유 문자열(xl/sharedStrings.xml)", sharedStrings));
        foreach (var (name, entry) in parts)
        {
            // The sizes were proven true by the guard's unpacking loop before this runs.
            if (entry.Length > options.MaxSheetBytes)
            {
                return [WorkbookProblem.OfFile(TooLargeSheet(name, options))];
            }
        }

        var problems = new List<WorkbookProblem>();
        long cells = 0;
        foreach (var (name, entry) in sheets)
        {
            var (lastRow, sheetCells) = Count(entry, options.MaxCells - cells);
            cells += sheetCells;
            if (cells > options.MaxCells)
            {
                return [WorkbookProblem.OfFile(TooManyCells(options))];
            }

            if (lastRow > options.MaxRowsPerSheet)
            {
                problems.Add(new WorkbookProblem(name, null, null, TooManyRows(lastRow, options.MaxRowsPerSheet)));
            }
        }

        return problems;
    }

    /// <summary>
    /// The worksheet parts by their sheet names, in the workbook's order (from xl/workbook.xml
    /// and its relationships), then any other part under xl/worksheets/ by its file name, so a
    /// sheet the workbook does not name is not left unchecked.
    /// </summary>
    private static List<(string Name, ZipArchiveEntry Entry)> Sheets(ZipArchive archive)
    {
        var entries = archive.Entries.GroupBy(e => e.FullName, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (entries.TryGetValue("xl/_rels/workbook.xml.rels", out var rels))
        {
            foreach (var element in Elements(rels, "Relationship"))
            {
                if (element.GetValueOrDefault("Id") is { } id && element.GetValueOrDefault("Target") is { } target)
                {
                    targets[id] = PartName(target);
                }
            }
        }

        var sheets = new List<(string Name, ZipArchiveEntry Entry)>();
        foreach (var sheet in Elements(entries["xl/workbook.xml"], "sheet"))
        {
            if (sheet.GetValueOrDefault("id") is { } id && targets.TryGetValue(id, out var part) && entries.TryGetValue(part, out var entry) && sheets.All(s => s.Entry != entry))
            {
                // Excel's names have at most 31 characters; a made-up one is cut before it is quoted.
                var name = sheet.GetValueOrDefault("name") ?? part;
                sheets.Add((name.Length <= 80 ? name : name[..80] + "…", entry));
            }
        }

        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                && !entry.FullName.Contains("/_rels/", StringComparison.OrdinalIgnoreCase)
                && sheets.All(s => s.Entry != entry))
            {
                sheets.Add((entry.FullName.Length <= 80 ? entry.FullName : entry.FullName[..80] + "…", entry));
            }
        }

        return sheets;
    }

    /// <summary>A relationship target of xl/workbook.xml as a part name: "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml".</summary>
    private static string PartName(string target)
    {
        var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>The attributes (by local name) of every element of that local name.</summary>
    private static IEnumerable<Dictionary<string, string>> Elements(ZipArchiveEntry entry, string localName)
    {
        using var reader = Reader(entry);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == localName)
            {
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                while (reader.MoveToNextAttribute())
                {
                    // A sheet's r:id is the only namespaced attribute wanted; others keep their local names.
                    if (reader.NamespaceURI is "" or RelationshipNamespace)
                    {
                        attributes[reader.LocalName] = reader.Value;
                    }
                }

                yield return attributes;
            }
        }
    }

    /// <summary>
    /// The last used row (one holding a cell) and the cell count of one sheet, streamed; stops
    /// once the cells pass <paramref name="cellsLeft"/>, when the exact figures no longer matter.
    /// </summary>
    private static (int LastRow, long Cells) Count(ZipArchiveEntry entry, long cellsLeft)
    {
        using var reader = Reader(entry);
        var lastRow = 0;
        var row = 0;
        long cells = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != SpreadsheetNamespace)
            {
                continue;
            }

            if (reader.LocalName == "row")
            {
                // Rows without r follow the one before (ECMA-376 18.3.1.73).
                row = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : row + 1;
            }
            else if (reader.LocalName == "c")
            {
                lastRow = Math.Max(lastRow, row);
                if (++cells > cellsLeft)
                {
                    break;
                }
            }
        }

        return (lastRow, cells);
    }

    // No DTDs and no external resolution: an uploaded part is never allowed to fetch anything.
    private static XmlReader Reader(ZipArchiveEntry entry) =>
        XmlReader.Create(entry.Open(), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        });

    private static string Megabytes(long bytes) => Math.Ceiling(bytes / (1024m * 1024m)).ToString(CultureInfo.InvariantCulture);
}
