using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Evaluations;

/// <summary>
/// 평가지표: every signed-in role reads a framework (items, points, sub-criteria, bands);
/// the T/F edits the defaults and a year's copy until its first score freezes it.
/// </summary>
[Route("evaluations/frameworks/{frameworkId:int}")]
public sealed class FrameworksController(AppDbContext db) : Controller
{
    private const string FrameworkView = "Framework";

    [HttpGet("")]
    public async Task<IActionResult> Show(int frameworkId, CancellationToken cancellationToken)
    {
        var framework = await LoadAsync(frameworkId, cancellationToken);
        return framework is null ? NotFound() : View(FrameworkView, await ViewModelAsync(framework, null, null, null, cancellationToken));
    }

    [HttpPost("items")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public Task<IActionResult> Add(int frameworkId, [Bind(Prefix = "NewItem")] ItemEditModel input, CancellationToken cancellationToken) =>
        ChangeAsync(frameworkId, input, "NewItem", null, (f, draft) => f.AddItem(draft), "평가항목을 추가했습니다.", cancellationToken);

    [HttpPost("items/{evaluationItemId:int}")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public Task<IActionResult> Edit(int frameworkId, int evaluationItemId, [Bind(Prefix = "Item")] ItemEditModel input, CancellationToken cancellationToken) =>
        ChangeAsync(frameworkId, input, "Item", evaluationItemId, (f, draft) => f.EditItem(f.Items.First(i => i.Id == evaluationItemId), draft), "평가항목을 저장했습니다.", cancellationToken);

    [HttpPost("items/{evaluationItemId:int}/remove")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public async Task<IActionResult> Remove(int frameworkId, int evaluationItemId, [FromForm] Guid version, CancellationToken cancellationToken)
    {
        var framework = await LoadAsync(frameworkId, cancellationToken);
        var item = framework?.Items.FirstOrDefault(i => i.Id == evaluationItemId);
        if (framework is null || item is null)
        {
            return NotFound();
        }

        try
        {
            EnsureVersion(framework, version);
            framework.RemoveItem(item);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Notice"] = $"평가항목 '{item.Indicator}'을(를) 삭제했습니다.";
        }
        catch (DomainException e)
        {
            TempData["Notice"] = e.Message;
        }

        return RedirectToAction(nameof(Show), new { frameworkId });
    }

    [HttpPost("bands")]
    [Authorize(Policy = Policies.RunEvaluations)]
    public async Task<IActionResult> Bands(int frameworkId, [Bind(Prefix = "Bands")] BandsEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var framework = await LoadAsync(frameworkId, cancellationToken);
        if (framework is null)
        {
            return NotFound();
        }

        if (Frozen(framework) is { } frozen)
        {
            return frozen;
        }

        var bands = new List<(decimal, decimal)>();
        for (var row = 0; row < Math.Min(BandsEditModel.Rows, Math.Max(input.MinRates.Count, input.Points.Count)); row++)
        {
            var rate = input.MinRates.ElementAtOrDefault(row);
            var points = input.Points.ElementAtOrDefault(row);
            if (string.IsNullOrWhiteSpace(rate) && string.IsNullOrWhiteSpace(points))
            {
                continue;
            }

            if (!ScoreRules.TryReadPoints(rate, out var r))
            {
                ModelState.AddModelError($"Bands.MinRates[{row}]", "달성률 하한을 숫자로 입력하세요. 예: 90");
            }
            else if (!ScoreRules.TryReadPoints(points, out var p))
            {
                ModelState.AddModelError($"Bands.Points[{row}]", "점수를 숫자로 입력하세요. 예: 27");
            }
            else
            {
                bands.Add((r, p));
            }
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(
                () =>
                {
                    EnsureVersion(framework, input.Version);
                    framework.SetBands(bands);
                },
                "Bands");
        }

        if (!ModelState.IsValid)
        {
            return View(FrameworkView, await ViewModelAsync(framework, null, null, input, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = "목표의 달성도 배점 기준을 저장했습니다.";
        return RedirectToAction(nameof(Show), new { frameworkId });
    }

    private async Task<IActionResult> ChangeAsync(int frameworkId, ItemEditModel input, string prefix, int? itemId, Action<EvaluationFramework, ItemDraft> change, string done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var framework = await LoadAsync(frameworkId, cancellationToken);
        if (framework is null || itemId is { } id && framework.Items.All(i => i.Id != id))
        {
            return NotFound();
        }

        if (Frozen(framework) is { } frozen)
        {
            return frozen;
        }

        if (!ScoreRules.TryReadPoints(input.MaxPoints, out var points) && ModelState.IsValid)
        {
            ModelState.AddModelError($"{prefix}.MaxPoints", "배점을 숫자로 입력하세요. 예: 10 또는 7.5");
        }

        if (!Enum.IsDefined(input.Role))
        {
            ModelState.AddModelError($"{prefix}.Role", "항목의 쓰임을 고르세요.");
        }

        if (input.Version != framework.Version)
        {
            // Kept as typed with the current version: saving again is a deliberate choice.
            ModelState.AddModelError($"{prefix}.Area", "이 화면을 연 뒤에 다른 사람이 평가지표를 바꿨습니다. 입력한 값은 그대로 두었습니다. 위 표의 현재 내용을 확인하고 다시 저장하세요.");
            input.Version = framework.Version;
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(
                () =>
                {
                    change(framework, new ItemDraft(input.Area, input.Name, input.Indicator, input.Criteria, points, input.IsBonus, input.Role, input.Topic));
                },
                $"{prefix}.Area");
        }

        if (!ModelState.IsValid)
        {
            return View(FrameworkView, await ViewModelAsync(framework, itemId is null ? input : null, itemId is null ? null : (itemId.Value, input), null, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = done;
        return RedirectToAction(nameof(Show), new { frameworkId });
    }

    /// <summary>A frozen table has no forms; a post from a page opened before the first score is answered with the reason.</summary>
    private RedirectToActionResult? Frozen(EvaluationFramework framework)
    {
        try
        {
            framework.EnsureEditable();
            return null;
        }
        catch (DomainException e)
        {
            TempData["Notice"] = e.Message;
            return RedirectToAction(nameof(Show), new { frameworkId = framework.Id });
        }
    }

    private static void EnsureVersion(EvaluationFramework framework, Guid version)
    {
        if (version != framework.Version)
        {
            throw new DomainException("이 화면을 연 뒤에 다른 사람이 평가지표를 바꿨습니다. 지금 저장된 내용을 확인하고 다시 저장하세요.");
        }
    }

    private Task<EvaluationFramework?> LoadAsync(int frameworkId, CancellationToken cancellationToken) =>
        db.EvaluationFrameworks.WithItems().FirstOrDefaultAsync(f => f.Id == frameworkId, cancellationToken);

    private async Task<FrameworkViewModel> ViewModelAsync(EvaluationFramework framework, ItemEditModel? newItem, (int Id, ItemEditModel Form)? edited, BandsEditModel? bands, CancellationToken cancellationToken)
    {
        var cycle = await db.EvaluationCycles.AsNoTracking()
            .Where(c => c.SelfFrameworkId == framework.Id || c.ExternalFrameworkId == framework.Id)
            .Select(c => new { c.Id, c.Year })
            .FirstOrDefaultAsync(cancellationToken);
        var rows = framework.Items
            .Select(i => new ItemRow(i, edited is { } e && e.Id == i.Id ? e.Form : ItemEditModel.From(i, framework.Version)))
            .ToList();
        var shownBands = bands is null
            ? framework.Bands.Select(b => (Formats.PointsInput(b.MinRate), Formats.PointsInput(b.Points))).ToList()
            : Enumerable.Range(0, BandsEditModel.Rows).Select(i => (bands.MinRates.ElementAtOrDefault(i) ?? string.Empty, bands.Points.ElementAtOrDefault(i) ?? string.Empty)).ToList();
        var link = EvaluationsController.Link(framework);
        return new FrameworkViewModel(
            framework.Id,
            framework.Title,
            link.Kind,
            framework.IsDefault,
            framework.IsFrozen,
            cycle?.Id,
            cycle?.Year,
            link.Points,
            framework.Version,
            rows,
            newItem ?? new ItemEditModel { Version = framework.Version, MaxPoints = "10" },
            shownBands,
            framework.AchievementItem is not null,
            edited?.Id);
    }
}
