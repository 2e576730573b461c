using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Evaluations;

/// <summary>Arranging evaluations of the seeded plan, and posting their forms as the pages do.</summary>
public static class EvaluationsHttp
{
    /// <summary>A year's evaluation started in the database, as POST /evaluations does.</summary>
    public static Task<int> StartCycleAsync(this PortalFactory factory, int year) =>
        factory.WithDbAsync(async db =>
        {
            var plan = await db.Plans.OrderBy(p => p.Id).FirstAsync();
            var defaults = await db.EvaluationFrameworks.WithItems().Where(f => f.IsDefault).ToListAsync();
            var cycle = new EvaluationCycle(plan, year, defaults.Single(f => f.Kind == FrameworkKind.Self), defaults.Single(f => f.Kind == FrameworkKind.External));
            db.EvaluationCycles.Add(cycle);
            await db.SaveChangesAsync();
            return cycle.Id;
        });

    /// <summary>
    /// Confirmed results of a sub-project for a year, every numeric actual at <paramref name="share"/>
    /// of its target (text targets judged achieved), as the review would leave them.
    /// </summary>
    public static Task ConfirmResultsAsync(this PortalFactory factory, string code, int year, decimal share) =>
        factory.WithDbAsync(async db =>
        {
            var sub = await db.SubProjects
                .Include(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
                .Include(s => s.ActionItems).ThenInclude(a => a.Milestones).ThenInclude(m => m.Entries)
                .Include(s => s.BudgetLines).ThenInclude(b => b.Amounts)
                .Include(s => s.Task).ThenInclude(t => t.Plan)
                .AsSplitQuery()
                .SingleAsync(s => s.Code == code);
            var period = await db.ResultsPeriods.FirstOrDefaultAsync(p => p.PlanId == sub.Task.PlanId && p.Year == year)
                ?? db.ResultsPeriods.Add(new ResultsPeriod(sub.Task.Plan, year, new DateOnly(2099, 1, 31), DateTime.UtcNow)).Entity;
            var result = new YearResult(sub, year);
            foreach (var indicator in sub.ActionItems.Where(a => a.Years.Contains(year)).SelectMany(a => a.Indicators))
            {
                var target = indicator.TargetFor(year);
                var actual = target.Number is { } n ? (n * share).ToString(CultureInfo.InvariantCulture) : target.Format(CultureInfo.InvariantCulture);
                result.RecordIndicator(indicator, target.IsEmpty ? null : actual, Judgement.Achieved);
            }

            foreach (var line in sub.BudgetLines.Where(l => !l.IsNonBudget && l.Amounts.Any(a => a.Year == year)))
            {
                result.RecordExecution(line, "1");
            }

            foreach (var milestone in sub.ActionItems.Where(a => a.Years.Contains(year)).SelectMany(a => a.Milestones))
            {
                result.RecordMilestone(milestone, MilestoneState.Done, null);
            }

            result.SetNarratives("평가 시험용 추진실적", null, null);
            db.YearResults.Add(result);
            result.Submit(period, "test", DateTime.UtcNow);
            result.Confirm("test", DateTime.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>A new committee-member account seated in the year's committee (declared or not), signed in.</summary>
    public static async Task<(HttpClient Client, string UserId)> SeatMemberAsync(this PortalFactory factory, int cycleId, string name, bool declared = true)
    {
        var userName = $"m-{Guid.NewGuid():N}"[..20];
        var user = await factory.CreateUserAsync(userName, Roles.CommitteeMember);
        await factory.WithDbAsync(async db =>
        {
            var cycle = await db.CycleAsync(cycleId, CancellationToken.None);
            var seat = cycle!.AddMember(user.Id, name);
            if (declared)
            {
                seat.Declare(true, null, DateTime.UtcNow);
            }

            await db.SaveChangesAsync();
            return 0;
        });
        return (await factory.SignInAsync(userName), user.Id);
    }

    /// <summary>Item ids of a year's framework in their printed order.</summary>
    public static Task<List<int>> ItemIdsAsync(this PortalFactory factory, int cycleId, FrameworkKind kind) =>
        factory.WithDbAsync(async db =>
        {
            var cycle = await db.CycleAsync(cycleId, CancellationToken.None);
            return (kind == FrameworkKind.Self ? cycle!.SelfFramework : cycle!.ExternalFramework).Items.Select(i => i.Id).ToList();
        });

    /// <summary>Posts the form whose action ends with <paramref name="actionSuffix"/> on <paramref name="url"/> with some fields changed.</summary>
    public static async Task<HttpResponseMessage> PostPageFormAsync(this HttpClient client, string url, string actionSuffix, Dictionary<string, string> changes)
    {
        var page = await client.GetDocumentAsync(url);
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action")?.EndsWith(actionSuffix, StringComparison.Ordinal) == true)
            ?? throw new InvalidOperationException($"{url} has no form posting to …{actionSuffix}; the page shows: {page.QuerySelector("main")?.TextContent.Trim()}");
        var action = form.GetAttribute("action")!;
        var fields = page.FormFields($"form[action='{action}']");
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Scores typed into a sheet: points (and comments) per item id.</summary>
    public static Dictionary<string, string> Scores(IReadOnlyList<int> items, params string[] points)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count && i < points.Length; i++)
        {
            fields[$"Scores[{items[i]}].Points"] = points[i];
        }

        return fields;
    }
}
