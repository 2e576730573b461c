using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanWorkbook;

/// <summary>
/// Who may do what with plan workbooks: every signed-in user downloads; only Policies.EditPlans
/// (Admin, Coordinator) imports. A refused import is audited as a denial and saves nothing.
/// </summary>
public class PlanWorkbookPermissionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> NonEditors => new([Roles.Viewer, Roles.DepartmentOfficer, Roles.CommitteeMember]);

    public static TheoryData<string> Editors => new([Roles.Admin, Roles.Coordinator]);

    public static TheoryData<string> Everyone => new(Roles.All);

    [Theory]
    [MemberData(nameof(NonEditors))]
    public async Task PostImport_NonEditor_IsSentToDenied_AndNothingIsSaved(string role)
    {
        var client = await ClientAsync(role);
        var template = await client.DownloadAsync("/plans/workbook-template");
        var before = await factory.WithDbAsync(db => db.Plans.CountAsync());

        using var response = await client.PostImportAsync(template, "양식.xlsx", newTitle: $"권한 시험 {role}", tokenPage: "/account/change-password");

        Assert.True(response.RedirectsTo("/account/denied"), $"{role}: {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Plans.CountAsync()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.AccessDenied && e.Detail == "POST /plans/import")));
    }

    [Theory]
    [MemberData(nameof(NonEditors))]
    public async Task ImportPage_NonEditor_IsSentToDenied(string role)
    {
        using var response = await (await ClientAsync(role)).GetAsync(new Uri(WorkbookHttp.ImportUrl, UriKind.Relative));

        Assert.True(response.RedirectsTo("/account/denied"));
    }

    [Theory]
    [MemberData(nameof(Editors))]
    public async Task ImportPage_Editor_GetsAMultipartFormWithLabelledFields(string role)
    {
        var document = await (await ClientAsync(role)).GetDocumentAsync(WorkbookHttp.ImportUrl);

        var form = document.QuerySelector("main form[enctype='multipart/form-data']")!;
        Assert.Equal("/plans/import", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[type='file'][name='Workbook']"));
        Assert.NotNull(form.QuerySelector("label[for='Workbook']"));
        Assert.NotNull(form.QuerySelector("label[for='NewTitle']"));
        Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.Contains("10MB", form.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Editors))]
    public async Task PostImport_Editor_CreatesADraftPlan(string role)
    {
        var client = await ClientAsync(role);
        var template = await client.DownloadAsync("/plans/workbook-template");

        using var response = await client.PostImportAsync(template, "양식.xlsx", newTitle: $"권한 시험 {role}");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("\n", await response.ProblemsAsync()));
        Assert.Matches("^/plans/[0-9]+$", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Downloads_AnySignedInRole_GetsTheWorkbookAndTheTemplate(string role)
    {
        var client = await ClientAsync(role);
        var planId = await factory.WithDbAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

        Assert.NotEmpty(await client.DownloadAsync($"/plans/{planId}/workbook"));
        Assert.NotEmpty(await client.DownloadAsync("/plans/workbook-template"));
    }

    [Theory]
    [InlineData("GET", "/plans/1/workbook")]
    [InlineData("GET", "/plans/workbook-template")]
    [InlineData("GET", "/plans/import")]
    public async Task Anonymous_IsSentToSignIn(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        using var response = await factory.CreateClient().SendAsync(request);

        Assert.True(response.RedirectsTo("/account/signin"));
    }

    [Fact]
    public async Task PostImport_Anonymous_IsSentToSignIn()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostImportAsync([0x50, 0x4B, 0x03, 0x04], tokenPage: "/account/signin");

        Assert.True(response.RedirectsTo("/account/signin"));
    }

    private Task<HttpClient> ClientAsync(string role) =>
        factory.ClientForAsync(role, role == Roles.DepartmentOfficer ? PortalFactory.OwnDepartment : null);
}
