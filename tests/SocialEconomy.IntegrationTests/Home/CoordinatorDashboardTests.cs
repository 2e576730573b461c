using AngleSharp.Dom;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.IntegrationTests.Evaluations;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Home;

/// <summary>
/// The coordinator's and the viewer's home: the year's status by department, the rates as
/// charts with their tables (the same figures as the rates page), the evaluation's progress
/// without any member's points, and the sub-project page's chart over the years.
/// </summary>
public class CoordinatorDashboardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string MarkerPoints = "13.5";

    [Fact]
    public async Task Coordinator_SeesStatusRatesAndEvaluationProgress_NoMemberPointsBeforeClosing()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.ConfirmResultsAsync("1-1", 2019, 0.5m);
        var cycleId = await factory.StartCycleAsync(2019);
        var (member, _) = await factory.SeatMemberAsync(cycleId, "위원갑");
        await factory.SeatMemberAsync(cycleId, "위원을", declared: false);
        var items = await factory.ItemIdsAsync(cycleId, FrameworkKind.External);
        var scores = EvaluationsHttp.Scores(items, "9", MarkerPoints, "14", "4", "9", "14", "14", "19");
        scores["Submit"] = "true";
        using (var saved = await member.PostPageFormAsync($"/evaluations/{cycleId}/score", "/score", scores))
        {
            Assert.True(saved.IsRedirectTo($"/evaluations/{cycleId}/score"), $"{saved.StatusCode}");
        }

        var coordinator = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var home = await coordinator.GetDocumentAsync("/");
        var main = home.QuerySelector("main")!;

        // Only the coordinator's part, for the year with the open results period.
        Assert.NotNull(main.QuerySelector("#dashboard-coordinator"));
        Assert.Null(main.QuerySelector("#dashboard-officer"));
        Assert.Null(main.QuerySelector("#dashboard-member"));
        Assert.Null(main.QuerySelector("#dashboard-viewer"));
        Assert.Contains("2019년 추진 현황", main.QuerySelector("#coordinator-heading")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2099-01-31까지", main.QuerySelector("#dashboard-deadlines")!.TextContent, StringComparison.Ordinal);

        // Evaluation progress: counts and stages, never points (13.5 and the total 96.5 stay on the member's sheet).
        var evaluation = main.QuerySelector("#dashboard-evaluation")!.TextContent;
        Assert.Contains("위촉 2명", evaluation, StringComparison.Ordinal);
        Assert.Contains("이해충돌 확인 1명", evaluation, StringComparison.Ordinal);
        Assert.Contains("채점 제출 1명", evaluation, StringComparison.Ordinal);
        Assert.Contains("마감 전", evaluation, StringComparison.Ordinal);
        Assert.DoesNotContain(MarkerPoints, main.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("96.5", main.TextContent, StringComparison.Ordinal);
        Assert.Contains("2019년 평가: 자체평가", main.QuerySelector("#dashboard-deadlines")!.TextContent, StringComparison.Ordinal);

        // Status by department: the same counts as the status board.
        var board = await coordinator.GetDocumentAsync($"/results/{planId}/2019/board");
        var headers = main.QuerySelectorAll("#dashboard-departments thead th").Select(th => th.TextContent.Trim()).ToList();
        foreach (var row in main.QuerySelectorAll("#dashboard-departments tbody tr"))
        {
            var department = row.QuerySelector("th")!.TextContent.Trim();
            var onBoard = board.QuerySelectorAll("#board tbody tr").Where(tr => tr.Children[0].TextContent.Trim() == department).ToList();
            var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            for (var i = 0; i < 5; i++)
            {
                var status = headers[i + 1];
                Assert.Equal($"{onBoard.Count(tr => tr.Children[3].TextContent.Trim() == status)}건", cells[i]);
            }

            Assert.Equal($"{onBoard.Count}건", cells[5]);
        }

        Assert.Contains(main.QuerySelectorAll("#dashboard-departments tbody tr"), tr => tr.QuerySelector("th")!.TextContent.Trim() == PortalFactory.OwnDepartment && tr.Children[5].TextContent.Trim() != "0건");

        // The status chart right above that table: its data island holds the table's counts (the
        // same departments, statuses and order), and its canvas's summary gives the totals.
        var statusTable = home.StatusTable("dashboard-departments");
        var statusData = home.StatusData("chart-departments");
        Assert.Equal(["미작성", "작성중", "제출", "반려", "확정"], statusTable.Statuses);
        Assert.Equal(statusTable.Statuses, statusData.Statuses);
        Assert.Equal(statusTable.Rows.Select(r => r.Department), statusData.Rows.Select(r => r.Department));
        Assert.All(statusTable.Rows.Zip(statusData.Rows), pair => Assert.Equal(pair.First.Counts, pair.Second.Counts));
        home.AssertAccessibleCanvas("chart-departments", "dashboard-departments");
        var summary = home.QuerySelector("canvas#chart-departments")!.GetAttribute("aria-label")!;
        var running = main.QuerySelectorAll("#dashboard-departments tbody tr").Sum(tr => int.Parse(tr.Children[6].TextContent.Trim().TrimEnd('건'), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"누적 가로 막대 그래프, 주관부서 {statusTable.Rows.Count}개, 세부사업 {running}건", summary, StringComparison.Ordinal);
        int Sum(IEnumerable<string> counts) => counts.Sum(c => int.Parse(c.TrimEnd('건'), System.Globalization.CultureInfo.InvariantCulture));
        var byStatus = statusTable.Statuses.Select((status, i) => $"{status} {Sum(statusTable.Rows.Select(r => r.Counts[i]))}건");
        Assert.Contains($"상태별 {string.Join(", ", byStatus)}", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("확정 0건", summary, StringComparison.Ordinal);
        var chartBlock = home.QuerySelector("canvas#chart-departments")!.Closest(".portal-chart-block")!;
        Assert.NotNull(chartBlock.QuerySelector("table#dashboard-departments"));

        // Rates: the same figures as the rates page, per sub-project, per task and for the plan.
        var rates = await coordinator.GetDocumentAsync($"/results/{planId}/2019/rates");
        var subRows = home.ChartTable("chart-subprojects");
        var rateSubRows = rates.QuerySelectorAll("#rates tbody tr:not(.portal-subtotal)").Select(tr => Row(tr, 2, 5)).ToList();
        Assert.Equal(rateSubRows, subRows);
        Assert.Contains(subRows, r => r.Label.StartsWith("1-1 ", StringComparison.Ordinal) && r.Achievement == "50.0%");
        var taskRows = home.ChartTable("chart-tasks").Select(r => (r.Achievement, r.Execution)).ToList();
        var rateTaskRows = rates.QuerySelectorAll("#rates tbody tr.portal-subtotal").Select(tr => Row(tr, 2, 5)).Select(r => (r.Achievement, r.Execution)).ToList();
        Assert.Equal(rateTaskRows, taskRows);
        Assert.Equal(rates.QuerySelector("#plan-achievement")!.TextContent.Trim(), home.QuerySelector("#dashboard-plan-achievement")!.TextContent.Trim());
        Assert.Equal(rates.QuerySelector("#plan-execution")!.TextContent.Trim(), home.QuerySelector("#dashboard-plan-execution")!.TextContent.Trim());

        // The charts' data islands hold the same figures as their tables, and the canvases are labelled.
        foreach (var chart in new[] { "chart-tasks", "chart-subprojects" })
        {
            Assert.Equal(home.ChartTable(chart), home.ChartData(chart));
            home.AssertAccessibleCanvas(chart);
        }

        Assert.NotNull(home.QuerySelector("script[src^='/lib/chartjs/chart.umd.min.js']"));
        Assert.NotNull(home.QuerySelector("script[src^='/js/dashboard-charts.js']"));
    }

    [Fact]
    public async Task Viewer_SeesAShortSummaryOfConfirmedRates_AsTheRatesPageShowsThem()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.ConfirmResultsAsync("1-2", 2019, 1m);

        // A draft of 2-1 in 2019: the viewer may not see it, so it counts for nothing.
        await factory.OpenPeriodAsync(planId, 2019);
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        using (await officer.PostResultAsync($"/results/{planId}/2019/2-1", _ => []))
        {
        }

        var viewer = await factory.ClientForAsync(Roles.Viewer);
        var home = await viewer.GetDocumentAsync("/");
        var main = home.QuerySelector("main")!;
        Assert.NotNull(main.QuerySelector("#dashboard-viewer"));
        Assert.Null(main.QuerySelector("#dashboard-coordinator"));
        Assert.Null(main.QuerySelector("#dashboard-officer"));
        Assert.Null(main.QuerySelector("#dashboard-member"));
        Assert.Contains("성북구 사회적경제 기본계획", main.QuerySelector("#dashboard-viewer")!.TextContent, StringComparison.Ordinal);

        var rates = await viewer.GetDocumentAsync($"/results/{planId}/2019/rates");
        Assert.Equal(rates.QuerySelector("#plan-achievement")!.TextContent.Trim(), home.QuerySelector("#dashboard-plan-achievement")!.TextContent.Trim());
        Assert.Equal(rates.QuerySelector("#plan-execution")!.TextContent.Trim(), home.QuerySelector("#dashboard-plan-execution")!.TextContent.Trim());
        var rateTaskRows = rates.QuerySelectorAll("#rates tbody tr.portal-subtotal").Select(tr => Row(tr, 2, 5)).Select(r => (r.Achievement, r.Execution)).ToList();
        Assert.Equal(rateTaskRows, home.ChartTable("chart-tasks").Select(r => (r.Achievement, r.Execution)).ToList());
        Assert.Equal(home.ChartTable("chart-tasks"), home.ChartData("chart-tasks"));
        home.AssertAccessibleCanvas("chart-tasks");
    }

    [Fact]
    public async Task SubProjectPage_ChartsConfirmedYearsOnly_WithTheRatesPagesFigures()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.ConfirmResultsAsync("4-1", 2018, 0.5m);
        await factory.OpenPeriodAsync(planId, 2019);
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        using (await officer.PostResultAsync($"/results/{planId}/2019/4-1", _ => []))
        {
        }

        var coordinator = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var page = await coordinator.GetDocumentAsync($"/plans/{planId}/subprojects/4-1");
        var rows = page.ChartTable("chart-trend");
        Assert.Equal(page.ChartData("chart-trend"), rows);
        page.AssertAccessibleCanvas("chart-trend");

        // 2018 is confirmed: its figures are the rates page's; 2019 is a draft, not charted even for the coordinator.
        var rates = await coordinator.GetDocumentAsync($"/results/{planId}/2018/rates");
        var rateRow = rates.QuerySelectorAll("#rates tbody tr:not(.portal-subtotal)").Select(tr => Row(tr, 2, 5)).Single(r => r.Label.StartsWith("4-1 ", StringComparison.Ordinal));
        Assert.Contains(("2018년", rateRow.Achievement, rateRow.Execution), rows);
        Assert.Equal("50.0%", rateRow.Achievement);
        Assert.Contains(("2019년", "-", "-"), rows);
        Assert.Contains("확정 전", page.QuerySelectorAll("#chart-trend-table tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == "2019년").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("script[src^='/js/dashboard-charts.js']"));

        // A viewer reads the same confirmed figures.
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        Assert.Equal(rows, (await viewer.GetDocumentAsync($"/plans/{planId}/subprojects/4-1")).ChartTable("chart-trend"));
    }

    private static (string Label, string Achievement, string Execution) Row(IElement tr, int achievement, int execution) =>
        (tr.QuerySelector("th")!.TextContent.Trim(), tr.Children[achievement].TextContent.Trim(), tr.Children[execution].TextContent.Trim());
}
