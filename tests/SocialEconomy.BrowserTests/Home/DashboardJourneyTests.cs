using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialEconomy.BrowserTests.Infrastructure;
using SocialEconomy.IntegrationTests.Evaluations;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Security;

namespace SocialEconomy.BrowserTests.Home;

/// <summary>
/// The home page in a real browser for the coordinator, an officer and a committee member:
/// each sees their section, Chart.js (from wwwroot/lib, under the CSP) draws the charts,
/// the section is reached with the Tab key, axe passes, and no page logs a console error or
/// a CSP violation.
/// </summary>
public class DashboardJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EachRoleSeesItsSection_ChartsAreDrawn_AxePasses()
    {
        var portal = fixture.Portal;
        var planId = await portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        await portal.ConfirmResultsAsync("1-1", 2019, 0.5m);
        var cycleId = await portal.StartCycleAsync(2019);

        // Coordinator: status by department and two rate charts drawn by Chart.js, evaluation progress.
        // Any console error or CSP violation fails the test, axe's runs included (docs/dashboard.md).
        var coordinator = await fixture.SignedInPageAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var coordinatorProblems = await PageProblems.WatchAsync(coordinator);
        await coordinator.GotoAsync("/");
        await Assertions.Expect(coordinator.Locator("#dashboard-coordinator h2")).ToContainTextAsync("2019년 추진 현황");
        await AssertChartDrawnAsync(coordinator, "chart-departments");
        await AssertChartDrawnAsync(coordinator, "chart-tasks");
        await AssertChartDrawnAsync(coordinator, "chart-subprojects");

        // The status chart: stacked horizontal bars, a segment per status, a bar per department of the table below it.
        var shape = await coordinator.EvaluateAsync<int[]>("""
            () => {
              const chart = window.Chart.getChart(document.getElementById("chart-departments"));
              const stacked = chart.options.indexAxis === "y" && chart.options.scales.x.stacked === true && chart.options.scales.y.stacked === true;
              return [stacked ? 1 : 0, chart.data.datasets.length, chart.data.labels.length, document.querySelectorAll("#dashboard-departments tbody tr").length];
            }
            """);
        Assert.Equal([1, 5, shape[3], shape[3]], shape);
        coordinatorProblems.AssertNone("the coordinator's home while Chart.js draws");
        await coordinator.AssertNoAxeViolationsAsync();
        await AssertTabReachesAsync(coordinator, "#dashboard-coordinator");

        // KRDS's focused secondary button failed axe's contrast rule (site.css fixes it); each button kind, focused, passes.
        await AssertFocusedButtonPassesAsync(coordinator, "#dashboard-coordinator a.krds-btn.small.secondary");
        await AssertFocusedButtonPassesAsync(coordinator, "button.krds-btn.small.secondary");
        await AssertFocusedButtonPassesAsync(coordinator, "a.krds-btn.small.tertiary");
        await AssertFocusedButtonPassesAsync(coordinator, "button.krds-btn.small.tertiary");
        coordinatorProblems.AssertNone("the coordinator's home");

        await coordinator.Context.CloseAsync();

        // Officer: their sub-projects with this year's status and the 2019 self-evaluation reports; the sub-project page's chart over the years.
        var officer = await fixture.SignedInPageAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var officerProblems = await PageProblems.WatchAsync(officer);
        await officer.GotoAsync("/");
        await Assertions.Expect(officer.Locator("#dashboard-officer")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("#officer-subprojects tr[data-code='1-1']")).ToContainTextAsync("확정");
        await Assertions.Expect(officer.Locator($"#officer-self-reports tr[data-cycle='{cycleId}'][data-code='1-1']")).ToContainTextAsync("보고서 쓰기");
        Assert.Equal(0, await officer.Locator("#dashboard-coordinator").CountAsync());
        await officer.AssertNoAxeViolationsAsync();
        await AssertTabReachesAsync(officer, "#dashboard-officer");
        await officer.GotoAsync($"/plans/{planId}/subprojects/1-1");
        await AssertChartDrawnAsync(officer, "chart-trend");
        await officer.AssertNoAxeViolationsAsync();
        officerProblems.AssertNone("the officer's home and sub-project page");
        await officer.Context.CloseAsync();

        // Committee member seated on 2019, not yet declared: the next step is the declaration.
        var userName = $"d-{Guid.NewGuid():N}"[..20];
        var user = await portal.CreateUserAsync(userName, Roles.CommitteeMember);
        await portal.WithDbAsync(async db =>
        {
            var cycle = await db.CycleAsync(cycleId, CancellationToken.None);
            cycle!.AddMember(user.Id, "위원무");
            await db.SaveChangesAsync();
            return 0;
        });
        var member = await fixture.NewPageAsync();
        var memberProblems = await PageProblems.WatchAsync(member);
        await member.GotoAsync("/account/signin");
        await member.GetByLabel("아이디").FillAsync(userName);
        await member.GetByLabel("비밀번호").FillAsync(PortalFactory.TestPassword);
        await member.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await member.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        await member.GotoAsync("/");
        await Assertions.Expect(member.Locator($"#member-evaluations tr[data-cycle='{cycleId}']")).ToContainTextAsync("이해충돌 없음 확인하기");
        await member.AssertNoAxeViolationsAsync();
        await AssertTabReachesAsync(member, "#dashboard-member");
        await member.GetByRole(AriaRole.Link, new() { Name = "이해충돌 없음 확인하기 (2019년)" }).ClickAsync();
        await member.WaitForURLAsync($"**/evaluations/{cycleId}/score");
        memberProblems.AssertNone("the member's sign-in and home");
    }

    /// <summary>Chart.js is loaded, holds a chart for the canvas, and the canvas has a size.</summary>
    private static async Task AssertChartDrawnAsync(IPage page, string canvasId)
    {
        await page.WaitForFunctionAsync("id => window.Chart !== undefined && window.Chart.getChart(document.getElementById(id)) !== undefined", canvasId);
        var box = await page.Locator($"canvas#{canvasId}").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 100 && box.Height > 100, $"{canvasId} is {box.Width}×{box.Height}");
    }

    /// <summary>
    /// A KRDS button focused from the keyboard shows an outline of at least 2px and keeps its
    /// text contrast: axe runs with the button focused, so it measures the focus colours.
    /// </summary>
    private static async Task AssertFocusedButtonPassesAsync(IPage page, string selector)
    {
        var button = page.Locator(selector).First;
        await button.FocusAsync();
        var focus = await button.EvaluateAsync<string[]>("e => { const s = getComputedStyle(e); return [String(e === document.activeElement && e.matches(':focus-visible')), s.outlineStyle, s.outlineWidth, s.color, s.backgroundColor]; }");
        Assert.True(focus[0] == "true", $"{selector} is not focus-visible");
        Assert.True(focus[1] == "solid" && double.Parse(focus[2].Replace("px", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 2, $"{selector} focused: outline {focus[1]} {focus[2]}");
        await page.AssertNoAxeViolationsAsync();
        Assert.True(await button.EvaluateAsync<bool>("e => e === document.activeElement"), $"{selector} lost focus while axe ran");
    }

    /// <summary>Tabbing from the top of the page reaches a link or control inside the section.</summary>
    private static async Task AssertTabReachesAsync(IPage page, string section)
    {
        await page.Locator("body").FocusAsync();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.closest(s) !== null", section))
            {
                return;
            }
        }

        Assert.Fail($"40 Tab presses did not reach {section}");
    }
}
