using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.UnitTests.ResultAttachments;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Results;

/// <summary>A portal configured for 64 KB evidence files and 3 files per year.</summary>
public sealed class SmallAttachmentsFactory : PortalFactory
{
    public SmallAttachmentsFactory()
    {
        Settings["Attachments:MaxFileBytes"] = "65536";
        Settings["Attachments:MaxFilesPerResult"] = "3";
    }
}

public class AttachmentLimitTests(SmallAttachmentsFactory factory) : IClassFixture<SmallAttachmentsFactory>
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await client.AntiforgeryTokenAsync(url)), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return await client.PostAsync(new Uri($"{url}/attachments", UriKind.Relative), form);
    }

    private static byte[] PdfOf(int size)
    {
        var content = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(content);
        return content;
    }

    [Fact]
    public async Task OverTheConfiguredSize_Is413WithAKoreanPage_AndNothingStored()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2018);
        var url = $"/results/{planId}/2018/1-1";
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);

        using var response = await UploadAsync(officer, url, "큰 파일.pdf", PdfOf((200 * 1024) + 1));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains("64KB까지", page.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);

        // Nothing of the submission reached the server: the page must not claim the typed results were kept.
        Assert.Contains("하나도 저장되지 않았습니다", page.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("그대로 있습니다", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(url, page.QuerySelector("main a[href^='/results/']")!.GetAttribute("href"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ResultAttachments.CountAsync()));

        // Just over the file limit but inside the request allowance: refused by the file check.
        using var barely = await UploadAsync(officer, url, "조금 큰 파일.pdf", PdfOf(65537));
        Assert.True(barely.IsRedirectTo(url + "#attachments"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ResultAttachments.CountAsync()));
    }

    [Fact]
    public async Task MoreThanTheConfiguredCount_IsRefused()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2019);
        var url = $"/results/{planId}/2019/1-2";
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        for (var i = 1; i <= 4; i++)
        {
            using var response = await UploadAsync(officer, url, $"증빙{i}.pdf", SampleFiles.Pdf);
            Assert.True(response.IsRedirectTo(url + "#attachments"));
        }

        Assert.Equal(3, await factory.WithDbAsync(db => db.ResultAttachments.CountAsync(a => a.YearResult.Year == 2019)));
        Assert.Contains("3개까지", (await officer.GetDocumentAsync(url)).QuerySelector("#evidence-file-error")!.TextContent, StringComparison.Ordinal);
    }
}
