using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.AdminGovernments;

/// <summary>
/// 기관 관리: the 시스템관리자 creates governments, edits their names, code and 시·도, and
/// deactivates (never deletes) them. Only the …EditModel classes are bound, under "Input";
/// the government is always the route's id.
/// </summary>
[Route("admin/governments")]
[Authorize(Policy = Policies.ManageGovernments)]
public sealed class AdminGovernmentsController(GovernmentAdministration administration) : Controller
{
    public const string InputPrefix = "Input";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await administration.ListAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View(new NewGovernmentViewModel { Parents = await administration.ParentOptionsAsync(null, cancellationToken) });

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = InputPrefix)] NewGovernmentEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        KoreanBindingErrors();
        ModelState.KoreanBindingError($"{InputPrefix}.{nameof(NewGovernmentEditModel.Level)}", NewGovernmentEditModel.LevelRequired, NewGovernmentEditModel.LevelRequired);
        if (ModelState.IsValid)
        {
            var result = await administration.CreateAsync(input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"기관 {input.Name.Trim()}을(를) 등록했습니다. 기본 평가지표도 함께 만들었습니다. 이제 이 기관의 기관관리자 계정을 사용자 관리에서 등록하세요.";
                return RedirectToAction(nameof(Edit), new { id = result.Id });
            }

            ModelState.AddErrors(result, InputPrefix);
        }

        return View(new NewGovernmentViewModel { Input = input, Parents = await administration.ParentOptionsAsync(null, cancellationToken) });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken cancellationToken) =>
        await administration.EditFormAsync(id, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, [Bind(Prefix = InputPrefix)] GovernmentEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        KoreanBindingErrors();
        var conflict = false;
        if (ModelState.IsValid)
        {
            var result = await administration.UpdateAsync(id, input, cancellationToken);
            if (result.IsNotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["Notice"] = "기관 정보를 저장했습니다.";
                return RedirectToAction(nameof(Edit), new { id });
            }

            ModelState.AddErrors(result, InputPrefix);
            conflict = result.IsConflict;
        }

        var facts = await administration.FactsAsync(id, cancellationToken);
        if (facts is null)
        {
            return NotFound();
        }

        if (conflict)
        {
            // The form now carries the newer version: saving again overwrites knowingly.
            ModelState.Remove($"{InputPrefix}.{nameof(GovernmentEditModel.Version)}");
            input.Version = facts.Version;
        }

        return View(new GovernmentEditViewModel
        {
            Government = facts,
            Input = input,
            Parents = await administration.ParentOptionsAsync(input.ParentId, cancellationToken),
            ShowsConflict = conflict,
        });
    }

    [HttpPost("{id:int}/deactivate")]
    public Task<IActionResult> Deactivate([FromRoute] int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: false, "기관을 비활성화했습니다. 그동안의 기록은 그대로 남고, 이 기관에는 새 계정을 만들 수 없습니다.", cancellationToken);

    [HttpPost("{id:int}/activate")]
    public Task<IActionResult> Activate([FromRoute] int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: true, "기관을 다시 활성화했습니다.", cancellationToken);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, string notice, CancellationToken cancellationToken)
    {
        var result = await administration.SetActiveAsync(id, active, cancellationToken);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Notice"] = notice;
            return RedirectToAction(nameof(Edit), new { id });
        }

        ModelState.AddErrors(result, InputPrefix);
        return await administration.EditFormAsync(id, cancellationToken) is { } model ? View(nameof(Edit), model) : NotFound();
    }

    /// <summary>A 시·도 id that is not a number comes only from a tampered form; it gets the field's Korean message.</summary>
    private void KoreanBindingErrors() =>
        ModelState.KoreanBindingError($"{InputPrefix}.{nameof(GovernmentDetailsEditModel.ParentId)}", GovernmentDetailsEditModel.ParentUnknown);
}
