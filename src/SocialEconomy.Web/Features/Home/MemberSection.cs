using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Home;

/// <summary>One evaluation the member is seated on, and the one thing to do next there.</summary>
public sealed record MemberRow(int CycleId, string PlanTitle, int Year, string State, string ActionText, string ExternalBy, bool Closed);

/// <summary>
/// 평가위원: the committees they are seated on, newest first. Only their own seat's state is
/// read (declared, submitted), never anyone's points.
/// </summary>
public sealed record MemberSection(IReadOnlyList<MemberRow> Rows)
{
    public static async Task<MemberSection> BuildAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var userId = user.UserId();
        if (userId is null)
        {
            return new MemberSection([]);
        }

        var seats = await db.CommitteeSeats.AsNoTracking()
            .Where(s => s.UserId == userId)
            .Select(s => new
            {
                s.CycleId,
                s.DeclaredAtUtc,
                s.SubmittedAtUtc,
                s.Cycle.Year,
                s.Cycle.ExternalBy,
                s.Cycle.CommitteeClosedAtUtc,
                s.Cycle.SelfStage,
                PlanTitle = db.Plans.Where(p => p.Id == s.Cycle.PlanId).Select(p => p.Title).First(),
            })
            .ToListAsync(cancellationToken);
        return new MemberSection(seats
            .OrderByDescending(s => s.Year).ThenByDescending(s => s.CycleId)
            .Select(s =>
            {
                // A closed committee's row links to the external result, every other to the score sheet (_Member.cshtml).
                var (state, text) = (s.CommitteeClosedAtUtc, s.DeclaredAtUtc, s.SubmittedAtUtc) switch
                {
                    ({ }, _, _) => ("평가 마감", "외부평가 결과 보기"),
                    (null, null, _) => ("이해충돌 여부 확인 전", "이해충돌 없음 확인하기"),
                    (null, { }, null) => (s.SelfStage == SelfStage.Locked ? "채점할 차례" : "자체평가 확정 대기", "채점하기"),
                    _ => ("제출 완료 (마감 전까지 고칠 수 있음)", "제출한 채점표 보기"),
                };
                return new MemberRow(s.CycleId, s.PlanTitle, s.Year, state, text, Formats.Date(s.ExternalBy), s.CommitteeClosedAtUtc is not null);
            })
            .ToList());
    }
}
