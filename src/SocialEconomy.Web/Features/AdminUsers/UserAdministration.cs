using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Auditing;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.AdminUsers;

/// <summary>
/// The administrator's account work: list, create, edit, deactivate, reset, unlock. Accounts
/// are never deleted (their audit trail and results keep naming them). Each command is one
/// transaction; SaveBookkeeping writes the data audit rows of every save inside it, and resets
/// and unlocks add an event row of their own.
/// </summary>
public sealed class UserAdministration(AppDbContext db, UserManager<AppUser> users, AuditLog audit, ILogger<UserAdministration> log, TimeProvider clock)
{
    public const int SearchTextMaxLength = 100;
    public const string SelfDeactivation = "자기 계정은 비활성화할 수 없습니다. 다른 관리자에게 요청하세요.";
    public const string SelfAdminRemoval = "자기 계정의 시스템관리자 역할은 해제할 수 없습니다. 다른 관리자에게 요청하세요.";
    public const string SelfReset = "자기 비밀번호는 초기화하지 말고 비밀번호 변경 화면에서 바꾸세요.";
    public const string Conflict = "다른 관리자가 먼저 이 사용자를 수정했습니다. 현재 저장된 값을 확인한 뒤 다시 저장하세요.";
    public const string AdminRoleRefused = "시스템관리자 역할은 시스템관리자만 줄 수 있습니다.";
    public const string GovernmentUnknown = "목록에 있는 기관만 고를 수 있습니다.";
    public const string SelfMove = "자기 계정은 다른 기관으로 옮길 수 없습니다. 다른 시스템관리자에게 요청하세요.";
    public const string SameGovernment = "이미 그 기관의 계정입니다. 다른 기관을 고르세요.";

    public async Task<UserListViewModel> ListAsync(UserAdminScope scope, string? text, string? role, string? status, int? government, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var search = (text ?? string.Empty).Trim();
        search = search.Length > SearchTextMaxLength ? search[..SearchTextMaxLength] : search;
        var roleFilter = role is not null && Roles.All.Contains(role, StringComparer.Ordinal) ? role : null;
        var statusFilter = UserStatusText.Parse(status);

        var governmentFilter = scope.IsSystemAdmin ? government : null;
        var query = Reachable(scope).AsNoTracking();
        if (governmentFilter is not null)
        {
            query = query.Where(u => u.LocalGovernmentId == governmentFilter);
        }

        if (search.Length > 0)
        {
            // User names are matched through their normalized (upper-case) form, so case does not matter.
            var normalized = search.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(normalized) || u.DisplayName.Contains(search));
        }

        if (roleFilter is not null)
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == roleFilter)));
        }

        var found = await query
            .OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.IsActive, u.LockoutEnd, Government = u.LocalGovernment!.ShortName })
            .ToListAsync(cancellationToken);

        // SQLite cannot compare DateTimeOffset values, so the status is decided here; a
        // district has hundreds of accounts at most.
        var now = clock.GetUtcNow();
        var rows = found
            .Select(u => (User: u, Status: UserStatusText.Of(u.IsActive, u.LockoutEnd, now)))
            .Where(r => statusFilter is null || r.Status == statusFilter)
            .ToList();
        var ids = rows.Select(r => r.User.Id).ToList();
        var roles = await RoleLabelsAsync(ids, cancellationToken);
        var departments = await DepartmentLabelsAsync(ids, cancellationToken);
        var items = rows.Select(r => new UserListItem(
                r.User.Id,
                r.User.UserName ?? string.Empty,
                r.User.DisplayName,
                roles.GetValueOrDefault(r.User.Id, []),
                departments.GetValueOrDefault(r.User.Id, []),
                r.Status,
                r.User.Government))
            .ToList();
        return new UserListViewModel(search, roleFilter, statusFilter is null ? null : status, items, items.Count)
        {
            Government = governmentFilter,
            Governments = scope.IsSystemAdmin ? await GovernmentChoicesAsync(activeOnly: false, cancellationToken) : [],
        };
    }

    /// <summary>Governments by name, for the list's filter (all) or for new and moved accounts (active ones).</summary>
    public async Task<IReadOnlyList<GovernmentChoice>> GovernmentChoicesAsync(bool activeOnly, CancellationToken cancellationToken) =>
        await db.LocalGovernments.AsNoTracking()
            .Where(g => !activeOnly || g.IsActive)
            .OrderBy(g => g.Name)
            .Select(g => new GovernmentChoice(g.Id, g.Name))
            .ToListAsync(cancellationToken);

    /// <summary>The government a new account of this administrator goes to: the chosen one for a 시스템관리자, else their own; null when unknown.</summary>
    public async Task<GovernmentChoice?> NewAccountGovernmentAsync(UserAdminScope scope, int? chosen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var id = scope.IsSystemAdmin ? chosen ?? scope.GovernmentId : scope.GovernmentId;
        return await db.LocalGovernments.AsNoTracking().Where(g => g.Id == id).Select(g => new GovernmentChoice(g.Id, g.Name)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The government's active departments, and any inactive one the account still has (so it can be seen and removed).</summary>
    public async Task<IReadOnlyList<DepartmentOption>> DepartmentOptionsAsync(int governmentId, string? userId, CancellationToken cancellationToken)
    {
        var assigned = userId is null ? [] : await db.UserDepartments.Where(d => d.UserId == userId).Select(d => d.DepartmentId).ToListAsync(cancellationToken);
        return await DepartmentsOf(governmentId).AsNoTracking()
            .Where(d => d.IsActive || assigned.Contains(d.Id))
            .OrderBy(d => d.LocalGovernment.ShortName).ThenBy(d => d.Name)
            .Select(d => new DepartmentOption(d.Id, d.LocalGovernment.ShortName + " " + d.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<UserAccountFacts?> FactsAsync(UserAdminScope scope, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var user = await Reachable(scope).AsNoTracking().Include(u => u.LocalGovernment).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var status = UserStatusText.Of(user.IsActive, user.LockoutEnd, clock.GetUtcNow());
        return new UserAccountFacts(
            user.Id,
            user.UserName ?? string.Empty,
            user.DisplayName,
            status,
            user.LockoutEnd is { } end && end > clock.GetUtcNow() ? Formats.KoreanTime(end.UtcDateTime) : null,
            user.MustChangePassword,
            Formats.KoreanTime(user.CreatedAtUtc),
            scope.IsSelf(user.Id),
            user.LocalGovernmentId,
            user.LocalGovernment?.Name ?? string.Empty);
    }

    /// <summary>The edit page as stored now.</summary>
    public async Task<UserEditViewModel?> EditFormAsync(UserAdminScope scope, string id, string? temporaryPassword, CancellationToken cancellationToken)
    {
        var facts = await FactsAsync(scope, id, cancellationToken);
        if (facts is null)
        {
            return null;
        }

        var stamp = await db.Users.Where(u => u.Id == id).Select(u => u.ConcurrencyStamp).SingleAsync(cancellationToken);
        var input = new UserEditModel
        {
            DisplayName = facts.DisplayName,
            Roles = await RoleNamesAsync(id, cancellationToken),
            DepartmentIds = await db.UserDepartments.Where(d => d.UserId == id).Select(d => d.DepartmentId).ToListAsync(cancellationToken),
            ConcurrencyStamp = stamp,
        };
        return await EditViewAsync(scope, facts, input, null, null, temporaryPassword, cancellationToken);
    }

    /// <summary>The edit page around what was typed (and a conflict, if any).</summary>
    public async Task<UserEditViewModel> EditViewAsync(UserAdminScope scope, UserAccountFacts facts, UserEditModel input, UserConflict? conflict, MoveUserEditModel? move, string? temporaryPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(facts);
        return new UserEditViewModel
        {
            Account = facts,
            Input = input,
            Departments = await DepartmentOptionsAsync(facts.GovernmentId, facts.Id, cancellationToken),
            GrantableRoles = scope.GrantableRoles,
            Conflict = conflict,
            MoveTargets = scope.IsSystemAdmin && !facts.IsSelf
                ? (await GovernmentChoicesAsync(activeOnly: true, cancellationToken)).Where(g => g.Id != facts.GovernmentId).ToList()
                : [],
            Move = move ?? new MoveUserEditModel { ConcurrencyStamp = input.ConcurrencyStamp },
            TemporaryPassword = temporaryPassword,
        };
    }

    /// <summary>An administrator's new account: in their own government, or (시스템관리자) in the active government chosen.</summary>
    public async Task<UserCommandResult> CreateAsync(UserAdminScope scope, NewUserEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        if (!scope.IsSystemAdmin && input.IncludesRole(Roles.Admin))
        {
            return UserCommandResult.Failed(nameof(input.Roles), AdminRoleRefused);
        }

        var governmentId = scope.IsSystemAdmin ? input.LocalGovernmentId ?? scope.GovernmentId : scope.GovernmentId;
        var government = await db.LocalGovernments.AsNoTracking().SingleOrDefaultAsync(g => g.Id == governmentId, cancellationToken);
        if (government is null)
        {
            return UserCommandResult.Failed(string.Empty, GovernmentUnknown);
        }

        if (!government.IsActive)
        {
            return UserCommandResult.Failed(string.Empty, InactiveGovernment(government.Name));
        }

        return await CreateAsync(input, government.Id, cancellationToken);
    }

    /// <summary>An account of the government given, which the caller has decided (an administrator's scope, the committee page's signer).</summary>
    public async Task<UserCommandResult> CreateAsync(NewUserEditModel input, int localGovernmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var departments = await DepartmentsAsync(localGovernmentId, input.DepartmentIds, new HashSet<int>(), cancellationToken);
        if (departments is null)
        {
            return UserCommandResult.Failed(nameof(input.DepartmentIds), UserDetailsEditModel.DepartmentUnknown);
        }

        var user = new AppUser(input.UserName.Trim(), input.DisplayName.Trim(), localGovernmentId) { MustChangePassword = true };
        user.SetDepartments(departments);
        var password = TemporaryPassword.Generate();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, InRoleOrder(input.Roles));
        }

        if (!result.Succeeded)
        {
            return Failed(result, nameof(input.UserName));
        }

        await transaction.CommitAsync(cancellationToken);
        log.LogInformation("Created user {UserId} with roles {Roles}", user.Id, InRoleOrder(input.Roles));
        return UserCommandResult.Ok(user.Id, password);
    }

    public async Task<UserCommandResult> UpdateAsync(UserAdminScope scope, string id, UserEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        var user = await Reachable(scope).Include(u => u.Departments).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return UserCommandResult.NotFound;
        }

        if (input.ConcurrencyStamp is { Length: > 0 } stamp && !string.Equals(stamp, user.ConcurrencyStamp, StringComparison.Ordinal))
        {
            return UserCommandResult.Conflicted(Conflict, await ConflictAsync(user, cancellationToken), user.ConcurrencyStamp);
        }

        var wantedRoles = InRoleOrder(input.Roles);
        if (!scope.IsSystemAdmin && wantedRoles.Contains(Roles.Admin, StringComparer.Ordinal))
        {
            return UserCommandResult.Failed(nameof(input.Roles), AdminRoleRefused);
        }

        var currentRoles = await users.GetRolesAsync(user);
        if (scope.IsSelf(id)
            && currentRoles.Contains(Roles.Admin, StringComparer.Ordinal)
            && !wantedRoles.Contains(Roles.Admin, StringComparer.Ordinal))
        {
            return UserCommandResult.Failed(nameof(input.Roles), SelfAdminRemoval);
        }

        var before = user.Departments.Select(d => d.DepartmentId).ToHashSet();
        var departments = await DepartmentsAsync(user.LocalGovernmentId, input.DepartmentIds, before, cancellationToken);
        if (departments is null)
        {
            return UserCommandResult.Failed(nameof(input.DepartmentIds), UserDetailsEditModel.DepartmentUnknown);
        }

        var removed = currentRoles.Except(wantedRoles, StringComparer.Ordinal).ToList();
        var added = wantedRoles.Except(currentRoles, StringComparer.Ordinal).ToList();
        var accessChanged = removed.Count > 0 || added.Count > 0 || !before.SetEquals(departments.Select(d => d.Id));
        user.DisplayName = input.DisplayName.Trim();
        user.SetDepartments(departments);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = IdentityResult.Success;
        if (removed.Count > 0)
        {
            result = await users.RemoveFromRolesAsync(user, removed);
        }

        if (result.Succeeded && added.Count > 0)
        {
            result = await users.AddToRolesAsync(user, added);
        }

        if (result.Succeeded)
        {
            // A new stamp ends the user's open sessions at their next request (SessionCheck);
            // the next sign-in carries the new roles and departments.
            result = accessChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        }

        if (!result.Succeeded)
        {
            return Failed(result, string.Empty);
        }

        await transaction.CommitAsync(cancellationToken);
        log.LogInformation("Updated user {UserId}; access changed: {AccessChanged}", user.Id, accessChanged);
        return UserCommandResult.Ok(user.Id);
    }

    public async Task<UserCommandResult> SetActiveAsync(UserAdminScope scope, string id, bool active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var user = await Reachable(scope).Include(u => u.LocalGovernment).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return UserCommandResult.NotFound;
        }

        if (!active && scope.IsSelf(id))
        {
            return UserCommandResult.Failed(string.Empty, SelfDeactivation);
        }

        if (user.IsActive == active)
        {
            return UserCommandResult.Ok(user.Id);
        }

        // A deactivated government has no one at work (GovernmentAdministration refuses otherwise) and gets no one back.
        if (active && user.LocalGovernment is { IsActive: false } closed)
        {
            return UserCommandResult.Failed(string.Empty, InactiveGovernment(closed.Name));
        }

        user.IsActive = active;

        // Deactivation also ends the sessions the user has open: the stamp no longer matches.
        var result = active ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return Failed(result, string.Empty);
        }

        log.LogInformation("User {UserId} is now {State}", user.Id, active ? "active" : "inactive");
        return UserCommandResult.Ok(user.Id);
    }

    /// <summary>
    /// A new temporary password, shown once to the administrator; the user must choose a
    /// new one at the next sign-in, and every open session of theirs ends (new stamp).
    /// </summary>
    public async Task<UserCommandResult> ResetPasswordAsync(UserAdminScope scope, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var user = await Reachable(scope).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return UserCommandResult.NotFound;
        }

        if (scope.IsSelf(id))
        {
            // The temporary password would be shown on a page the forced change keeps them from.
            return UserCommandResult.Failed(string.Empty, SelfReset);
        }

        var password = TemporaryPassword.Generate();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.PreviousPasswordHash = user.PasswordHash;
        user.MustChangePassword = true;

        // Validates the new password, stores its hash, renews the stamp and saves, in one go.
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return Failed(result, string.Empty);
        }

        await audit.WriteAsync(AuditAction.PasswordReset, userName: user.UserName, userId: user.Id, localGovernmentId: user.LocalGovernmentId, detail: $"by {scope.UserName}", cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        log.LogInformation("Password of user {UserId} reset by {AdminId}", user.Id, scope.UserId);
        return UserCommandResult.Ok(user.Id, password);
    }

    public async Task<UserCommandResult> UnlockAsync(UserAdminScope scope, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var user = await Reachable(scope).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return UserCommandResult.NotFound;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            return Failed(result, string.Empty);
        }

        await audit.WriteAsync(AuditAction.Unlocked, userName: user.UserName, userId: user.Id, localGovernmentId: user.LocalGovernmentId, detail: $"by {scope.UserName}", cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        log.LogInformation("User {UserId} unlocked", user.Id);
        return UserCommandResult.Ok(user.Id);
    }

    /// <summary>
    /// Moves an account to another government (시스템관리자 only). Every role and department
    /// is removed, since each was held in the old government, and must be given again there;
    /// the new stamp ends the person's sessions (SessionCheck would too: their government
    /// claim no longer matches). Both governments' audit trails get a row naming the move.
    /// </summary>
    public async Task<UserCommandResult> MoveAsync(UserAdminScope scope, string id, MoveUserEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        if (!scope.IsSystemAdmin)
        {
            return UserCommandResult.NotFound;
        }

        var user = await Reachable(scope).Include(u => u.Departments).Include(u => u.LocalGovernment).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return UserCommandResult.NotFound;
        }

        if (scope.IsSelf(id))
        {
            return UserCommandResult.Failed(string.Empty, SelfMove);
        }

        if (input.ConcurrencyStamp is { Length: > 0 } stamp && !string.Equals(stamp, user.ConcurrencyStamp, StringComparison.Ordinal))
        {
            return UserCommandResult.Conflicted(Conflict, await ConflictAsync(user, cancellationToken), user.ConcurrencyStamp);
        }

        var target = await db.LocalGovernments.AsNoTracking().SingleOrDefaultAsync(g => g.Id == input.LocalGovernmentId && g.IsActive, cancellationToken);
        if (target is null)
        {
            return UserCommandResult.Failed(nameof(input.LocalGovernmentId), GovernmentUnknown);
        }

        if (target.Id == user.LocalGovernmentId)
        {
            return UserCommandResult.Failed(nameof(input.LocalGovernmentId), SameGovernment);
        }

        var from = user.LocalGovernment!;
        var roles = await users.GetRolesAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = roles.Count > 0 ? await users.RemoveFromRolesAsync(user, roles) : IdentityResult.Success;
        if (result.Succeeded)
        {
            user.SetDepartments([]);
            user.LocalGovernmentId = target.Id;
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return Failed(result, string.Empty);
        }

        var detail = $"소속 기관 변경: {from.Name} → {target.Name} (역할 {(roles.Count == 0 ? "없음" : string.Join(", ", InRoleOrder(roles).Select(Roles.Label)))}·부서 해제), 처리자 {scope.UserName}";
        await audit.WriteAsync(AuditAction.Updated, userName: user.UserName, userId: user.Id, localGovernmentId: from.Id, detail: detail, cancellationToken: cancellationToken);
        await audit.WriteAsync(AuditAction.Updated, userName: user.UserName, userId: user.Id, localGovernmentId: target.Id, detail: detail, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        log.LogInformation("User {UserId} moved from government {From} to {To} by {AdminId}", user.Id, from.Id, target.Id, scope.UserId);
        return UserCommandResult.Ok(user.Id);
    }

    private static string InactiveGovernment(string name) => $"{name}은(는) 비활성 기관이라 계정을 만들거나 활성화할 수 없습니다.";

    /// <summary>The accounts this administrator reaches (see <see cref="UserAdminScope"/>); accounts are not behind the query filters, so this is the scope.</summary>
    private IQueryable<AppUser> Reachable(UserAdminScope scope) =>
        scope.IsSystemAdmin
            ? db.Users
            : db.Users.Where(u => u.LocalGovernmentId == scope.GovernmentId
                && !db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)));

    /// <summary>
    /// An account's government's departments. The query filters would show only the signer's
    /// government's; a 시스템관리자 administers accounts of every government, and the
    /// government asked for here is always that of an account the scope has admitted (for a
    /// 기관관리자, their own), so lifting the filter widens nothing else.
    /// </summary>
    private IQueryable<Department> DepartmentsOf(int governmentId) =>
        db.Departments.IgnoreQueryFilters().Where(d => d.LocalGovernmentId == governmentId);

    private static List<string> InRoleOrder(IEnumerable<string>? roles)
    {
        var wanted = (roles ?? []).ToHashSet(StringComparer.Ordinal);
        return Roles.All.Where(wanted.Contains).ToList();
    }

    /// <summary>The departments chosen, tracked (the account will point at them); null when one is unknown or closed.</summary>
    private async Task<List<Department>?> DepartmentsAsync(int governmentId, IEnumerable<int>? ids, IReadOnlySet<int> alreadyAssigned, CancellationToken cancellationToken)
    {
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var kept = alreadyAssigned.ToList();
        var found = await DepartmentsOf(governmentId).Where(d => wanted.Contains(d.Id) && (d.IsActive || kept.Contains(d.Id))).ToListAsync(cancellationToken);
        return found.Count == wanted.Count ? found : null;
    }

    private async Task<List<string>> RoleNamesAsync(string userId, CancellationToken cancellationToken)
    {
        var names = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
            .ToListAsync(cancellationToken);
        return InRoleOrder(names.OfType<string>());
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> RoleLabelsAsync(List<string> userIds, CancellationToken cancellationToken)
    {
        var pairs = await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)InRoleOrder(g.Select(p => p.Name).OfType<string>()).Select(Roles.Label).ToList(),
            StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> DepartmentLabelsAsync(List<string> userIds, CancellationToken cancellationToken)
    {
        // The ids are of accounts the scope admitted; a 시스템관리자's list shows other governments' departments too.
        var pairs = await db.UserDepartments.IgnoreQueryFilters().Where(d => userIds.Contains(d.UserId))
            .Select(d => new { d.UserId, Organization = d.Department.LocalGovernment.ShortName, d.Department.Name })
            .ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)g.Select(p => $"{p.Organization} {p.Name}").Order(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
    }

    private async Task<UserConflict> ConflictAsync(AppUser user, CancellationToken cancellationToken)
    {
        var roles = await RoleNamesAsync(user.Id, cancellationToken);
        var departments = await DepartmentLabelsAsync([user.Id], cancellationToken);
        return new UserConflict(user.DisplayName, roles.Select(Roles.Label).ToList(), departments.GetValueOrDefault(user.Id, []));
    }

    /// <summary>Identity's messages are Korean already (KoreanIdentityErrorDescriber); user-name ones go beside that field.</summary>
    private UserCommandResult Failed(IdentityResult result, string userNameField)
    {
        // Nothing of a failed command may be saved by a later save of this request.
        db.ChangeTracker.Clear();
        return UserCommandResult.Failed(result.Errors.Select(e => new UserFieldError(
            e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) ? userNameField : string.Empty,
            e.Description)).ToList());
    }
}

/// <summary>A message for one field of the form (by its property name) or, with an empty name, for the whole form.</summary>
public sealed record UserFieldError(string Field, string Message);

public sealed class UserCommandResult
{
    public static UserCommandResult NotFound { get; } = new() { IsNotFound = true };

    public bool IsNotFound { get; private init; }

    public IReadOnlyList<UserFieldError> Errors { get; private init; } = [];

    public string? UserId { get; private init; }

    /// <summary>Only after a creation or a reset; shown once and never stored in clear.</summary>
    public string? TemporaryPassword { get; private init; }

    public UserConflict? Conflict { get; private init; }

    public string? CurrentConcurrencyStamp { get; private init; }

    public bool Succeeded => !IsNotFound && Errors.Count == 0;

    public static UserCommandResult Ok(string userId, string? temporaryPassword = null) =>
        new() { UserId = userId, TemporaryPassword = temporaryPassword };

    public static UserCommandResult Failed(string field, string message) => Failed([new UserFieldError(field, message)]);

    public static UserCommandResult Failed(IReadOnlyList<UserFieldError> errors) => new() { Errors = errors };

    public static UserCommandResult Conflicted(string message, UserConflict conflict, string? currentStamp) =>
        new() { Errors = [new UserFieldError(string.Empty, message)], Conflict = conflict, CurrentConcurrencyStamp = currentStamp };
}
