using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.UnitTests.ResultAttachments;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Results;

/// <summary>Evidence files: type by content, names neutralised, served only to readers, size limits.</summary>
public class ResultAttachmentsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Pdf = SampleFiles.Pdf;
    private static readonly byte[] Png = SampleFiles.Png;
    private static readonly byte[] Jpeg = SampleFiles.Jpeg;
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];
    private static readonly byte[] Doc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0, (byte)'W', (byte)'o', (byte)'r', (byte)'d'];

    private static byte[] Hwp() =>
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.ASCII.GetBytes("HWP Document File"), 0, 0];

    private static byte[] Zip(params (string Name, string Content)[] entries) => SampleFiles.Zip(entries);

    private async Task<string> UrlAsync(int year)
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, year);
        return $"/results/{planId}/{year}/1-1";
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync(url)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync(new Uri($"{url}/attachments", UriKind.Relative), form);
    }

    private static async Task<string> NoticeAfterAsync(HttpClient client, HttpResponseMessage response, string url)
    {
        Assert.True(response.IsRedirectTo(url + "#attachments") || response.IsRedirectTo(url), $"{response.StatusCode} {response.Headers.Location}");
        return (await client.GetDocumentAsync(url)).QuerySelector(".portal-notice")?.TextContent ?? string.Empty;
    }

    /// <summary>The refusal shown beside the file field after the redirect; there is no success notice then.</summary>
    private static async Task<string> FileErrorAfterAsync(HttpClient client, HttpResponseMessage response, string url)
    {
        Assert.True(response.IsRedirectTo(url + "#attachments"), $"{response.StatusCode} {response.Headers.Location}");
        var page = await client.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector(".portal-notice"));
        Assert.Equal("true", page.QuerySelector("#evidence-file")!.GetAttribute("aria-invalid"));
        Assert.Contains("evidence-file-error", page.QuerySelector("#evidence-file")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        return page.QuerySelector("#evidence-file-error")?.TextContent ?? string.Empty;
    }

    [Fact]
    public async Task EveryAcceptedKind_IsStored_AndDownloadedWithItsKoreanName()
    {
        var url = await UrlAsync(2018);
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var files = new (string Name, byte[] Content, string Type)[]
        {
            ("2018 발굴단 회의록.pdf", Pdf, "application/pdf"),
            ("현장 사진.png", Png, "image/png"),
            ("현장 사진 2.JPG", Jpeg, "image/jpeg"),
            ("결과 보고.hwp", Hwp(), "application/x-hwp"),
            ("결과 보고.hwpx", Zip(("mimetype", "application/hwp+zip"), ("Contents/content.hpf", "<x/>")), "application/hwp+zip"),
            ("결과 보고.docx", Zip(("[Content_Types].xml", "<x/>"), ("word/document.xml", "<x/>")), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("집행 내역.xlsx", Zip(("[Content_Types].xml", "<x/>"), ("xl/workbook.xml", "<x/>")), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        };
        foreach (var (name, content, _) in files)
        {
            using var response = await UploadAsync(officer, url, name, content);
            Assert.Contains("올렸습니다", await NoticeAfterAsync(officer, response, url), StringComparison.Ordinal);
        }

        var stored = await factory.WithDbAsync(db => db.ResultAttachments.Where(a => a.YearResult.Year == 2018).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(files.Select(f => (f.Name, f.Type)), stored.Select(a => (a.FileName, a.ContentType)));

        using var download = await officer.GetAsync(new Uri($"/results/attachments/{stored[0].Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("2018 발굴단 회의록.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("filename*=UTF-8''2018%20", download.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // Nothing of the file is under wwwroot.
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        Assert.Empty(Directory.Exists(webRoot) ? Directory.EnumerateFiles(webRoot, "*발굴단*", SearchOption.AllDirectories) : []);

        // Who may download: the own department and the coordinator; not another department, a viewer or a member before confirmation.
        var coordinator = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        using (var allowed = await coordinator.GetAsync(new Uri($"/results/attachments/{stored[0].Id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        foreach (var client in new[] { await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OtherDepartment), await factory.ClientForAsync(Roles.Viewer), await factory.ClientForAsync(Roles.CommitteeMember) })
        {
            using var denied = await client.GetAsync(new Uri($"/results/attachments/{stored[0].Id}", UriKind.Relative));
            Assert.Contains("/account/denied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Detail == $"attachment {stored[0].Id}")));
    }

    [Theory]
    [InlineData("setup.pdf", "exe", "올릴 수 없는 형식")]
    [InlineData("문서.doc.pdf", "doc", "올릴 수 없는 형식")]
    [InlineData("사진.pdf", "png", "내용은 PNG 파일인데")]
    [InlineData("보고서.hwp", "pdf", "내용은 PDF 파일인데")]
    [InlineData("매크로.xlsx", "xlsm", "올릴 수 없는 형식")]
    [InlineData("압축.zip", "zip", "올릴 수 없는 형식")]
    [InlineData("빈 파일.pdf", "empty", "올릴 파일을 고르세요")]
    [InlineData("텍스트.pdf", "text", "올릴 수 없는 형식")]
    public async Task BadFiles_AreRefusedInKorean_AndNothingIsStored(string name, string content, string message)
    {
        var url = await UrlAsync(2019);
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var bytes = content switch
        {
            "exe" => Exe,
            "doc" => Doc,
            "png" => Png,
            "pdf" => Pdf,
            "xlsm" => Zip(("xl/workbook.xml", "<x/>"), ("xl/vbaProject.bin", "macro")),
            "zip" => Zip(("readme.txt", "hello")),
            "empty" => [],
            _ => Encoding.UTF8.GetBytes("그냥 글자입니다"),
        };
        var before = await factory.WithDbAsync(db => db.ResultAttachments.CountAsync());
        using var response = await UploadAsync(officer, url, name, bytes);
        Assert.Contains(message, await FileErrorAfterAsync(officer, response, url), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ResultAttachments.CountAsync()));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\windows\\증빙.pdf", "증빙.pdf")]
    [InlineData("보고\u202Efdp.exe.pdf", "보고fdp.exe.pdf")]
    [InlineData("줄\r\n바꿈\t.pdf", "줄바꿈.pdf")]
    [InlineData(".hidden.pdf", "hidden.pdf")]
    [InlineData("..pdf", "첨부파일.pdf")]
    public async Task Names_AreNeutralised(string uploaded, string stored)
    {
        var url = await UrlAsync(2020);
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        using var response = await UploadAsync(officer, url, uploaded, Pdf);
        Assert.Contains("올렸습니다", await NoticeAfterAsync(officer, response, url), StringComparison.Ordinal);
        Assert.Equal(stored, await factory.WithDbAsync(db => db.ResultAttachments.OrderByDescending(a => a.Id).Select(a => a.FileName).FirstAsync()));
    }

    [Fact]
    public async Task OtherDepartment_CannotUploadOrDelete_AndDeletingWorksForTheOwnDepartment()
    {
        var url = await UrlAsync(2017);
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        using (var uploaded = await UploadAsync(officer, url, "삭제용.pdf", Pdf))
        {
            Assert.Contains("올렸습니다", await NoticeAfterAsync(officer, uploaded, url), StringComparison.Ordinal);
        }

        var id = await factory.WithDbAsync(db => db.ResultAttachments.Where(a => a.FileName == "삭제용.pdf").Select(a => a.Id).SingleAsync());
        var other = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OtherDepartment);
        using (var denied = await UploadAsync(other, "/results", "남의.pdf", Pdf))
        {
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        }

        using (var form = new MultipartFormDataContent { { new StringContent(await other.AntiforgeryTokenAsync("/results")), "__RequestVerificationToken" }, { new ByteArrayContent(Pdf), "file", "남의.pdf" } })
        using (var denied = await other.PostAsync(new Uri($"{url}/attachments", UriKind.Relative), form))
        {
            Assert.Contains("/account/denied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        using (var deleteDenied = await other.PostFormAsync("/results", $"/results/attachments/{id}/delete", []))
        {
            Assert.Contains("/account/denied", deleteDenied.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        using (var deleted = await officer.PostFormAsync(url, $"/results/attachments/{id}/delete", []))
        {
            Assert.Contains("지웠습니다", await NoticeAfterAsync(officer, deleted, url), StringComparison.Ordinal);
        }

        Assert.False(await factory.WithDbAsync(db => db.ResultAttachments.AnyAsync(a => a.Id == id)));
        Assert.False(await factory.WithDbAsync(db => db.AttachmentBlobs.AnyAsync(b => b.AttachmentId == id)));
    }

    [Fact]
    public async Task SubmitWithARefusedFile_SavesTheDraftButDoesNotSubmit()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2017);
        var url = $"/results/{planId}/2017/1-1";
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var page = await officer.GetDocumentAsync(url);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in page.FormFields("#result-form").Concat(ResultsEntryTests.CompleteFor2017(page)).GroupBy(f => f.Key).Select(g => g.Last()))
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent("submit"), "Intent");
        form.Add(new ByteArrayContent(Exe), "file", "증빙.pdf");
        using var response = await officer.PostAsync(new Uri(url, UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await response.DocumentAsync();
        Assert.Contains("증빙자료를 올리지 못해 제출하지 않았습니다", shown.QuerySelector("#result-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("올릴 수 없는 형식", shown.QuerySelector("#evidence-file-error")!.TextContent, StringComparison.Ordinal);
        var result = await factory.WithDbAsync(db => db.YearResults.SingleAsync(r => r.Year == 2017 && r.SubProject.Code == "1-1"));
        Assert.Equal((Domain.Results.ResultStatus.Draft, "2017년 발굴단 3개 구성·운영"), (result.Status, result.Achievements!));
    }

    [Theory]
    [InlineData("pdf-html", "회의록.pdf", "HTML이나 스크립트가 들어 있어")]
    [InlineData("png-html", "현장 사진.png", "올바른 PNG 파일이 아니어서")]
    [InlineData("docx-1gb", "결과 보고.docx", "압축을 푼 크기가 너무 큽니다")]
    public async Task FormWithACraftedFile_IsRefusedBesideTheFileField_KeepingWhatWasTyped(string crafted, string fileName, string reason)
    {
        // Each of these was once stored: a PDF header before a web page, a PNG header before
        // one, and a DOCX that unpacks to 1 GB.
        var content = crafted switch
        {
            "pdf-html" => SampleFiles.PdfHeaderThenHtml,
            "png-html" => SampleFiles.PngHeaderThenHtml,
            _ => SampleFiles.DocxUnpackingTo(1024L * 1024 * 1024),
        };
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2018);
        var url = $"/results/{planId}/2018/1-2";
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var typed = $"{crafted}: 발굴단 2회 운영";
        var before = await factory.WithDbAsync(db => db.ResultAttachments.CountAsync());

        using var response = await officer.PostResultWithFileAsync(url, _ => new() { ["Achievements"] = typed }, "save", fileName, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.DocumentAsync();
        var error = page.QuerySelector("#evidence-file-error")?.TextContent ?? string.Empty;
        Assert.Contains(fileName, error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#evidence-file")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector(".portal-notice"));
        Assert.Contains("증빙자료는 올리지 못했습니다", page.QuerySelector("#result-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(typed, page.QuerySelector("textarea#Achievements")!.TextContent);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ResultAttachments.CountAsync()));

        // The typed values were saved as a draft, only the file was refused.
        Assert.Equal(typed, await factory.WithDbAsync(db => db.YearResults.Where(r => r.Year == 2018 && r.SubProject.Code == "1-2").Select(r => r.Achievements).SingleAsync()));
    }

    [Fact]
    public async Task SubmitWithGapsAndASoundFile_CommitsTheDraftAndTheFile_ButDoesNotSubmit()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2020);
        var url = $"/results/{planId}/2020/1-2";
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);

        using var response = await officer.PostResultWithFileAsync(url, _ => new() { ["Achievements"] = "일부만 입력" }, "submit", "현장 사진.jpg", Jpeg);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains("'현장 사진.jpg'을(를) 올렸습니다", page.QuerySelector(".portal-notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#result-errors"));
        Assert.Null(page.QuerySelector("#evidence-file-error"));
        var result = await factory.WithDbAsync(db => db.YearResults.SingleAsync(r => r.Year == 2020 && r.SubProject.Code == "1-2"));
        Assert.Equal((Domain.Results.ResultStatus.Draft, "일부만 입력"), (result.Status, result.Achievements!));
        Assert.Equal(Jpeg, await factory.WithDbAsync(db => db.AttachmentBlobs.Where(b => b.Attachment.YearResultId == result.Id).Select(b => b.Content).SingleAsync()));
    }
}
