using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Features.PlanWorkbook;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanWorkbook;

/// <summary>
/// An import creates the departments it needs, in the signer's government, after a
/// confirmation step that lists them; the kept upload is the signer's alone; the template
/// carries the signer's government and the years asked for (docs/plan-workbook.md).
/// </summary>
public class PlanWorkbookNewDepartmentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string ConfirmUrl = "/plans/import/confirm";

    [Fact]
    public async Task Import_UnknownDepartments_AreListedForConfirmation_ThenCreatedInTheSignersGovernmentWithThePlan()
    {
        var government = await factory.AddGovernmentAsync("가져오기군", departments: ["기획감사실"]);
        var client = await factory.ClientInAsync(government, Roles.Coordinator);
        using var workbook = WorkbookHttp.Open(await client.DownloadAsync("/plans/workbook-template"));
        var structure = workbook.Worksheet(PlanWorkbookLayout.StructureSheet);
        var row = structure.RowWhere(("구분", "세부사업"), ("세부사업 코드", "1-1"));
        structure.CellAt(row, "협조부서").SetValue("기획감사실, 새협력팀");

        using var first = await client.PostImportAsync(workbook.ToBytes(), "가져오기군.xlsx");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await first.DocumentAsync();
        Assert.Equal("다음 부서를 새로 만듭니다: 마을사회적경제과, 새협력팀", page.QuerySelector("#new-departments-summary")!.Text());
        Assert.Equal(["마을사회적경제과", "새협력팀"], page.QuerySelectorAll("table.portal-new-departments tbody th").Select(th => th.Text()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Plans.CountAsync(p => p.LocalGovernmentId == government)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Departments.CountAsync(d => d.LocalGovernmentId == government)));

        using var confirmed = await client.PostFormAsync(WorkbookHttp.ImportUrl, ConfirmUrl, page.FormFields("form.portal-confirm-form"));

        Assert.Matches("^/plans/[0-9]+$", confirmed.Headers.Location?.OriginalString ?? string.Join("\n", await confirmed.ProblemsAsync()));
        var id = int.Parse(confirmed.Headers.Location!.OriginalString["/plans/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var plan = await factory.WithDbAsync(db => db.Plans.Where(p => p.Id == id).Select(p => new { p.LocalGovernmentId, p.District, Owner = p.OwningDepartment.Name }).SingleAsync());
        Assert.Equal((government, "가져오기군", "마을사회적경제과"), (plan.LocalGovernmentId, plan.District, plan.Owner));
        var names = await factory.WithDbAsync(db => db.Departments.Where(d => d.LocalGovernmentId == government).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync());
        Assert.Equal(["기획감사실", "마을사회적경제과", "새협력팀"], names);

        // 성북구 has a 마을사회적경제과 of its own; it is neither used nor duplicated.
        Assert.Equal(1, await factory.WithDbAsync(db => db.Departments.CountAsync(d => d.Name == "새협력팀")));

        // The token was used once: the same confirmation again finds nothing to import.
        using var again = await client.PostFormAsync(WorkbookHttp.ImportUrl, ConfirmUrl, page.FormFields("form.portal-confirm-form"));
        Assert.Equal([PlanWorkbookController.Expired], await again.ProblemsAsync());
    }

    [Fact]
    public async Task Confirm_AnotherUsersToken_FindsNothing_AndCreatesNothing()
    {
        var government = await factory.AddGovernmentAsync("토큰군");
        var owner = await factory.ClientInAsync(government, Roles.Coordinator);
        var stranger = await factory.ClientInAsync(government, Roles.Coordinator);
        using var first = await owner.PostImportAsync(await owner.DownloadAsync("/plans/workbook-template"), "토큰군.xlsx");
        var fields = (await first.DocumentAsync()).FormFields("form.portal-confirm-form");

        using var response = await stranger.PostFormAsync(WorkbookHttp.ImportUrl, ConfirmUrl, fields);

        Assert.Equal([PlanWorkbookController.Expired], await response.ProblemsAsync());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Departments.CountAsync(d => d.LocalGovernmentId == government)));
    }

    [Theory]
    [InlineData(Roles.DepartmentOfficer)]
    [InlineData(Roles.Viewer)]
    public async Task Confirm_OfficerOrViewer_IsDenied(string role)
    {
        var client = await factory.ClientForAsync(role, role == Roles.DepartmentOfficer ? PortalFactory.OwnDepartment : null);

        using var response = await client.PostFormAsync("/account/change-password", ConfirmUrl, new() { ["Token"] = new string('A', 64) });

        Assert.True(response.RedirectsTo("/account/denied"), $"{role}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Import_WithoutLeaveToCreateDepartments_NamesEachUnknownDepartmentAtItsCell()
    {
        var government = await factory.AddGovernmentAsync("권한없음군");
        var seongbuk = await factory.WithDbAsync(db => db.LocalGovernments.SingleAsync(g => g.ShortName == "성북구"));
        var template = PlanWorkbookWriter.WriteTemplate(seongbuk, 2030, 4);
        using var rename = WorkbookHttp.Open(template);
        rename.Worksheet(PlanWorkbookLayout.InfoSheet).Cell("B5").SetValue("권한없음군");

        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<PlanWorkbookService>();
        using var stream = new MemoryStream(rename.ToBytes());
        var result = await service.ImportAsync("계획.xlsx", stream.Length, stream, new PlanImportRequest(government, null, MayCreateDepartments: false, []), CancellationToken.None);

        Assert.Null(result.PlanId);
        Assert.Contains(new WorkbookProblem(PlanWorkbookLayout.InfoSheet, 6, "B", PlanWorkbookReader.UnknownDepartment("마을사회적경제과")), result.Problems);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Departments.CountAsync(d => d.LocalGovernmentId == government)));
    }

    [Fact]
    public async Task Template_OfFiveYears_CarriesTheSignersGovernment_AndImportsAsAFiveYearPlan()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator);
        var content = await client.DownloadAsync("/plans/workbook-template?Years=5");
        using (var workbook = WorkbookHttp.Open(content))
        {
            var info = workbook.Worksheet(PlanWorkbookLayout.InfoSheet);
            Assert.Equal("성북구", info.Cell("B5").GetString());
            Assert.Equal("성북구 사회적경제 기본계획(예시)", info.Cell("B2").GetString());
            Assert.Equal(5, workbook.Worksheet(PlanWorkbookLayout.BudgetSheet).Row(1).CellsUsed().Count(c => c.GetString().EndsWith('년')));
        }

        using var response = await client.PostImportAsync(content, "양식.xlsx", newTitle: "5년 양식 시험");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("\n", await response.ProblemsAsync()));
        var id = int.Parse(response.Headers.Location!.OriginalString["/plans/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var (first, last) = await factory.WithDbAsync(db => db.Plans.Where(p => p.Id == id).Select(p => new Tuple<int, int>(p.FirstYear, p.LastYear)).SingleAsync());
        Assert.Equal(4, last - first);
        var exported = await client.DownloadAsync($"/plans/{id}/workbook");
        using var again = WorkbookHttp.Open(exported);
        Assert.Equal(5, again.Worksheet(PlanWorkbookLayout.IndicatorSheet).Row(1).CellsUsed().Count(c => c.GetString().EndsWith('년')));
    }

    [Theory]
    [InlineData("11", "계획기간은 1년에서 10년 사이의 햇수로 입력하세요.")]
    [InlineData("0", "계획기간은 1년에서 10년 사이의 햇수로 입력하세요.")]
    [InlineData("다섯", "'다섯'은(는) 계획기간(년)에 맞는 값이 아닙니다.")]
    public async Task Template_YearsOutOfRange_IsRefusedBesideTheField(string years, string message)
    {
        var client = await factory.ClientForAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri($"/plans/workbook-template?Years={Uri.EscapeDataString(years)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.Equal(message, document.QuerySelector("#Years-error")!.Text());
        Assert.Equal("Years-error", document.QuerySelector("input[name='Years']")!.GetAttribute("aria-describedby"));
    }
}
