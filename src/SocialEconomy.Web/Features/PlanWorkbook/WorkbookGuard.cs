using System.Globalization;
using System.IO.Compression;

namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>
/// Checks an upload before any spreadsheet library sees it (ASVS v5.0.0-5.2.1–5.2.3; KISA
/// IV-1.6): the extension, the size (from Content-Length, then while copying), the zip magic
/// bytes, and the archive itself with System.IO.Compression — entry count, macros, declared
/// and actual unpacked size, compression ratio, and then (<see cref="SheetCensus"/>) each sheet's
/// unpacked size, rows and the workbook's cells. Only a file that passes is handed to ClosedXML.
/// </summary>
public static class WorkbookGuard
{
    public const string WrongExtension = "확장자가 .xlsx인 Excel 통합 문서만 올릴 수 있습니다.";
    public const string MacroWorkbook = "매크로가 포함된 통합 문서(.xlsm)는 받지 않습니다. 매크로 없이 'Excel 통합 문서(*.xlsx)'로 저장해 올리세요.";
    public const string NotXlsx = "Excel 통합 문서(.xlsx)가 아닙니다. Excel에서 'Excel 통합 문서(*.xlsx)'로 저장해 올리세요.";
    public const string LegacyOrEncrypted = "암호가 걸렸거나 예전 형식(.xls)인 파일입니다. 암호를 풀고 'Excel 통합 문서(*.xlsx)'로 저장해 올리세요.";
    public const string NoStyles = "서식 정보(xl/styles.xml)가 없는 통합 문서는 숫자와 날짜 셀을 읽을 수 없습니다. Excel에서 'Excel 통합 문서(*.xlsx)'로 다시 저장해 올리세요.";
    public const string SizeMismatch = "압축 항목의 크기 정보가 실제 내용과 다릅니다. 손상되었거나 조작된 파일입니다.";

    private const long ContentTypesMaxBytes = 1024 * 1024;

    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    // The compound-file header of .xls and of password-protected .xlsx files.
    private static readonly byte[] CompoundFileMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static string TooLarge(PlanWorkbookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"파일이 너무 큽니다. {options.MaxUploadLabel} 이하의 파일만 올릴 수 있습니다.";
    }

    public static string TooManyEntries(int count, int max) =>
        $"압축 파일의 항목이 너무 많습니다({count.ToString(CultureInfo.InvariantCulture)}개, 최대 {max.ToString(CultureInfo.InvariantCulture)}개). 올바른 통합 문서가 아닙니다.";

    public static string TooLargeUnpacked(PlanWorkbookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var megabytes = Math.Ceiling(options.MaxUncompressedBytes / (1024m * 1024m)).ToString(CultureInfo.InvariantCulture);
        return $"압축을 푼 크기가 너무 큽니다(최대 {megabytes}MB). 압축 폭탄으로 의심되어 받지 않습니다.";
    }

    public static string RatioTooHigh(string entry, long ratio) =>
        $"압축률이 비정상적으로 높은 항목이 있습니다({Shorten(entry)}, {ratio.ToString(CultureInfo.InvariantCulture)}배). 압축 폭탄으로 의심되어 받지 않습니다.";

    /// <summary>True when the file name is acceptable; otherwise the one problem to show.</summary>
    public static WorkbookProblem? CheckName(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty);
        if (string.Equals(extension, ".xlsm", StringComparison.OrdinalIgnoreCase))
        {
            return WorkbookProblem.OfFile(MacroWorkbook);
        }

        return string.Equals(extension, ".xlsx", StringComparison.OrdinalIgnoreCase) ? null : WorkbookProblem.OfFile(WrongExtension);
    }

    /// <summary>
    /// Copies the upload into memory (never more than the limit plus one byte) and inspects
    /// it. Returns the content, positioned at 0, or the problems that refuse it.
    /// </summary>
    public static async Task<(MemoryStream? Content, IReadOnlyList<WorkbookProblem> Problems)> ReadAsync(
        string? fileName, long? declaredLength, Stream upload, PlanWorkbookOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(options);
        if (CheckName(fileName) is { } nameProblem)
        {
            return (null, [nameProblem]);
        }

        if (declaredLength > options.MaxUploadBytes)
        {
            return (null, [WorkbookProblem.OfFile(TooLarge(options))]);
        }

        var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (content.Length + read > options.MaxUploadBytes)
            {
                await content.DisposeAsync();
                return (null, [WorkbookProblem.OfFile(TooLarge(options))]);
            }

            await content.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        content.Position = 0;
        var problems = Inspect(content, options);
        content.Position = 0;
        if (problems.Count > 0)
        {
            await content.DisposeAsync();
            return (null, problems);
        }

        return (content, []);
    }

    public const string Unreadable = "통합 문서를 읽을 수 없습니다. 파일이 손상되지 않았는지 확인하고 Excel에서 다시 저장해 올리세요.";

    /// <summary>
    /// An upload as an open workbook, for <paramref name="use"/>: read and inspected by
    /// <see cref="ReadAsync"/>, then opened by ClosedXML. Either refusal is handed to
    /// <paramref name="refused"/> instead; the reason is not logged (it may quote a name from
    /// inside the uploaded archive).
    /// </summary>
    public static async Task<T> OpenAsync<T>(
        string? fileName, long? length, Stream upload, PlanWorkbookOptions options, ILogger log, Func<ClosedXML.Excel.XLWorkbook, Task<T>> use, Func<IReadOnlyList<WorkbookProblem>, T> refused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(use);
        ArgumentNullException.ThrowIfNull(refused);
        var (content, refusal) = await ReadAsync(fileName, length, upload, options, cancellationToken);
        if (content is null)
        {
            log.LogInformation("Workbook refused by the upload guard ({Length} bytes declared)", length);
            return refused(refusal);
        }

        await using (content)
        {
            ClosedXML.Excel.XLWorkbook workbook;
            try
            {
                workbook = new ClosedXML.Excel.XLWorkbook(content, ClosedXML.Excel.XLEventTracking.Disabled);
            }
#pragma warning disable CA1031 // ClosedXML throws many types for a broken package; each means "cannot read it".
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                log.LogWarning("Workbook could not be opened: {ExceptionType}", ex.GetType().Name);
                return refused([WorkbookProblem.OfFile(Unreadable)]);
            }

            using (workbook)
            {
                return await use(workbook);
            }
        }
    }

    /// <summary>The archive checks alone, for content already in memory: every problem, or none.</summary>
    public static IReadOnlyList<WorkbookProblem> Inspect(Stream content, PlanWorkbookOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        Span<byte> head = stackalloc byte[8];
        var headLength = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (headLength == head.Length && head.SequenceEqual(CompoundFileMagic))
        {
            return [WorkbookProblem.OfFile(LegacyOrEncrypted)];
        }

        if (headLength < ZipMagic.Length || !head[..ZipMagic.Length].SequenceEqual(ZipMagic))
        {
            return [WorkbookProblem.OfFile(NotXlsx)];
        }

        try
        {
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return InspectArchive(archive, options) is { } problem ? [problem] : SheetCensus.Check(archive, options);
        }
        catch (InvalidDataException)
        {
            return [WorkbookProblem.OfFile(NotXlsx)];
        }
        catch (NotSupportedException)
        {
            // An unsupported compression method or a spanned archive: no workbook Excel writes.
            return [WorkbookProblem.OfFile(NotXlsx)];
        }
        catch (System.Xml.XmlException)
        {
            // A sheet, the workbook part or its relationships is no well-formed XML (or holds a DTD).
            return [WorkbookProblem.OfFile(Unreadable)];
        }
    }

    private static WorkbookProblem? InspectArchive(ZipArchive archive, PlanWorkbookOptions options)
    {
        var entries = archive.Entries;
        if (entries.Count > options.MaxEntries)
        {
            return WorkbookProblem.OfFile(TooManyEntries(entries.Count, options.MaxEntries));
        }

        if (entries.Any(e => e.FullName.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)))
        {
            return WorkbookProblem.OfFile(MacroWorkbook);
        }

        var contentTypes = entries.FirstOrDefault(e => string.Equals(e.FullName, "[Content_Types].xml", StringComparison.OrdinalIgnoreCase));
        var workbook = entries.FirstOrDefault(e => string.Equals(e.FullName, "xl/workbook.xml", StringComparison.OrdinalIgnoreCase));
        if (contentTypes is null || workbook is null)
        {
            return WorkbookProblem.OfFile(NotXlsx);
        }

        // Excel always writes a styles part. Without one ClosedXML loads number and date cells
        // as blanks (and GetDouble throws), so the values would silently be lost: refused by name.
        if (!entries.Any(e => string.Equals(e.FullName, "xl/styles.xml", StringComparison.OrdinalIgnoreCase)))
        {
            return WorkbookProblem.OfFile(NoStyles);
        }

        if (InspectPackage(archive, options) is { } packageProblem)
        {
            return packageProblem;
        }

        // Checked after InspectPackage proved the declared sizes true.
        if (contentTypes.Length > ContentTypesMaxBytes)
        {
            return WorkbookProblem.OfFile(NotXlsx);
        }

        return ContainsMacroContentType(contentTypes) ? WorkbookProblem.OfFile(MacroWorkbook) : null;
    }

    /// <summary>
    /// The checks that hold for any zip package, not only a workbook (DOCX, XLSX, HWPX evidence
    /// files too): entry count, declared and actual unpacked size, compression ratio.
    /// </summary>
    public static WorkbookProblem? InspectPackage(ZipArchive archive, PlanWorkbookOptions options)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(options);
        var entries = archive.Entries;
        if (entries.Count > options.MaxEntries)
        {
            return WorkbookProblem.OfFile(TooManyEntries(entries.Count, options.MaxEntries));
        }

        // What the central directory declares, before unpacking anything.
        if (entries.Sum(e => e.Length) > options.MaxUncompressedBytes)
        {
            return WorkbookProblem.OfFile(TooLargeUnpacked(options));
        }

        foreach (var entry in entries)
        {
            if (Ratio(entry.Length, entry.CompressedLength, options) is { } ratio)
            {
                return WorkbookProblem.OfFile(RatioTooHigh(entry.FullName, ratio));
            }
        }

        // The declared sizes may lie: unpack every entry, counting, and stop at the caps.
        long total = 0;
        var buffer = new byte[81920];
        foreach (var entry in entries)
        {
            long entryTotal = 0;
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                entryTotal += read;
                total += read;
                if (total > options.MaxUncompressedBytes)
                {
                    return WorkbookProblem.OfFile(TooLargeUnpacked(options));
                }

                if (entryTotal > entry.Length)
                {
                    return WorkbookProblem.OfFile(SizeMismatch);
                }
            }
        }

        return null;
    }

    private static long? Ratio(long length, long compressedLength, PlanWorkbookOptions options)
    {
        if (length < options.RatioCheckFromBytes)
        {
            return null;
        }

        var ratio = length / Math.Max(1, compressedLength);
        return ratio > options.MaxCompressionRatio ? ratio : null;
    }

    // A macro-enabled workbook declares itself in its content types even if the macro part is renamed.
    private static bool ContainsMacroContentType(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        var text = reader.ReadToEnd();
        return text.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
