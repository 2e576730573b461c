using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Evaluations;

/// <summary>
/// Every date people type for a plan stays within its range (PlanDates, issue 15 item 10):
/// for the seeded 2017–2020 plan, 2016-01-01 to 2025-12-31 on a day of 2024 (later, up to
/// the end of next year). Outside, the date is refused beside its field and nothing changes.
/// </summary>
public class PlanDatesTests(PlanDatesTests.Factory factory) : IClassFixture<PlanDatesTests.Factory>
{
    /// <summary>A day when the seed plan's own range (to 2025) is the whole range.</summary>
    public sealed class Factory() : FixedClockFactory(new DateTimeOffset(2024, 6, 3, 1, 0, 0, TimeSpan.Zero));

    private const string Range = "2016-01-01부터 2025-12-31까지의 날짜로 입력하세요";

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("2015-12-31")]
    [InlineData("2026-01-01")]
    [InlineData("9999-12-31")]
    public async Task FollowUpDueDate_OutsideThePlansRange_IsRefusedBesideIt(string due)
    {
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var finding = $"기한 시험 {due}";

        using var response = await coordinator.PostPageFormAsync("/follow-ups", "/follow-ups", await FollowUpAsync(finding, due));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.StartsWith($"조치 기한은(는) {Range}", document.QuerySelector("#Input_DueDate-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(due, document.QuerySelector("#Input_DueDate")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.FollowUpActions.AnyAsync(a => a.Finding == finding)));
    }

    [Theory]
    [InlineData("2016-01-01")]
    [InlineData("2025-12-31")]
    public async Task FollowUpDueDate_AtTheEndsOfTheRange_IsStored(string due)
    {
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var finding = $"기한 시험 {due}";

        using var response = await coordinator.PostPageFormAsync("/follow-ups", "/follow-ups", await FollowUpAsync(finding, due));

        Assert.True(response.IsRedirectTo("/follow-ups"), $"{response.StatusCode}");
        Assert.Equal(DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture), await factory.WithDbAsync(db => db.FollowUpActions.Where(a => a.Finding == finding).Select(a => a.DueDate).SingleAsync()));
    }

    [Fact]
    public async Task EvaluationCalendar_OutsideThePlansRange_IsRefusedBesideTheField_NothingChanges()
    {
        var cycleId = await factory.StartCycleAsync(2019);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var url = $"/evaluations/{cycleId}";
        var before = await factory.WithDbAsync(db => db.EvaluationCycles.Where(c => c.Id == cycleId).Select(c => new { c.PlanBy, c.ExternalBy }).SingleAsync());

        using var response = await coordinator.PostPageFormAsync(url, "/calendar", new() { ["Calendar.PlanBy"] = "0001-01-01", ["Calendar.ExternalBy"] = "2099-04-30" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.StartsWith($"평가계획 수립일은(는) {Range}", document.QuerySelector("#Calendar_PlanBy-error")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith($"외부평가 기한은(는) {Range}", document.QuerySelector("#Calendar_ExternalBy-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0001-01-01", document.QuerySelector("#Calendar_PlanBy")!.GetAttribute("value"));
        var after = await factory.WithDbAsync(db => db.EvaluationCycles.Where(c => c.Id == cycleId).Select(c => new { c.PlanBy, c.ExternalBy }).SingleAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ResultsDeadline_OutsideThePlansRange_IsRefused_WhenOpeningAndWhenReopening()
    {
        var planId = await factory.SeededPlanIdAsync();
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var plan = planId.ToString(CultureInfo.InvariantCulture);

        using (var refused = await coordinator.PostFormAsync("/results", "/results/periods", new() { ["Input.PlanId"] = plan, ["Input.Year"] = "2019", ["Input.Deadline"] = "0001-01-01" }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.StartsWith($"제출 기한은(는) {Range}", (await refused.DocumentAsync()).QuerySelector("#Input_Deadline-error")!.TextContent, StringComparison.Ordinal);
        }

        Assert.False(await factory.WithDbAsync(db => db.ResultsPeriods.AnyAsync(p => p.PlanId == planId && p.Year == 2019)));

        // A closed period reopened with a deadline out of range stays closed, and says why.
        var periodId = await factory.OpenPeriodAsync(planId, 2018, new DateOnly(2019, 1, 31));
        await factory.WithDbAsync(async db =>
        {
            (await db.ResultsPeriods.SingleAsync(p => p.Id == periodId)).Close(DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        using (var farAway = await coordinator.PostFormAsync("/results", $"/results/periods/{periodId}/reopen", new() { ["deadline"] = "2099-01-31" }))
        {
            Assert.True(farAway.IsRedirectTo("/results"));
        }

        Assert.StartsWith($"새 제출 기한은(는) {Range}", (await coordinator.GetDocumentAsync("/results")).QuerySelector(".portal-notice")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ResultsPeriods.Where(p => p.Id == periodId).Select(p => p.IsOpen).SingleAsync()));

        using (var reopened = await coordinator.PostFormAsync("/results", $"/results/periods/{periodId}/reopen", new() { ["deadline"] = "2021-03-15" }))
        {
            Assert.True(reopened.IsRedirectTo("/results"));
        }

        Assert.True(await factory.WithDbAsync(db => db.ResultsPeriods.Where(p => p.Id == periodId).Select(p => p.IsOpen).SingleAsync()));
    }

    private async Task<Dictionary<string, string>> FollowUpAsync(string finding, string due)
    {
        var planId = await factory.SeededPlanIdAsync();
        var departmentId = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == PortalFactory.OwnDepartment).Select(d => d.Id).SingleAsync());
        return new()
        {
            ["Input.PlanId"] = planId.ToString(CultureInfo.InvariantCulture),
            ["Input.Source"] = "External",
            ["Input.Year"] = "2019",
            ["Input.DepartmentId"] = departmentId.ToString(CultureInfo.InvariantCulture),
            ["Input.Finding"] = finding,
            ["Input.DueDate"] = due,
        };
    }
}
