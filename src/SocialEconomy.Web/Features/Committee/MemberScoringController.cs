using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Features.SelfEvaluations;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Committee;

/// <summary>
/// 외부평가 채점: a seated member declares no conflict of interest, then scores every item
/// with comments, saves and comes back, and submits. Nothing of another member's sheet is
/// ever on this page; everyone but the seated member gets 403.
/// </summary>
[Route("evaluations/{cycleId:int}/score")]
public sealed class MemberScoringController(AppDbContext db, TimeProvider clock) : Controller
{
    private const string ScoringView = "Scoring";

    [HttpGet("")]
    public async Task<IActionResult> Index(int cycleId, CancellationToken cancellationToken)
    {
        var (cycle, seat) = await LoadAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        return seat is null ? Forbid() : View(ScoringView, await ViewModelAsync(cycle, seat, null, null, cancellationToken));
    }

    [HttpPost("declare")]
    public async Task<IActionResult> Declare(int cycleId, [FromForm] bool noConflict, [FromForm, Display(Name = "덧붙일 내용")] string? note, CancellationToken cancellationToken)
    {
        var (cycle, seat) = await LoadAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        if (seat is null)
        {
            return Forbid();
        }

        // A note TextRules refused leaves the seat as it was. Once declared the box is gone from
        // the page: a refusal then goes above the sheet.
        if (ModelState.IsValid)
        {
            ModelState.TryApply(() => seat.Declare(noConflict, note, clock.GetUtcNow().UtcDateTime), seat.IsDeclared ? "Scores" : "noConflict");
        }

        if (!ModelState.IsValid)
        {
            return View(ScoringView, await ViewModelAsync(cycle, seat, null, null, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = "이해충돌 없음을 확인했습니다. 이제 채점할 수 있습니다.";
        return RedirectToAction(nameof(Index), new { cycleId });
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(int cycleId, MemberScoresEditModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (cycle, seat) = await LoadAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        if (seat is null)
        {
            return Forbid();
        }

        if (form.Version != seat.Version)
        {
            // Another window of the same member saved first: the typed sheet stays, beside the saved one.
            ModelState.AddModelError("Scores", "이 채점표를 다른 창에서 먼저 저장했습니다. 입력한 점수는 그대로 두었고, 저장된 점수를 함께 보여 드립니다. 비교한 뒤 다시 저장하세요.");
            ViewData["ShowSaved"] = true;
            form.Version = seat.Version;
            return View(ScoringView, await ViewModelAsync(cycle, seat, form, null, cancellationToken));
        }

        if (ModelState.Values.SelectMany(v => v.Errors).FirstOrDefault() is { } refused)
        {
            // A character TextRules refuses: nothing is saved, the typed sheet comes back with why.
            ModelState.AddModelError("Scores", refused.ErrorMessage);
            return View(ScoringView, await ViewModelAsync(cycle, seat, form, null, cancellationToken));
        }

        IReadOnlyDictionary<int, string> problems;
        try
        {
            problems = cycle.SaveMemberScores(seat.UserId, form.Scores.ToDictionary(p => p.Key, p => p.Value.ToInput()), form.Submit, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("Scores", e.Message);
            return View(ScoringView, await ViewModelAsync(cycle, seat, form, null, cancellationToken));
        }

        if (problems.Count > 0)
        {
            ModelState.AddModelError("Scores", $"점수 {problems.Count}곳을 고쳐야 {(form.Submit ? "제출" : "저장")}할 수 있습니다. 아무것도 저장하지 않았습니다.");
            return View(ScoringView, await ViewModelAsync(cycle, seat, form, problems, cancellationToken));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            TempData["Notice"] = "다른 창에서 먼저 저장했습니다. 지금 저장된 점수를 확인하고 다시 저장하세요.";
            return RedirectToAction(nameof(Index), new { cycleId });
        }

        TempData["Notice"] = form.Submit
            ? $"점수를 제출했습니다. 합계 {Formats.Points(seat.Total)}. 위원회 마감 전까지는 고쳐서 다시 제출할 수 있습니다."
            : "임시 저장했습니다. 나중에 이어서 채점하고 제출하세요.";
        return RedirectToAction(nameof(Index), new { cycleId });
    }

    private async Task<(EvaluationCycle? Cycle, CommitteeSeat? Seat)> LoadAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        var userId = User.UserId();
        return (cycle, cycle is not null && userId is not null && User.IsInRole(Roles.CommitteeMember) ? cycle.SeatOf(userId) : null);
    }

    private async Task<ScoringViewModel> ViewModelAsync(EvaluationCycle cycle, CommitteeSeat seat, MemberScoresEditModel? typed, IReadOnlyDictionary<int, string>? problems, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == cycle.PlanId, cancellationToken);
        var lines = cycle.ExternalFramework.Items.Select(item =>
        {
            var saved = seat.ScoreFor(item.Id);
            return new MemberScoreLine(
                item,
                typed?.Scores.GetValueOrDefault(item.Id) ?? new ScoreInputModel { Points = Formats.PointsInput(saved?.Points), Comment = saved?.Comment },
                problems?.GetValueOrDefault(item.Id),
                $"{Formats.Points(saved?.Points)}{(saved?.Comment is null ? null : $" · {saved.Comment}")}");
        }).ToList();
        var max = cycle.ExternalFramework.BonusPoints > 0
            ? $"{Formats.Points(cycle.ExternalFramework.BasePoints)} + 가점 {Formats.Points(cycle.ExternalFramework.BonusPoints)}"
            : Formats.Points(cycle.ExternalFramework.BasePoints);
        return new ScoringViewModel(
            cycle.Id, cycle.PlanId, cycle.Year, plan.Title, seat.DisplayName, seat.IsDeclared, seat.IsSubmitted, cycle.IsCommitteeClosed, cycle.SelfStage == SelfStage.Locked,
            lines, Formats.Points(seat.Scores.Count > 0 ? seat.Total : null), max, typed?.Version ?? seat.Version);
    }
}
