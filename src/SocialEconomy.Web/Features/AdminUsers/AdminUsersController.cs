using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.AdminUsers;

/// <summary>
/// 사용자 관리: administrators create accounts, set names, roles and departments,
/// deactivate (never delete), reset passwords and unlock. Only the …EditModel classes are
/// bound, each under the "Input" prefix; the account is always the route's id
/// (<c>[FromRoute]</c>: a posted "id" field must not win over the URL).
/// </summary>
[Route("admin/users")]
[Authorize(Policy = Policies.ManageUsers)]
public sealed class AdminUsersController(
    UserAdministration administration,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn) : Controller
{
    public const string InputPrefix = "Input";
    public const string MovePrefix = "Move";
    private const string TemporaryPasswordKey = "AdminUsers.TemporaryPassword";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? q, [FromQuery] string? role, [FromQuery] string? status, [FromQuery] int? gov, CancellationToken cancellationToken) =>
        View(await administration.ListAsync(UserAdminScope.Of(User), q, role, status, gov, cancellationToken));

    /// <summary>A 시스템관리자 picks the government first (<paramref name="gov"/>): the departments offered are that government's.</summary>
    [HttpGet("new")]
    public async Task<IActionResult> Create([FromQuery] int? gov, CancellationToken cancellationToken)
    {
        var scope = UserAdminScope.Of(User);
        var model = await NewUserViewAsync(scope, new NewUserEditModel { LocalGovernmentId = gov }, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = InputPrefix)] NewUserEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        KoreanBindingErrors();
        var scope = UserAdminScope.Of(User);
        if (ModelState.IsValid)
        {
            var result = await administration.CreateAsync(scope, input, cancellationToken);
            if (result.Succeeded)
            {
                TempData[TemporaryPasswordKey] = result.TemporaryPassword;
                TempData["Notice"] = $"사용자 {input.UserName.Trim()}을(를) 등록했습니다.";
                return RedirectToAction(nameof(Edit), new { id = result.UserId });
            }

            AddErrors(result);
        }

        var model = await NewUserViewAsync(scope, input, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit([FromRoute] string id, CancellationToken cancellationToken)
    {
        var scope = UserAdminScope.Of(User);
        if (await administration.FactsAsync(scope, id, cancellationToken) is null)
        {
            return NotFound();
        }

        // Read (and so removed) only for a page that is drawn: the temporary password is shown once.
        var password = TempData[TemporaryPasswordKey] as string;
        return await administration.EditFormAsync(scope, id, password, cancellationToken) is { } model ? View(model) : NotFound();
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit([FromRoute] string id, [Bind(Prefix = InputPrefix)] UserEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        KoreanBindingErrors();
        var scope = UserAdminScope.Of(User);
        UserConflict? conflict = null;
        if (ModelState.IsValid)
        {
            var result = await administration.UpdateAsync(scope, id, input, cancellationToken);
            if (result.IsNotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                await RefreshOwnSessionAsync(id, scope.UserId);
                TempData["Notice"] = "사용자 정보를 저장했습니다. 역할이나 부서를 바꿨다면 그 사용자의 열려 있던 로그인은 바로 종료되고, 다시 로그인하면 바뀐 권한이 적용됩니다.";
                return RedirectToAction(nameof(Edit), new { id });
            }

            AddErrors(result);
            if (result.Conflict is not null)
            {
                // The form now carries the newer stamp: saving again overwrites knowingly.
                conflict = result.Conflict;
                ModelState.Remove($"{InputPrefix}.{nameof(UserEditModel.ConcurrencyStamp)}");
                input.ConcurrencyStamp = result.CurrentConcurrencyStamp;
            }
        }

        var account = await administration.FactsAsync(scope, id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        return View(await administration.EditViewAsync(scope, account, input, conflict, null, null, cancellationToken));
    }

    /// <summary>Moving a person to another government is the 시스템관리자's alone (Policies.ManageGovernments: the platform's work).</summary>
    [HttpPost("{id}/move")]
    [Authorize(Policy = Policies.ManageGovernments)]
    public async Task<IActionResult> Move([FromRoute] string id, [Bind(Prefix = MovePrefix)] MoveUserEditModel move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(move);
        ModelState.KoreanBindingError($"{MovePrefix}.{nameof(MoveUserEditModel.LocalGovernmentId)}", UserAdministration.GovernmentUnknown, MoveUserEditModel.GovernmentRequired);
        var scope = UserAdminScope.Of(User);
        if (ModelState.IsValid)
        {
            var result = await administration.MoveAsync(scope, id, move, cancellationToken);
            if (result.IsNotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["Notice"] = "소속 기관을 옮겼습니다. 역할과 부서는 모두 해제되었으니 새 기관에서 맡을 역할과 부서를 다시 정하세요. 이 사용자의 열려 있던 로그인은 바로 종료됩니다.";
                return RedirectToAction(nameof(Edit), new { id });
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : $"{MovePrefix}.{error.Field}", error.Message);
            }
        }

        var model = await administration.EditFormAsync(scope, id, null, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        return View(nameof(Edit), await administration.EditViewAsync(scope, model.Account, model.Input, null, move, null, cancellationToken));
    }

    [HttpPost("{id}/deactivate")]
    public Task<IActionResult> Deactivate([FromRoute] string id, CancellationToken cancellationToken) =>
        AccountCommandAsync(id, administration.SetActiveAsync(UserAdminScope.Of(User), id, active: false, cancellationToken), "계정을 비활성화했습니다. 이 사용자는 더 이상 로그인할 수 없고, 열려 있던 로그인은 바로 종료됩니다.", cancellationToken);

    [HttpPost("{id}/activate")]
    public Task<IActionResult> Activate([FromRoute] string id, CancellationToken cancellationToken) =>
        AccountCommandAsync(id, administration.SetActiveAsync(UserAdminScope.Of(User), id, active: true, cancellationToken), "계정을 다시 활성화했습니다.", cancellationToken);

    [HttpPost("{id}/reset-password")]
    public Task<IActionResult> ResetPassword([FromRoute] string id, CancellationToken cancellationToken) =>
        AccountCommandAsync(id, administration.ResetPasswordAsync(UserAdminScope.Of(User), id, cancellationToken), "비밀번호를 초기화했습니다. 아래 임시 비밀번호를 사용자에게 전달하세요.", cancellationToken);

    [HttpPost("{id}/unlock")]
    public Task<IActionResult> Unlock([FromRoute] string id, CancellationToken cancellationToken) =>
        AccountCommandAsync(id, administration.UnlockAsync(UserAdminScope.Of(User), id, cancellationToken), "계정 잠금을 풀었습니다.", cancellationToken);

    /// <summary>The new-account page around what was typed; null when the government asked for does not exist.</summary>
    private async Task<NewUserViewModel?> NewUserViewAsync(UserAdminScope scope, NewUserEditModel input, CancellationToken cancellationToken)
    {
        var government = await administration.NewAccountGovernmentAsync(scope, input.LocalGovernmentId, cancellationToken);
        if (government is null)
        {
            return null;
        }

        input.LocalGovernmentId = government.Id;
        return new NewUserViewModel
        {
            Input = input,
            Government = government,
            Governments = scope.IsSystemAdmin ? await administration.GovernmentChoicesAsync(activeOnly: true, cancellationToken) : [],
            Departments = await administration.DepartmentOptionsAsync(government.Id, null, cancellationToken),
            GrantableRoles = scope.GrantableRoles,
        };
    }

    /// <summary>Post/redirect/get for the account buttons; a refusal is shown on the edit page.</summary>
    private async Task<IActionResult> AccountCommandAsync(string id, Task<UserCommandResult> command, string notice, CancellationToken cancellationToken)
    {
        var result = await command;
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            if (result.TemporaryPassword is not null)
            {
                TempData[TemporaryPasswordKey] = result.TemporaryPassword;
            }

            TempData["Notice"] = notice;
            return RedirectToAction(nameof(Edit), new { id });
        }

        AddErrors(result);
        var model = await administration.EditFormAsync(UserAdminScope.Of(User), id, null, cancellationToken);
        return model is null ? NotFound() : View(nameof(Edit), model);
    }

    private async Task RefreshOwnSessionAsync(string id, string? me)
    {
        // Editing oneself renews one's own stamp; a fresh cookie keeps this session valid.
        if (string.Equals(id, me, StringComparison.Ordinal) && await users.GetUserAsync(User) is { } self)
        {
            await signIn.RefreshSignInAsync(self);
        }
    }

    private void AddErrors(UserCommandResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : $"{InputPrefix}.{error.Field}", error.Message);
        }
    }

    /// <summary>
    /// Model binding's own message for a department id that is not a number is English;
    /// only a tampered form sends one, and it gets the field's Korean message.
    /// </summary>
    private void KoreanBindingErrors()
    {
        var key = $"{InputPrefix}.{nameof(UserDetailsEditModel.DepartmentIds)}";
        if (ModelState.TryGetValue(key, out var entry)
            && entry.Errors.Any(e => e.ErrorMessage is not (UserDetailsEditModel.DepartmentRequired or UserDetailsEditModel.DepartmentUnknown)))
        {
            entry.Errors.Clear();
            entry.Errors.Add(UserDetailsEditModel.DepartmentUnknown);
        }
    }
}
