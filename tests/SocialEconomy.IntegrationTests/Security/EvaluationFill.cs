using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Security;

/// <summary>
/// Evaluation data for the authorization matrix: a year being scored whose committee is
/// open, with the matrix's committee member (the one account of that role the matrix signs
/// in, t-committeemember-…) seated and declared, a 총괄평가 with one panel seat (a throwaway
/// coordinator), and a follow-up action for the coordinating office.
/// </summary>
public sealed record EvaluationFill(int CycleId, int FrameworkId, int ItemId, int SeatId, int PanelSeatId, int FollowUpId)
{
    public static async Task<EvaluationFill> CreateAsync(PortalFactory factory, int planId, int year)
    {
        ArgumentNullException.ThrowIfNull(factory);

        // The clients are cached per role: the matrix signs in as these very accounts.
        await factory.ClientForAsync(Roles.CommitteeMember);
        await factory.ClientForAsync(Roles.Coordinator);
        return await factory.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            var defaults = await db.EvaluationFrameworks.WithItems().Where(f => f.IsDefault).ToListAsync();
            var cycle = new EvaluationCycle(plan, year, defaults.Single(f => f.Kind == FrameworkKind.Self), defaults.Single(f => f.Kind == FrameworkKind.External));
            var member = await db.Users.Where(u => u.UserName!.StartsWith("t-committeemember-")).SingleAsync();
            var seat = cycle.AddMember(member.Id, member.DisplayName);
            seat.Declare(true, null, DateTime.UtcNow);
            var comprehensive = new ComprehensiveEvaluation(plan, plan.Period.First + 2, new DateOnly(2026, 1, 1));
            var panelist = await db.Users.Where(u => u.UserName!.StartsWith("t-coordinator-")).FirstAsync();
            comprehensive.AddPanelist(panelist.Id, panelist.DisplayName);
            var department = await db.Departments.SingleAsync(d => d.Name == PortalFactory.OwnDepartment);
            var action = new FollowUpAction(plan.Id, FindingSource.Self, year - 1, null, "행렬 시험용 지적사항", department, new DateOnly(2099, 6, 30));
            db.AddRange(cycle, comprehensive, action);
            await db.SaveChangesAsync();
            return new EvaluationFill(cycle.Id, cycle.SelfFramework.Id, cycle.SelfFramework.Items[0].Id, seat.Id, comprehensive.Panel[0].Id, action.Id);
        });
    }
}
