using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialEconomy.BrowserTests.Infrastructure;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.BrowserTests.Evaluations;

/// <summary>
/// March in a real browser: the coordinator starts the year's evaluation and forms the
/// committee, three members declare and score (one keyboard-only), the coordinator closes
/// the committee and reads the result. axe runs on every page.
/// </summary>
public class CommitteeJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Totals 84, 79 and 90 (of 100 + 5): the trimmed mean keeps only 84.
    private static readonly string[][] Sheets =
    [
        ["9", "13", "12", "3", "9", "13", "10", "15"],
        ["8", "12", "12", "2", "8", "11", "11", "15"],
        ["10", "14", "14", "4", "9", "13", "11", "15"],
    ];

    [Fact]
    public async Task CoordinatorFormsTheCommittee_MembersDeclareAndScore_CoordinatorCloses()
    {
        var members = new List<(string UserName, string Name)>();
        for (var i = 1; i <= 3; i++)
        {
            var userName = $"j-{Guid.NewGuid():N}"[..20];
            await fixture.Portal.CreateUserAsync(userName, Roles.CommitteeMember);
            members.Add((userName, userName));
        }

        // The coordinator starts 2018's evaluation of the seeded plan and seats the three members.
        var coordinator = await fixture.SignedInPageAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        await coordinator.GotoAsync("/evaluations");
        await coordinator.AssertNoAxeViolationsAsync();
        await coordinator.GetByLabel("기본계획").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await coordinator.GetByLabel("평가 연도(사업 연도)").FillAsync("2018");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "평가 시작" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".portal-notice")).ToContainTextAsync("2018년 평가를 시작했습니다");
        await coordinator.AssertNoAxeViolationsAsync();
        var cycleUrl = new Uri(coordinator.Url).AbsolutePath;
        var cycleId = int.Parse(cycleUrl.Split('/')[^1], CultureInfo.InvariantCulture);

        await coordinator.GetByRole(AriaRole.Link, new() { Name = "평가위원회 구성·마감" }).ClickAsync();
        await coordinator.AssertNoAxeViolationsAsync();
        foreach (var (userName, _) in members)
        {
            await coordinator.GetByLabel("평가위원", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"테스트 평가위원 ({userName})" });
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "위원 넣기" }).ClickAsync();
            await Assertions.Expect(coordinator.Locator(".portal-notice")).ToContainTextAsync("평가위원회에 넣었습니다");
        }

        await Assertions.Expect(coordinator.Locator("#seats tbody tr")).ToHaveCountAsync(3);
        await coordinator.AssertNoAxeViolationsAsync();

        var items = await fixture.Portal.WithDbAsync(db => db.EvaluationCycles.Where(c => c.Id == cycleId).SelectMany(c => c.ExternalFramework.Items).OrderBy(i => i.SortOrder).Select(i => i.Id).ToListAsync());
        for (var m = 0; m < members.Count; m++)
        {
            var member = await SignInAsync(members[m].UserName);
            await member.GotoAsync($"/evaluations/{cycleId}/score");

            // Nothing to score before the declaration.
            await Assertions.Expect(member.Locator("input[name^='Scores[']")).ToHaveCountAsync(0);
            await member.AssertNoAxeViolationsAsync();
            if (m == 0)
            {
                // Keyboard only: tab to the box, tick it with Space, tab on to the button and press Enter.
                await member.Locator("#noConflict").FocusAsync();
                await member.Keyboard.PressAsync("Space");
                await member.Keyboard.PressAsync("Tab");
                await member.Keyboard.PressAsync("Tab");
                await member.Keyboard.PressAsync("Enter");
            }
            else
            {
                // KRDS draws the box under its label: people click the label.
                await member.Locator("label[for='noConflict']").ClickAsync();
                await Assertions.Expect(member.Locator("#noConflict")).ToBeCheckedAsync();
                await member.GetByRole(AriaRole.Button, new() { Name = "확인하고 채점 시작" }).ClickAsync();
            }

            await Assertions.Expect(member.Locator(".portal-notice")).ToContainTextAsync("이해충돌 없음을 확인했습니다");
            await member.AssertNoAxeViolationsAsync();

            if (m == 0)
            {
                // A bad value is marked beside its field; the others stay as typed.
                await member.Locator($"#score-{items[0]}").FillAsync(Sheets[m][0]);
                await member.Locator($"#score-{items[1]}").FillAsync("16");
                await member.Locator($"#comment-{items[0]}").FillAsync("T/F 회의록이 충실함");
                await member.GetByRole(AriaRole.Button, new() { Name = "임시 저장" }).ClickAsync();
                await Assertions.Expect(member.Locator($"#score-{items[1]}-error")).ToContainTextAsync("0점부터 15점");
                await Assertions.Expect(member.Locator($"#score-{items[0]}")).ToHaveValueAsync(Sheets[m][0]);
                await Assertions.Expect(member.Locator($"#comment-{items[0]}")).ToHaveValueAsync("T/F 회의록이 충실함");
                await member.AssertNoAxeViolationsAsync();
                await member.Locator($"#score-{items[1]}").FillAsync(Sheets[m][1]);
                await member.GetByRole(AriaRole.Button, new() { Name = "임시 저장" }).ClickAsync();
                await Assertions.Expect(member.Locator(".portal-notice")).ToContainTextAsync("임시 저장했습니다");
                await member.ReloadAsync();
                await Assertions.Expect(member.Locator($"#score-{items[1]}")).ToHaveValueAsync(Sheets[m][1]);
            }

            for (var i = 0; i < items.Count; i++)
            {
                await member.Locator($"#score-{items[i]}").FillAsync(Sheets[m][i]);
            }

            await member.Locator($"#comment-{items[1]}").FillAsync($"위원{m + 1}의 성과목표 의견");
            await member.GetByRole(AriaRole.Button, new() { Name = "제출", Exact = true }).ClickAsync();
            await Assertions.Expect(member.Locator(".portal-notice")).ToContainTextAsync("점수를 제출했습니다");
            await member.AssertNoAxeViolationsAsync();

            // Before closing the result shows nothing, not even the member's own comment.
            await member.GotoAsync($"/evaluations/{cycleId}/external");
            await Assertions.Expect(member.Locator("#not-closed")).ToBeVisibleAsync();
            await Assertions.Expect(member.Locator("main")).Not.ToContainTextAsync("성과목표 의견");
            await member.AssertNoAxeViolationsAsync();
            await member.Context.CloseAsync();
        }

        // The coordinator sees who submitted, never the points, and closes.
        await coordinator.ReloadAsync();
        await Assertions.Expect(coordinator.Locator("#seats")).Not.ToContainTextAsync("성과목표 의견");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "평가위원회 마감" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".portal-notice")).ToContainTextAsync("평가위원회를 마감했습니다");
        await coordinator.AssertNoAxeViolationsAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "외부평가 결과 보기" }).ClickAsync();
        var totals = Sheets.Select(s => s.Sum(p => decimal.Parse(p, CultureInfo.InvariantCulture))).Order().ToList();
        Assert.Equal([79m, 84m, 90m], totals);
        await Assertions.Expect(coordinator.Locator("#external-total")).ToHaveTextAsync("84점");
        await Assertions.Expect(coordinator.Locator("#external-result tbody tr")).ToHaveCountAsync(items.Count);
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("위원3의 성과목표 의견");
        await coordinator.AssertNoAxeViolationsAsync();

        // The printed report's screen version.
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "인쇄용 보기" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#report-total")).ToHaveTextAsync("84점");
        await coordinator.AssertNoAxeViolationsAsync();

        // The first member's sheet is closed now: no field is left to change.
        var first = await SignInAsync(members[0].UserName);
        await first.GotoAsync($"/evaluations/{cycleId}/score");
        await Assertions.Expect(first.Locator("input[name^='Scores[']")).ToHaveCountAsync(0);
        await Assertions.Expect(first.Locator("#sheet-state")).ToHaveTextAsync("위원회 마감");
        await first.AssertNoAxeViolationsAsync();
        Assert.Equal(3, await fixture.Portal.WithDbAsync(db => db.CommitteeSeats.CountAsync(s => s.CycleId == cycleId && s.SubmittedAtUtc != null)));
        Assert.True(await fixture.Portal.WithDbAsync(db => db.EvaluationFrameworks.Where(f => db.EvaluationCycles.Any(c => c.Id == cycleId && c.ExternalFrameworkId == f.Id)).Select(f => f.IsFrozen).SingleAsync()));
        Assert.Equal(FrameworkKind.External, await fixture.Portal.WithDbAsync(db => db.EvaluationCycles.Where(c => c.Id == cycleId).Select(c => c.ExternalFramework.Kind).SingleAsync()));
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("아이디").FillAsync(userName);
        await page.GetByLabel("비밀번호").FillAsync(PortalFactory.TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        return page;
    }
}
