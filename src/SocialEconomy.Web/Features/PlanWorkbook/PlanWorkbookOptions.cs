namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>
/// The "PlanWorkbook" section of appsettings.json: the caps an uploaded workbook must stay
/// under (docs/plan-workbook.md, "Limits"; ASVS v5.0.0-5.2.3).
/// </summary>
public sealed class PlanWorkbookOptions
{
    public const string Section = "PlanWorkbook";

    private const long Megabyte = 1024 * 1024;

    /// <summary>The largest .xlsx accepted; the request may be this plus a little form overhead.</summary>
    public long MaxUploadBytes { get; set; } = 10 * Megabyte;

    /// <summary>The most bytes the archive's entries may unpack to, all together.</summary>
    public long MaxUncompressedBytes { get; set; } = 100 * Megabyte;

    /// <summary>The most entries (files) in the archive; an Excel workbook of five sheets has about 15.</summary>
    public int MaxEntries { get; set; } = 200;

    /// <summary>The highest unpacked-to-packed ratio of one entry, checked for entries over <see cref="RatioCheckFromBytes"/>.</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Small entries (styles, relationships) can compress very well; their ratio is not a risk.</summary>
    public long RatioCheckFromBytes { get; set; } = Megabyte;

    /// <summary>The most rows a sheet may use, its header row included; counted in the sheet's XML before loading.</summary>
    public int MaxRowsPerSheet { get; set; } = 5000;

    /// <summary>The most bytes one worksheet part, or the shared-string table, may unpack to.</summary>
    public long MaxSheetBytes { get; set; } = 8 * Megabyte;

    /// <summary>
    /// The most cells (c elements) all sheets together may hold; ClosedXML keeps each one as
    /// objects, so this bounds an import's memory (docs/benchmarks.md, "Largest workbook").
    /// </summary>
    public long MaxCells { get; set; } = 200_000;

    /// <summary>How many workbook imports (plan, results) may run at once; the next is answered 503.</summary>
    public int MaxConcurrentImports { get; set; } = 2;

    /// <summary>How many problems the import page lists; the count of the rest is still shown.</summary>
    public int MaxProblemsShown { get; set; } = 1000;

    /// <summary>What the multipart form may add to the file: boundaries, the title, the antiforgery token.</summary>
    public long RequestOverheadBytes { get; set; } = 64 * 1024;

    public long MaxRequestBytes => MaxUploadBytes + RequestOverheadBytes;

    public string MaxUploadLabel => MaxUploadBytes % Megabyte == 0
        ? (MaxUploadBytes / Megabyte).ToString(System.Globalization.CultureInfo.InvariantCulture) + "MB"
        : Math.Ceiling(MaxUploadBytes / 1024m).ToString(System.Globalization.CultureInfo.InvariantCulture) + "KB";
}
