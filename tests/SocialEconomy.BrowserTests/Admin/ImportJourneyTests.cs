using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialEconomy.BrowserTests.Infrastructure;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.BrowserTests.Admin;

public class ImportJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Coordinator_ImportsABadFileThenTheExportedPlan()
    {
        var id = await fixture.Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var page = await fixture.SignedInPageAsync(Roles.Coordinator, PortalFactory.OwnDepartment);

        // The exported workbook of the seeded plan, downloaded as a person would.
        await page.GotoAsync($"/plans/{id}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("엑셀로 내려받기").ClickAsync());
        var workbook = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(workbook);

        await page.GotoAsync("/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "엑셀에서 새 계획 가져오기" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();

        // Not a workbook at all: refused, the problem listed, the page still accessible.
        var fake = Path.Combine(Path.GetTempPath(), $"fake-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllTextAsync(fake, "이것은 엑셀 파일이 아닙니다");
        await page.Locator("input[type=file]").SetInputFilesAsync(fake);
        await page.Locator("form.portal-form button[type=submit]").ClickAsync();
        Assert.True(await page.Locator("table.portal-import-problems tbody tr").CountAsync() >= 1);
        await page.AssertNoAxeViolationsAsync();

        // The real export, under a new title, becomes a new draft plan.
        await page.Locator("input[type=file]").SetInputFilesAsync(workbook);
        await page.Locator("input[name='NewTitle']").FillAsync("성북구 사회적경제 기본계획 (가져오기 시험)");
        await page.Locator("form.portal-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/plans/import", StringComparison.Ordinal));
        Assert.Contains("작성중", await page.Locator(".portal-status").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();
        Assert.Equal(2, await fixture.Portal.WithDbAsync(db => db.Plans.CountAsync()));
    }
}
