using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Features.PlanWorkbook;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanWorkbook;

/// <summary>
/// Uploads refused before ClosedXML sees them (ASVS v5.0.0-5.2.1–5.2.3; KISA IV-1.6): the size
/// (a 50 MB file is answered before it is read), zip bombs, files that are not .xlsx, macro
/// workbooks. Default limits: 10 MB upload, 100 MB unpacked, 200 entries, ratio 100.
/// </summary>
public class UploadGuardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const long Megabyte = 1024 * 1024;

    private Task<HttpClient> Coordinator() => factory.ClientForAsync(Roles.Coordinator);

    [Fact]
    public async Task FiftyMegabyteFile_IsRefusedBeforeItIsRead()
    {
        var file = new GeneratedContent(50 * Megabyte, knownLength: true);

        using var response = await (await Coordinator()).PostImportAsync(file, "큰파일.xlsx");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["파일이 너무 큽니다. 10MB 이하의 파일만 올릴 수 있습니다."], await response.ProblemsAsync());
        Assert.True(file.BytesSent < 2 * Megabyte, $"The server took {file.BytesSent:N0} bytes of a refused upload.");
    }

    [Fact]
    public async Task OversizedFileWithoutContentLength_IsStoppedAtTheLimit()
    {
        var file = new GeneratedContent(30 * Megabyte, knownLength: false);

        using var response = await (await Coordinator()).PostImportAsync(file, "큰파일.xlsx");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["파일이 너무 큽니다. 10MB 이하의 파일만 올릴 수 있습니다."], await response.ProblemsAsync());
        Assert.True(file.BytesSent < 20 * Megabyte, $"The server took {file.BytesSent:N0} bytes of a refused upload.");
    }

    [Fact]
    public async Task ZipBomb_DeclaringMoreThan100MegabytesUnpacked_IsRefused()
    {
        var bomb = Zip(MinimalParts().Append(("xl/worksheets/sheet1.xml", Zeros(101 * Megabyte))));
        Assert.True(bomb.Length < Megabyte);

        await AssertRefusedAsync(bomb, "폭탄.xlsx", "압축을 푼 크기가 너무 큽니다(최대 100MB). 압축 폭탄으로 의심되어 받지 않습니다.");
    }

    [Fact]
    public async Task ZipBomb_OneEntryCompressedAThousandFold_IsRefused()
    {
        var bomb = Zip(MinimalParts().Append(("xl/worksheets/sheet1.xml", Zeros(8 * Megabyte))));

        var problems = await PostAsync(bomb, "폭탄.xlsx");

        var problem = Assert.Single(problems);
        Assert.StartsWith("압축률이 비정상적으로 높은 항목이 있습니다(xl/worksheets/sheet1.xml, ", problem, StringComparison.Ordinal);
        Assert.EndsWith("배). 압축 폭탄으로 의심되어 받지 않습니다.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZipBomb_LyingAboutItsSize_IsNeverUnpackedPastWhatItDeclares()
    {
        // 200 MB of zeros that claim to be 1,000 bytes: the declared sizes pass, System.IO.Compression
        // stops at the declared size, and what is left is no workbook.
        var bomb = Zip(MinimalParts().Append(("xl/worksheets/sheet1.xml", Zeros(200 * Megabyte))));
        DeclareUncompressedSize(bomb, "xl/worksheets/sheet1.xml", 1000);
        var started = System.Diagnostics.Stopwatch.StartNew();

        await AssertRefusedAsync(bomb, "폭탄.xlsx", PlanWorkbookService.Unreadable);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"Took {started.Elapsed}.");
    }

    [Fact]
    public async Task ArchiveWithTooManyEntries_IsRefused()
    {
        var crowded = Zip(MinimalParts().Concat(Enumerable.Range(1, 249).Select(i => ($"xl/media/image{i}.png", new byte[] { 1 }))));

        await AssertRefusedAsync(crowded, "많음.xlsx", "압축 파일의 항목이 너무 많습니다(252개, 최대 200개). 올바른 통합 문서가 아닙니다.");
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("%PDF-1.7")]
    [InlineData("")]
    public async Task NotAZipAtAll_IsRefusedByItsMagicBytes(string content) =>
        await AssertRefusedAsync(Encoding.UTF8.GetBytes(content), "계획.xlsx", WorkbookGuard.NotXlsx);

    [Fact]
    public async Task ZipThatIsNotAWorkbook_IsRefused() =>
        await AssertRefusedAsync(Zip([("word/document.xml", "<w:document/>"u8.ToArray()), ("[Content_Types].xml", "<Types/>"u8.ToArray())]), "계획.xlsx", WorkbookGuard.NotXlsx);

    [Fact]
    public async Task LegacyOrPasswordProtectedFile_IsRefusedWithAHint() =>
        await AssertRefusedAsync([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "계획.xlsx", WorkbookGuard.LegacyOrEncrypted);

    [Fact]
    public async Task WorkbookThatClosedXmlCannotOpen_IsRefusedAsUnreadable() =>
        await AssertRefusedAsync(Zip(MinimalParts()), "계획.xlsx", PlanWorkbookService.Unreadable);

    [Fact]
    public async Task XlsmFileName_IsRefused() =>
        await AssertRefusedAsync(await TemplateAsync(), "계획.xlsm", WorkbookGuard.MacroWorkbook);

    [Fact]
    public async Task MacroPartInsideAnXlsx_IsRefused()
    {
        var workbook = await TemplateAsync();
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("xl/vbaProject.bin").Open();
            entry.Write([0xCC, 0x61, 0x00]);
        }

        await AssertRefusedAsync(stream.ToArray(), "계획.xlsx", WorkbookGuard.MacroWorkbook);
    }

    [Fact]
    public async Task MacroEnabledContentType_IsRefused()
    {
        var workbook = await TemplateAsync();
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var types = archive.GetEntry("[Content_Types].xml")!;
            string xml;
            using (var reader = new StreamReader(types.Open()))
            {
                xml = reader.ReadToEnd();
            }

            types.Delete();
            using var writer = new StreamWriter(archive.CreateEntry("[Content_Types].xml").Open());
            writer.Write(xml.Replace("spreadsheetml.sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml", StringComparison.Ordinal));
        }

        await AssertRefusedAsync(stream.ToArray(), "계획.xlsx", WorkbookGuard.MacroWorkbook);
    }

    [Theory]
    [InlineData("계획.csv")]
    [InlineData("계획.xls")]
    [InlineData("계획")]
    public async Task OtherExtensions_AreRefused(string fileName) =>
        await AssertRefusedAsync(await TemplateAsync(), fileName, WorkbookGuard.WrongExtension);

    internal static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>What the guard looks for first; not enough for ClosedXML to open.</summary>
    internal static IEnumerable<(string Name, byte[] Content)> MinimalParts() =>
    [
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"u8.ToArray()),
        ("xl/workbook.xml", "<workbook/>"u8.ToArray()),
        ("xl/styles.xml", "<styleSheet/>"u8.ToArray()),
    ];

    internal static byte[] Zeros(long length) => new byte[length];

    /// <summary>Rewrites an entry's uncompressed size in its local header and central directory record.</summary>
    private static void DeclareUncompressedSize(byte[] zip, string entry, uint size)
    {
        var name = Encoding.UTF8.GetBytes(entry);
        var patched = 0;
        for (var i = 0; i < zip.Length - 46; i++)
        {
            var local = zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 3 && zip[i + 3] == 4;
            var central = zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 1 && zip[i + 3] == 2;
            var nameAt = local ? i + 30 : i + 46;
            if ((local || central) && zip.AsSpan(nameAt).StartsWith(name))
            {
                BitConverter.GetBytes(size).CopyTo(zip, local ? i + 22 : i + 24);
                patched++;
            }
        }

        Assert.Equal(2, patched);
    }

    private async Task<byte[]> TemplateAsync() => await (await Coordinator()).DownloadAsync("/plans/workbook-template");

    private async Task<List<string>> PostAsync(byte[] content, string fileName)
    {
        var before = await factory.WithDbAsync(db => db.Plans.CountAsync());
        using var response = await (await Coordinator()).PostImportAsync(content, fileName, newTitle: "거부될 계획");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Plans.CountAsync()));
        return await response.ProblemsAsync();
    }

    private async Task AssertRefusedAsync(byte[] content, string fileName, string expected) =>
        Assert.Equal([expected], await PostAsync(content, fileName));

    /// <summary>A large upload made up on the fly, counting how much of it the server pulled.</summary>
    private sealed class GeneratedContent(long length, bool knownLength) : HttpContent
    {
        private long _sent;

        public long BytesSent => Interlocked.Read(ref _sent);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var buffer = new byte[64 * 1024];
            buffer[0] = 0x50;
            buffer[1] = 0x4B;
            buffer[2] = 0x03;
            buffer[3] = 0x04;
            var remaining = length;
            try
            {
                while (remaining > 0)
                {
                    var count = (int)Math.Min(buffer.Length, remaining);
                    await stream.WriteAsync(buffer.AsMemory(0, count));
                    Interlocked.Add(ref _sent, count);
                    remaining -= count;
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server stopped reading: what this test wants.
            }
        }

        protected override bool TryComputeLength(out long length1)
        {
            length1 = length;
            return knownLength;
        }
    }
}

/// <summary>The same guard with tighter limits from configuration (PlanWorkbook:*).</summary>
public sealed class TightLimitsFactory : PortalFactory
{
    public TightLimitsFactory()
    {
        Settings["PlanWorkbook:MaxUploadBytes"] = "1048576";
        Settings["PlanWorkbook:MaxUncompressedBytes"] = "1048576";
        Settings["PlanWorkbook:MaxEntries"] = "30";
        Settings["PlanWorkbook:MaxRowsPerSheet"] = "20";
    }
}

public class ConfiguredLimitsTests(TightLimitsFactory factory) : IClassFixture<TightLimitsFactory>
{
    private Task<HttpClient> Coordinator() => factory.ClientForAsync(Roles.Coordinator);

    [Fact]
    public async Task UploadOverTheConfiguredSize_IsRefusedWithThatSize()
    {
        var content = new byte[(1024 * 1024) + 1];
        content[0] = 0x50;

        Assert.Equal(["파일이 너무 큽니다. 1MB 이하의 파일만 올릴 수 있습니다."], await PostAsync(content));
    }

    [Fact]
    public async Task ArchiveUnpackingPastTheConfiguredSize_IsRefused()
    {
        // Text of four letters packs about 4:1, well under the ratio cap: only the total trips.
        var random = new Random(7);
        var text = Enumerable.Range(0, 2).Select(i => ($"xl/worksheets/sheet{i + 1}.xml", Enumerable.Range(0, 700 * 1024).Select(_ => (byte)"ACGT"[random.Next(4)]).ToArray()));

        Assert.Equal(["압축을 푼 크기가 너무 큽니다(최대 1MB). 압축 폭탄으로 의심되어 받지 않습니다."], await PostAsync(UploadGuardTests.Zip(UploadGuardTests.MinimalParts().Concat(text))));
    }

    [Fact]
    public async Task ArchiveWithMoreThanTheConfiguredEntries_IsRefused()
    {
        var crowded = UploadGuardTests.Zip(UploadGuardTests.MinimalParts().Concat(Enumerable.Range(1, 28).Select(i => ($"xl/media/image{i}.png", new byte[] { 1 }))));

        Assert.Equal(["압축 파일의 항목이 너무 많습니다(31개, 최대 30개). 올바른 통합 문서가 아닙니다."], await PostAsync(crowded));
    }

    [Fact]
    public async Task SheetsWithMoreRowsThanConfigured_AreEachRefused()
    {
        var client = await Coordinator();
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var export = await client.DownloadAsync($"/plans/{planId}/workbook");
        using var workbook = WorkbookHttp.Open(export);
        var expected = workbook.Worksheets
            .Where(s => s.LastRowUsed()!.RowNumber() > 20)
            .Select(s => $"{s.Name} 시트: 행이 너무 많습니다({s.LastRowUsed()!.RowNumber()}행, 최대 20행).")
            .ToList();
        Assert.Equal(3, expected.Count);

        Assert.Equal(expected, await PostAsync(export));
    }

    private async Task<List<string>> PostAsync(byte[] content)
    {
        using var response = await (await Coordinator()).PostImportAsync(content, "계획.xlsx", newTitle: "거부될 계획");
        return await response.ProblemsAsync();
    }
}
