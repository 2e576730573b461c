using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.AdminDepartments;

/// <summary>
/// 부서 관리: the signer's government's departments (Policies.ManageUsers: its 기관관리자,
/// and a 시스템관리자 for their own government). A department of another government is a
/// 404, like one that does not exist. Only <see cref="DepartmentEditModel"/> is bound.
/// </summary>
[Route("admin/departments")]
[Authorize(Policy = Policies.ManageUsers)]
public sealed class AdminDepartmentsController(DepartmentAdministration administration) : Controller
{
    public const string InputPrefix = "Input";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await administration.ListAsync(User.GovernmentId(), cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View(new NewDepartmentViewModel { GovernmentName = await administration.GovernmentNameAsync(User.GovernmentId(), cancellationToken) });

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = InputPrefix)] DepartmentEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var government = User.GovernmentId();
        if (ModelState.IsValid)
        {
            var result = await administration.CreateAsync(government, input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"부서 {input.Name.Trim()}을(를) 등록했습니다.";
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddErrors(result, InputPrefix);
        }

        return View(new NewDepartmentViewModel { GovernmentName = await administration.GovernmentNameAsync(government, cancellationToken), Input = input });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken cancellationToken) =>
        await administration.EditFormAsync(User.GovernmentId(), id, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, [Bind(Prefix = InputPrefix)] DepartmentEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var government = User.GovernmentId();
        var conflict = false;
        if (ModelState.IsValid)
        {
            var result = await administration.RenameAsync(government, id, input, cancellationToken);
            if (result.IsNotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["Notice"] = "부서명을 저장했습니다.";
                return RedirectToAction(nameof(Edit), new { id });
            }

            ModelState.AddErrors(result, InputPrefix);
            conflict = result.IsConflict;
        }

        var stored = await administration.EditFormAsync(government, id, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        if (conflict)
        {
            // The form now carries the newer version: saving again overwrites knowingly.
            ModelState.Remove($"{InputPrefix}.{nameof(DepartmentEditModel.Version)}");
            input.Version = stored.Input.Version;
        }

        return View(new DepartmentEditViewModel { Department = stored.Department, Input = input, ShowsConflict = conflict });
    }

    [HttpPost("{id:int}/deactivate")]
    public Task<IActionResult> Deactivate([FromRoute] int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: false, "부서를 비활성화했습니다. 그동안의 기록은 그대로 남고, 새 세부사업이나 계정에는 더 이상 고를 수 없습니다.", cancellationToken);

    [HttpPost("{id:int}/activate")]
    public Task<IActionResult> Activate([FromRoute] int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: true, "부서를 다시 활성화했습니다.", cancellationToken);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, string notice, CancellationToken cancellationToken)
    {
        var government = User.GovernmentId();
        var result = await administration.SetActiveAsync(government, id, active, cancellationToken);
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
        return await administration.EditFormAsync(government, id, cancellationToken) is { } model ? View(nameof(Edit), model) : NotFound();
    }
}
