using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Features.AdminUsers;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Features.PlanStructure;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Committee;

/// <summary>
/// 외부평가위원회 구성: the coordinator seats committee members (existing 평가위원 accounts or
/// outside experts created here), follows who has declared and submitted — never their
/// points — and closes the committee, which publishes the result.
/// </summary>
[Route("evaluations/{cycleId:int}/committee")]
[Authorize(Policy = Policies.RunEvaluations)]
public sealed class CommitteeController(AppDbContext db, UserManager<AppUser> users, UserAdministration administration, TimeProvider clock) : Controller
{
    private const string CommitteeView = "Committee";
    private const string PasswordKey = "Committee.TemporaryPassword";

    [HttpGet("")]
    public async Task<IActionResult> Index(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        return cycle is null ? NotFound() : View(CommitteeView, await ViewModelAsync(cycle, new ExpertEditModel(), TempData[PasswordKey] as string, cancellationToken));
    }

    [HttpPost("members")]
    public async Task<IActionResult> Add(int cycleId, [FromForm] string? userId, [FromForm] Guid version, CancellationToken cancellationToken)
    {
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || !user.IsActive || !await users.IsInRoleAsync(user, Roles.CommitteeMember))
        {
            ModelState.AddModelError("userId", "목록에 있는 평가위원을 고르세요.");
            return View(CommitteeView, await ViewModelAsync(cycle, new ExpertEditModel(), null, cancellationToken));
        }

        return await ChangeAsync(cycle, version, () => cycle.AddMember(user.Id, user.DisplayName), $"{user.DisplayName} 위원을 평가위원회에 넣었습니다.", cancellationToken);
    }

    [HttpPost("members/{seatId:int}/remove")]
    public async Task<IActionResult> Remove(int cycleId, int seatId, [FromForm] Guid version, CancellationToken cancellationToken)
    {
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        var seat = cycle?.Seats.FirstOrDefault(s => s.Id == seatId);
        if (cycle is null || seat is null)
        {
            return NotFound();
        }

        return await ChangeAsync(cycle, version, () => cycle.RemoveMember(seat), $"{seat.DisplayName} 위원을 평가위원회에서 뺐습니다.", cancellationToken);
    }

    /// <summary>An outside expert: a new 평가위원 account with a one-time password, seated at once.</summary>
    [HttpPost("experts")]
    public async Task<IActionResult> Expert(int cycleId, [Bind(Prefix = "Expert")] ExpertEditModel input, [FromForm] Guid version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        if (cycle.IsCommitteeClosed)
        {
            ModelState.AddModelError("Expert.UserName", "마감된 평가위원회에는 위원을 넣을 수 없습니다.");
        }

        if (version != cycle.Version)
        {
            ModelState.AddModelError("Expert.UserName", "이 화면을 연 뒤에 다른 사람이 평가위원회를 바꿨습니다. 목록을 확인하고 다시 하세요.");
        }

        if (!ModelState.IsValid)
        {
            return View(CommitteeView, await ViewModelAsync(cycle, input, null, cancellationToken));
        }

        var created = await administration.CreateAsync(
            new NewUserEditModel { UserName = input.UserName!, DisplayName = input.DisplayName!, Roles = [Roles.CommitteeMember] },
            User.GovernmentId(),
            cancellationToken);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Field == nameof(NewUserEditModel.DisplayName) ? "Expert.DisplayName" : "Expert.UserName", error.Message);
            }

            return View(CommitteeView, await ViewModelAsync(cycle, input, null, cancellationToken));
        }

        cycle.AddMember(created.UserId!, input.DisplayName!.Trim());
        await db.SaveChangesAsync(cancellationToken);
        TempData[PasswordKey] = created.TemporaryPassword;
        TempData["Notice"] = $"외부전문가 {input.DisplayName.Trim()}({input.UserName!.Trim()}) 계정을 만들고 평가위원회에 넣었습니다. 임시 비밀번호를 전달하세요.";
        return RedirectToAction(nameof(Index), new { cycleId });
    }

    [HttpPost("close")]
    public async Task<IActionResult> Close(int cycleId, [FromForm] Guid version, CancellationToken cancellationToken)
    {
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        var unsubmitted = cycle.Seats.Count(s => !s.IsSubmitted);
        var notice = unsubmitted > 0
            ? $"평가위원회를 마감했습니다. 제출하지 않은 위원 {unsubmitted}명의 점수는 집계에서 빠졌습니다."
            : "평가위원회를 마감했습니다. 이제 위원들의 점수와 의견이 공개됩니다.";
        return await ChangeAsync(cycle, version, () => cycle.CloseCommittee(clock.GetUtcNow().UtcDateTime), notice, cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(EvaluationCycle cycle, Guid version, Action change, string notice, CancellationToken cancellationToken)
    {
        try
        {
            if (version != cycle.Version)
            {
                throw new DomainException("이 화면을 연 뒤에 다른 사람이 평가위원회를 바꿨습니다. 목록을 확인하고 다시 하세요.");
            }

            change();
            await db.SaveChangesAsync(cancellationToken);
            TempData["Notice"] = notice;
        }
        catch (DomainException e)
        {
            TempData["Notice"] = e.Message;
        }
        catch (DbUpdateException)
        {
            TempData["Notice"] = "다른 사람이 먼저 평가위원회를 바꿨습니다. 목록을 확인하고 다시 하세요.";
        }

        return RedirectToAction(nameof(Index), new { cycleId = cycle.Id });
    }

    private async Task<CommitteeViewModel> ViewModelAsync(EvaluationCycle cycle, ExpertEditModel expert, string? password, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == cycle.PlanId, cancellationToken);
        var seated = cycle.Seats.Select(s => s.UserId).ToHashSet(StringComparer.Ordinal);
        var members = await users.GetUsersInRoleAsync(Roles.CommitteeMember);
        var candidates = members
            .Where(u => u.IsActive && !seated.Contains(u.Id))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal)
            .Select(u => new Option(u.Id, $"{u.DisplayName} ({u.UserName})"))
            .ToList();
        var rows = cycle.Seats.Select(s => new SeatRow(
                s.Id,
                s.DisplayName,
                s.DeclaredAtUtc is { } d ? Formats.KoreanTime(d) : "확인 전",
                s.SubmittedAtUtc is { } at ? Formats.KoreanTime(at) : s.Scores.Count > 0 ? "작성 중" : "시작 전",
                s.Scores.Count == 0 && !cycle.IsCommitteeClosed))
            .ToList();
        return new CommitteeViewModel(cycle.Id, cycle.Year, plan.Title, cycle.IsCommitteeClosed, ScoreAggregation.Label(cycle.Aggregation), rows, candidates, expert, password, cycle.Version);
    }
}
