using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialEconomy.BrowserTests.Infrastructure;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Evaluations;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Reports;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Security;
using Xunit.Abstractions;

namespace SocialEconomy.BrowserTests.Journeys;

/// <summary>
/// One year of the plan in a real browser, as one connected story from January to April:
/// the coordinator opens 2017 for results; the officer of 마을사회적경제과 enters 4-2's actuals,
/// milestones, execution and narratives with an evidence workbook and submits; the
/// coordinator returns it, the officer corrects and resubmits, the coordinator confirms; the
/// T/F starts the evaluation, scores 4-2 from its proposal, sends the year to review and
/// locks it; three members (one an outside expert registered on the committee page, who
/// signs in, changes the temporary password, declares and scores with the keyboard only)
/// declare and score; the coordinator closes the committee and downloads the 외부평가 결과
/// and the 실적 및 자체평가 보고서 as PDF and Excel. Everyone signs in through the sign-in
/// form, and axe runs on every page the story visits.
/// </summary>
public class YearJourneyTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int Year = 2017;
    private const string Code = "4-2";
    private const string SubProjectName = "마을사회적경제센터(중간지원조직) 역할강화 및 확대";
    private const string Narrative = "센터 조직개편 간담회 2회, 외부인력풀 계획 수립";
    private const string ReturnComment = "문제점과 개선방안을 적어 주세요";

    // Each member's external sheet (8 items, the 4th a 가점): totals 84, 80 and 88, so the
    // mean and the trimmed mean agree on 84 whichever the year uses.
    private static readonly string[][] Sheets =
    [
        ["8", "12", "12", "3", "8", "12", "12", "17"],
        ["7", "11", "12", "2", "8", "11", "12", "17"],
        ["9", "13", "13", "3", "9", "12", "13", "16"],
    ];

    private readonly HashSet<string> _pagesChecked = new(StringComparer.Ordinal);
    private int _axeRuns;
    private TimeSpan _axeTime;

    [Fact]
    public async Task OneYear_ResultsReviewSelfEvaluationCommitteeAndReports()
    {
        var planId = await fixture.Portal.SeededPlanIdAsync();
        var coordinator = await fixture.SignedInPageAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var officer = await fixture.SignedInPageAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);

        var clock = Stopwatch.StartNew();
        await CoordinatorOpensTheYearAsync(coordinator);
        await OfficerEntersAndSubmitsAsync(officer);
        await CoordinatorReturnsAsync(coordinator, planId);
        await OfficerCorrectsAndResubmitsAsync(officer);
        await CoordinatorConfirmsAsync(coordinator);
        output.WriteLine($"results entered, returned, resubmitted and confirmed: {clock.Elapsed.TotalSeconds:0.0} s");
        var cycleId = await TaskForceScoresAndLocksAsync(coordinator);
        output.WriteLine($"self-evaluation scored and locked: {clock.Elapsed.TotalSeconds:0.0} s");
        await CommitteeDeclaresAndScoresAsync(coordinator, cycleId);
        output.WriteLine($"committee formed, declared and scored: {clock.Elapsed.TotalSeconds:0.0} s");
        await CoordinatorClosesAndPrintsAsync(coordinator, planId, cycleId);
        output.WriteLine($"committee closed, reports downloaded: {clock.Elapsed.TotalSeconds:0.0} s");

        output.WriteLine($"axe: {_axeRuns} runs ({_axeTime.TotalSeconds:0} s) on {_pagesChecked.Count} distinct pages, no violations:\n{string.Join('\n', _pagesChecked.Order(StringComparer.Ordinal))}");
    }

    private async Task CoordinatorOpensTheYearAsync(IPage coordinator)
    {
        await GoAsync(coordinator, "/results");
        await coordinator.GetByLabel("기본계획").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await coordinator.GetByLabel("실적 연도").FillAsync(Year.ToString(CultureInfo.InvariantCulture));
        // A deadline to come: typed dates of the 2017-2020 seed reach the end of next year (PlanDates).
        await coordinator.GetByLabel("제출 기한").FillAsync(DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "기간 열기" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".portal-notice")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Link, new() { Name = $"{Year}년 실적" }).First).ToBeVisibleAsync();
        await CheckAsync(coordinator);
    }

    private async Task OfficerEntersAndSubmitsAsync(IPage officer)
    {
        await GoAsync(officer, "/results");
        await ClickAsync(officer, officer.GetByRole(AriaRole.Link, new() { Name = $"{Year}년 실적" }).First);
        await ClickAsync(officer, officer.GetByRole(AriaRole.Link, new() { Name = SubProjectName }));

        await officer.GetByLabel("마을사회적경제센터 운영 실적 (백만원)").FillAsync("380");
        await officer.GetByLabel("센터 조직개편 추진 상황").SelectOptionAsync(new SelectOptionValue { Label = "완료" });
        await officer.GetByLabel("외부인력풀 구성 추진 상황").SelectOptionAsync(new SelectOptionValue { Label = "추진중" });
        await officer.GetByLabel("외부인력풀 구성 비고").FillAsync("분야별 전문가 12명 명단 확보");
        await officer.GetByLabel("마을사회적경제센터 운영 집행액 (백만원)").FillAsync("395");
        await officer.GetByRole(AriaRole.Textbox, new() { Name = "추진실적", Exact = true }).FillAsync(Narrative);

        // The evidence is a real workbook made here; it goes with the same form as the figures.
        await officer.GetByLabel("증빙자료 추가 (PDF, HWP, HWPX, DOCX, XLSX, JPG, PNG)").SetInputFilesAsync(new FilePayload
        {
            Name = "센터 운영비 집행내역.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = EvidenceWorkbook(),
        });
        await ClickAsync(officer, officer.GetByRole(AriaRole.Button, new() { Name = "제출", Exact = true }));
        await Assertions.Expect(officer.Locator(".portal-notice")).ToContainTextAsync("올렸습니다");
        await Assertions.Expect(officer.Locator(".portal-notice")).ToContainTextAsync("제출했습니다");
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "센터 운영비 집행내역.xlsx" })).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("#achievement-rate")).ToHaveTextAsync("95.0%");
    }

    private async Task CoordinatorReturnsAsync(IPage coordinator, int planId)
    {
        await GoAsync(coordinator, $"/results/{planId}/{Year}/board");
        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Link, new() { Name = SubProjectName }));

        // The coordinator gets the officer's evidence back byte for byte, under its Korean name.
        var evidence = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByRole(AriaRole.Link, new() { Name = "센터 운영비 집행내역.xlsx" }).ClickAsync());
        Assert.Equal("센터 운영비 집행내역.xlsx", evidence.SuggestedFilename);
        using (var workbook = OpenWorkbook(await ReadAsync(evidence)))
        {
            Assert.Equal(395, workbook.Worksheet("집행내역").Cell(2, 2).GetDouble());
        }

        await coordinator.GetByLabel("반려 사유 (필수)").FillAsync(ReturnComment);
        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Button, new() { Name = "반려" }));
        await Assertions.Expect(coordinator.Locator(".portal-notice")).ToContainTextAsync("반려했습니다");
    }

    private async Task OfficerCorrectsAndResubmitsAsync(IPage officer)
    {
        await officer.ReloadAsync();
        await Assertions.Expect(officer.Locator("#timeline")).ToContainTextAsync(ReturnComment);
        await CheckAsync(officer);
        await officer.GetByRole(AriaRole.Textbox, new() { Name = "문제점", Exact = true }).FillAsync("외부인력풀 분야가 마케팅에 치우침");
        await officer.GetByRole(AriaRole.Textbox, new() { Name = "개선방안", Exact = true }).FillAsync("인큐베이팅·컨설팅 분야 전문가 추가 모집");
        await ClickAsync(officer, officer.GetByRole(AriaRole.Button, new() { Name = "제출", Exact = true }));
        await Assertions.Expect(officer.Locator(".portal-notice")).ToContainTextAsync("제출했습니다");
    }

    private async Task CoordinatorConfirmsAsync(IPage coordinator)
    {
        await coordinator.ReloadAsync();
        await CheckAsync(coordinator);
        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Button, new() { Name = "확정" }));
        await Assertions.Expect(coordinator.Locator(".portal-notice")).ToContainTextAsync("확정했습니다");
        Assert.Equal(
            [ResultStep.Submitted, ResultStep.Returned, ResultStep.Submitted, ResultStep.Confirmed],
            await fixture.Portal.WithDbAsync(db => db.YearResults.Where(r => r.Year == Year && r.SubProject.Code == Code).SelectMany(r => r.Events).OrderBy(e => e.Id).Select(e => e.Step).ToListAsync()));
    }

    /// <summary>The T/F is the coordinating department: it starts the year's evaluation, scores 4-2 and locks the year.</summary>
    private async Task<int> TaskForceScoresAndLocksAsync(IPage coordinator)
    {
        await GoAsync(coordinator, "/evaluations");
        await coordinator.GetByLabel("기본계획").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await coordinator.GetByLabel("평가 연도(사업 연도)").FillAsync(Year.ToString(CultureInfo.InvariantCulture));
        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Button, new() { Name = "평가 시작" }));
        await Assertions.Expect(coordinator.Locator(".portal-notice")).ToContainTextAsync($"{Year}년 평가를 시작했습니다");
        var cycleId = int.Parse(new Uri(coordinator.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);

        // The story follows 4-2; the T/F's scores of the year's other sub-projects are arranged
        // in the database, as 실무협의체 검토 needs every sub-project scored.
        await ScoreTheOtherSubProjectsAsync(cycleId);

        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Link, new() { Name = "자체평가(세부사업별 보고서와 T/F 채점)" }));
        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Link, new() { Name = $"{Code} {SubProjectName}" }));

        // 95 % of the target reaches the 90 % band: 27 of 30 is proposed, and given.
        await Assertions.Expect(coordinator.Locator("#achievement")).ToHaveTextAsync("95.0%");
        var items = await fixture.Portal.ItemIdsAsync(cycleId, FrameworkKind.Self);
        await Assertions.Expect(coordinator.Locator($"#proposal-{items[6]}")).ToContainTextAsync("27");
        string[] points = ["4", "5", "9", "8", "9", "8", "27", "16"];
        for (var i = 0; i < items.Count; i++)
        {
            await coordinator.Locator($"#score-{items[i]}").FillAsync(points[i]);
        }

        await coordinator.Locator($"#comment-{items[6]}").FillAsync("센터 운영 목표 95% 달성");
        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Button, new() { Name = "점수 저장" }));
        await Assertions.Expect(coordinator.Locator(".portal-notice")).ToContainTextAsync("자체평가 점수를 저장했습니다");
        await Assertions.Expect(coordinator.Locator("#self-total")).ToHaveTextAsync("86점");

        await GoAsync(coordinator, $"/evaluations/{cycleId}/self");
        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Button, new() { Name = "실무협의체 검토로 보내기" }));
        await Assertions.Expect(coordinator.Locator("#self-stage")).ToHaveTextAsync("실무협의체 검토 중");
        await coordinator.GetByLabel("실무협의체 검토 의견(확정 근거)").FillAsync("세부사업별 점수 확인, 이견 없음");
        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Button, new() { Name = "검토 반영 후 확정" }));
        await Assertions.Expect(coordinator.Locator("#self-stage")).ToHaveTextAsync("확정");
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("세부사업별 점수 확인, 이견 없음");
        return cycleId;
    }

    private async Task CommitteeDeclaresAndScoresAsync(IPage coordinator, int cycleId)
    {
        var sitting = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var userName = $"y-{Guid.NewGuid():N}"[..20];
            await fixture.Portal.CreateUserAsync(userName, Roles.CommitteeMember);
            sitting.Add(userName);
        }

        await GoAsync(coordinator, $"/evaluations/{cycleId}");
        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Link, new() { Name = "평가위원회 구성·마감" }));
        foreach (var userName in sitting)
        {
            await coordinator.GetByLabel("평가위원", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"테스트 평가위원 ({userName})" });
            await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Button, new() { Name = "위원 넣기" }));
            await Assertions.Expect(coordinator.Locator(".portal-notice")).ToContainTextAsync("평가위원회에 넣었습니다");
        }

        // The third is an outside expert with no account yet: one is made here, with a temporary password shown once.
        var expertName = $"x-{Guid.NewGuid():N}"[..16];
        await coordinator.Locator("#Expert_UserName").FillAsync(expertName);
        await coordinator.Locator("#Expert_DisplayName").FillAsync("김전문(사회적경제연구소)");
        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Button, new() { Name = "외부전문가 등록" }));
        await Assertions.Expect(coordinator.Locator(".portal-notice")).ToContainTextAsync("평가위원회에 넣었습니다");
        var temporaryPassword = (await coordinator.Locator("#temporary-password").TextContentAsync())!.Trim();
        await Assertions.Expect(coordinator.Locator("#seats tbody tr")).ToHaveCountAsync(3);

        var items = await fixture.Portal.ItemIdsAsync(cycleId, FrameworkKind.External);
        for (var m = 0; m < sitting.Count; m++)
        {
            await MemberScoresWithTheMouseAsync(await SignInAsync(sitting[m]), cycleId, items, Sheets[m], $"위원{m + 1}: 지표 개선 노력이 보임");
        }

        await ExpertScoresWithTheKeyboardAsync(expertName, temporaryPassword, cycleId, items, Sheets[2]);
    }

    private async Task MemberScoresWithTheMouseAsync(IPage member, int cycleId, List<int> items, string[] sheet, string comment)
    {
        await GoAsync(member, $"/evaluations/{cycleId}/score");
        await Assertions.Expect(member.Locator("input[name^='Scores[']")).ToHaveCountAsync(0);

        // KRDS draws the box under its label: people click the label.
        await member.Locator("label[for='noConflict']").ClickAsync();
        await Assertions.Expect(member.Locator("#noConflict")).ToBeCheckedAsync();
        await ClickAsync(member, member.GetByRole(AriaRole.Button, new() { Name = "확인하고 채점 시작" }));
        await Assertions.Expect(member.Locator(".portal-notice")).ToContainTextAsync("이해충돌 없음을 확인했습니다");

        // The locked self-evaluation is open to the committee before it scores.
        await ClickAsync(member, member.GetByRole(AriaRole.Link, new() { Name = $"{Year}년 자체평가" }));
        await Assertions.Expect(member.Locator("#self-stage")).ToHaveTextAsync("확정");
        await GoAsync(member, $"/evaluations/{cycleId}/score");
        for (var i = 0; i < items.Count; i++)
        {
            await member.Locator($"#score-{items[i]}").FillAsync(sheet[i]);
        }

        await member.Locator($"#comment-{items[1]}").FillAsync(comment);
        await ClickAsync(member, member.GetByRole(AriaRole.Button, new() { Name = "제출", Exact = true }));
        await Assertions.Expect(member.Locator(".portal-notice")).ToContainTextAsync("점수를 제출했습니다");
        await member.Context.CloseAsync();
    }

    /// <summary>Keyboard only: Tab, Space, Enter and typing; the address is typed as into the address bar.</summary>
    private async Task ExpertScoresWithTheKeyboardAsync(string userName, string temporaryPassword, int cycleId, List<int> items, string[] sheet)
    {
        const string newPassword = "Expert-Password-2027";
        var expert = await fixture.NewPageAsync();
        await GoAsync(expert, "/account/signin");
        await TabToAsync(expert, "#UserName");
        await expert.Keyboard.TypeAsync(userName);
        await TabToAsync(expert, "#Password");
        await expert.Keyboard.TypeAsync(temporaryPassword);
        await expert.Keyboard.PressAsync("Enter");

        // A temporary password must be changed before anything else.
        await expert.WaitForURLAsync("**/account/change-password");
        await CheckAsync(expert);
        await TabToAsync(expert, "#CurrentPassword");
        await expert.Keyboard.TypeAsync(temporaryPassword);
        await TabToAsync(expert, "#NewPassword");
        await expert.Keyboard.TypeAsync(newPassword);
        await TabToAsync(expert, "#ConfirmPassword");
        await expert.Keyboard.TypeAsync(newPassword);
        await expert.Keyboard.PressAsync("Enter");
        await expert.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await CheckAsync(expert);

        await GoAsync(expert, "/evaluations");
        await TabToAsync(expert, $"a[href='/evaluations/{cycleId}']");
        await PressAndCheckAsync(expert, "Enter");
        await TabToAsync(expert, $"a[href='/evaluations/{cycleId}/score']");
        await PressAndCheckAsync(expert, "Enter");
        await Assertions.Expect(expert.Locator("h1")).ToContainTextAsync("외부평가");

        await TabToAsync(expert, "#noConflict");
        await expert.Keyboard.PressAsync("Space");
        await Assertions.Expect(expert.Locator("#noConflict")).ToBeCheckedAsync();
        await TabToAsync(expert, "#note");
        await expert.Keyboard.TypeAsync("평가 대상 사업 수행기관과 관계 없음");
        await TabToAsync(expert, "form[action$='/declare'] button[type='submit']");
        await PressAndCheckAsync(expert, "Enter");
        await Assertions.Expect(expert.Locator(".portal-notice")).ToContainTextAsync("이해충돌 없음을 확인했습니다");

        for (var i = 0; i < items.Count; i++)
        {
            await TabToAsync(expert, $"#score-{items[i]}");
            await expert.Keyboard.TypeAsync(sheet[i]);
        }

        await TabToAsync(expert, $"#comment-{items[1]}");
        await expert.Keyboard.TypeAsync("위원3: 성과지표가 객관적임");
        await TabToAsync(expert, "button[name='Submit'][value='true']");
        await PressAndCheckAsync(expert, "Enter");
        await Assertions.Expect(expert.Locator(".portal-notice")).ToContainTextAsync("점수를 제출했습니다");
        await expert.Context.CloseAsync();
    }

    private async Task CoordinatorClosesAndPrintsAsync(IPage coordinator, int planId, int cycleId)
    {
        await GoAsync(coordinator, $"/evaluations/{cycleId}/committee");
        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Button, new() { Name = "평가위원회 마감" }));
        await Assertions.Expect(coordinator.Locator(".portal-notice")).ToContainTextAsync("이제 위원들의 점수와 의견이 공개됩니다");
        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Link, new() { Name = "외부평가 결과 보기" }));
        await Assertions.Expect(coordinator.Locator("#external-total")).ToHaveTextAsync("84점");
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("위원3: 성과지표가 객관적임");

        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Link, new() { Name = "인쇄용 보기" }));
        await Assertions.Expect(coordinator.Locator("#report-total")).ToHaveTextAsync("84점");
        var externalPdf = await ReportFiles.PdfTextAsync(AssertPdf(await DownloadAsync(coordinator, "PDF 내려받기")));
        Assert.Contains("84", externalPdf, StringComparison.Ordinal);
        Assert.Contains(ReportFiles.Squash("위원3: 성과지표가 객관적임"), ReportFiles.Squash(externalPdf), StringComparison.Ordinal);
        using (var workbook = OpenWorkbook(await DownloadAsync(coordinator, "엑셀 내려받기")))
        {
            Assert.Contains(workbook.Worksheets, s => s.Name == "지표별 결과");
            Assert.Contains(workbook.Worksheets.SelectMany(s => s.CellsUsed()), c => c.GetString().Contains("위원3: 성과지표가 객관적임", StringComparison.Ordinal));
        }

        // The year's 실적 및 자체평가 보고서, from the year's results page.
        await GoAsync(coordinator, $"/results/{planId}/{Year}");
        await ClickAsync(coordinator, coordinator.GetByRole(AriaRole.Link, new() { Name = "실적 및 자체평가 보고서" }));
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync($"{Year}년 실적 및 자체평가 보고서");
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync(Narrative);

        // 4-2 confirmed: 380 of 400 is 95.0 %, 395 of 400 executed is 98.8 %, and the T/F gave 86.
        var row = coordinator.Locator("#results-summary tbody tr").Filter(new() { HasText = SubProjectName });
        foreach (var figure in new[] { "확정", "95.0", "98.8", "86" })
        {
            await Assertions.Expect(row).ToContainTextAsync(figure);
        }

        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("세부사업별 점수 확인, 이견 없음");
        var resultsPdf = await ReportFiles.PdfTextAsync(AssertPdf(await DownloadAsync(coordinator, "PDF 내려받기")));
        Assert.Contains(ReportFiles.Squash(SubProjectName), ReportFiles.Squash(resultsPdf), StringComparison.Ordinal);
        Assert.Contains(ReportFiles.Squash(Narrative), ReportFiles.Squash(resultsPdf), StringComparison.Ordinal);
        Assert.Equal($"/plans/{planId}/reports/results/{Year}.pdf", await coordinator.GetByRole(AriaRole.Link, new() { Name = "PDF 내려받기" }).GetAttributeAsync("href"));
        using (var workbook = OpenWorkbook(await DownloadAsync(coordinator, "엑셀 내려받기")))
        {
            var cells = workbook.Worksheets.SelectMany(s => s.CellsUsed()).ToList();
            Assert.Contains(cells, c => c.GetString().Contains(Narrative, StringComparison.Ordinal));
            Assert.Contains(cells, c => c.GetString().Contains(SubProjectName, StringComparison.Ordinal));
        }
    }

    private Task<int> ScoreTheOtherSubProjectsAsync(int cycleId) =>
        fixture.Portal.WithDbAsync(async db =>
        {
            var cycle = (await db.CycleAsync(cycleId, CancellationToken.None))!;
            var others = await db.SubProjects
                .Where(s => s.Task.PlanId == cycle.PlanId && s.StartYear <= Year && s.EndYear >= Year && s.Code != Code)
                .ToListAsync();
            foreach (var sub in others)
            {
                var evaluation = new SelfEvaluation(cycle, sub);
                var inputs = cycle.SelfFramework.Items.ToDictionary(i => i.Id, i => new ScoreInput((i.MaxPoints * 0.8m).ToString("0.#", CultureInfo.InvariantCulture), null));
                Assert.Empty(evaluation.Score(inputs, null, "T/F", DateTime.UtcNow));
                db.SelfEvaluations.Add(evaluation);
            }

            await db.SaveChangesAsync();
            return others.Count;
        });

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await fixture.NewPageAsync();
        await GoAsync(page, "/account/signin");
        await page.GetByLabel("아이디").FillAsync(userName);
        await page.GetByLabel("비밀번호").FillAsync(PortalFactory.TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        return page;
    }

    private async Task GoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await CheckAsync(page);
    }

    private async Task ClickAsync(IPage page, ILocator target)
    {
        await target.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await CheckAsync(page);
    }

    private async Task PressAndCheckAsync(IPage page, string key)
    {
        // Enter on a link or a submit button here always loads a new document (a post may come
        // back to the same address): mark the old one and wait until it is gone, or axe runs on it.
        await page.EvaluateAsync("() => { window.journeyOldPage = true; }");
        await page.Keyboard.PressAsync(key);
        await page.WaitForFunctionAsync("() => window.journeyOldPage === undefined && document.readyState === 'complete'");
        await CheckAsync(page);
    }

    private async Task CheckAsync(IPage page)
    {
        var started = Stopwatch.GetTimestamp();
        await page.AssertNoAxeViolationsAsync();
        _axeTime += Stopwatch.GetElapsedTime(started);
        _axeRuns++;
        var path = new Uri(page.Url).AbsolutePath;
        _pagesChecked.Add(string.Join('/', path.Split('/').Select(s => s.All(char.IsAsciiDigit) && s.Length > 0 ? "{n}" : s)));
    }

    /// <summary>Presses Tab until the element is focused; fails when it is not reachable by keyboard.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 200; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} on {page.Url} was not reached with 200 presses of Tab.");
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string linkName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = linkName }).ClickAsync());
        return await ReadAsync(download);
    }

    private static async Task<byte[]> ReadAsync(IDownload download)
    {
        Assert.Null(await download.FailureAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static byte[] AssertPdf(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith("%PDF"u8), "The download is not a PDF.");
        return bytes;
    }

    private static XLWorkbook OpenWorkbook(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith("PK"u8), "The download is not a zip (.xlsx).");
        return new XLWorkbook(new MemoryStream(bytes));
    }

    private static byte[] EvidenceWorkbook()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("집행내역");
        sheet.Cell(1, 1).Value = "항목";
        sheet.Cell(1, 2).Value = "집행액(백만원)";
        sheet.Cell(2, 1).Value = "센터 운영비";
        sheet.Cell(2, 2).Value = 395;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
