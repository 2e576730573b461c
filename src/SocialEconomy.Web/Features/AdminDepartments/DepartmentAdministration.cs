using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.AdminDepartments;

/// <summary>
/// A government's departments, administered by its 기관관리자 (and by a 시스템관리자 for
/// their own government). Every query is of the signer's government: the query filters
/// already say so, and the explicit condition keeps it so should a filter ever be lifted.
/// Departments are never deleted: sub-projects, results and accounts keep naming them.
/// </summary>
public sealed class DepartmentAdministration(AppDbContext db, ILogger<DepartmentAdministration> log)
{
    public const string Conflict = "다른 관리자가 먼저 이 부서를 수정했습니다. 현재 저장된 부서명을 확인한 뒤 다시 저장하세요.";

    public async Task<string> GovernmentNameAsync(int governmentId, CancellationToken cancellationToken) =>
        await db.LocalGovernments.Where(g => g.Id == governmentId).Select(g => g.Name).SingleAsync(cancellationToken);

    public async Task<DepartmentListViewModel> ListAsync(int governmentId, CancellationToken cancellationToken)
    {
        var departments = await ItemsAsync(governmentId, null, cancellationToken);
        return new DepartmentListViewModel(await GovernmentNameAsync(governmentId, cancellationToken), departments);
    }

    public async Task<DepartmentListItem?> FindAsync(int governmentId, int id, CancellationToken cancellationToken) =>
        (await ItemsAsync(governmentId, id, cancellationToken)).SingleOrDefault();

    public async Task<DepartmentEditViewModel?> EditFormAsync(int governmentId, int id, CancellationToken cancellationToken)
    {
        var stored = await Own(governmentId).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (stored is null || await FindAsync(governmentId, id, cancellationToken) is not { } item)
        {
            return null;
        }

        return new DepartmentEditViewModel { Department = item, Input = new DepartmentEditModel { Name = stored.Name, Version = stored.Version } };
    }

    public async Task<AdminCommandResult> CreateAsync(int governmentId, DepartmentEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var government = await db.LocalGovernments.SingleAsync(g => g.Id == governmentId, cancellationToken);
        if (!government.IsActive)
        {
            return AdminCommandResult.Failed(string.Empty, $"{government.Name}은(는) 비활성 기관이라 부서를 만들 수 없습니다.");
        }

        if (await DuplicateAsync(governmentId, null, input.Name, cancellationToken) is { } duplicate)
        {
            return AdminCommandResult.Failed(nameof(input.Name), duplicate);
        }

        Department department;
        try
        {
            department = new Department(government, input.Name);
        }
        catch (DomainException e)
        {
            return AdminCommandResult.Failed(nameof(input.Name), e.Message);
        }

        db.Departments.Add(department);
        if (await SaveAsync(governmentId, null, input.Name, cancellationToken) is { } failed)
        {
            return failed;
        }

        log.LogInformation("Created department {DepartmentId} in government {GovernmentId}", department.Id, governmentId);
        return AdminCommandResult.Ok(department.Id);
    }

    public async Task<AdminCommandResult> RenameAsync(int governmentId, int id, DepartmentEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var department = await Own(governmentId).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (department is null)
        {
            return AdminCommandResult.NotFound;
        }

        if (input.Version != department.Version)
        {
            return AdminCommandResult.Conflicted(Conflict);
        }

        if (await DuplicateAsync(governmentId, id, input.Name, cancellationToken) is { } duplicate)
        {
            return AdminCommandResult.Failed(nameof(input.Name), duplicate);
        }

        try
        {
            department.Rename(input.Name);
        }
        catch (DomainException e)
        {
            return AdminCommandResult.Failed(nameof(input.Name), e.Message);
        }

        // The version read with the form: a save between this read and this write is refused too.
        db.Entry(department).Property(d => d.Version).OriginalValue = input.Version;
        if (await SaveAsync(governmentId, id, input.Name, cancellationToken) is { } failed)
        {
            return failed;
        }

        log.LogInformation("Renamed department {DepartmentId}", id);
        return AdminCommandResult.Ok(id);
    }

    /// <summary>
    /// Deactivation is refused while the department still has work: it leads or owns
    /// something of a plan that is not closed, or active accounts are bound to it. Once
    /// deactivated it keeps its history and the pickers stop offering it.
    /// </summary>
    public async Task<AdminCommandResult> SetActiveAsync(int governmentId, int id, bool active, CancellationToken cancellationToken)
    {
        var department = await Own(governmentId).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (department is null)
        {
            return AdminCommandResult.NotFound;
        }

        if (department.IsActive == active)
        {
            return AdminCommandResult.Ok(id);
        }

        if (!active && await StillUsedAsync(department, cancellationToken) is { } inUse)
        {
            return AdminCommandResult.Failed(string.Empty, inUse);
        }

        department.SetActive(active);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AdminCommandResult.Conflicted(Conflict);
        }

        log.LogInformation("Department {DepartmentId} is now {State}", id, active ? "active" : "inactive");
        return AdminCommandResult.Ok(id);
    }

    private async Task<string?> StillUsedAsync(Department department, CancellationToken cancellationToken)
    {
        var subProjects = await db.SubProjects
            .Where(s => s.LeadDepartmentId == department.Id && s.Task.Plan.Status != PlanStatus.Closed)
            .OrderBy(s => s.Code)
            .Select(s => s.Code + " " + s.Name)
            .ToListAsync(cancellationToken);
        var plans = await db.Plans
            .Where(p => p.OwningDepartmentId == department.Id && p.Status != PlanStatus.Closed)
            .Select(p => p.Title)
            .ToListAsync(cancellationToken);
        var users = await ActiveUsersOf(department.Id).CountAsync(cancellationToken);
        var uses = new List<string>();
        if (subProjects.Count > 0)
        {
            uses.Add($"종료되지 않은 계획의 세부사업 {string.Join(", ", subProjects.Take(5))}{(subProjects.Count > 5 ? $" 외 {(subProjects.Count - 5).ToString(Formats.Korean)}건" : string.Empty)}");
        }

        if (plans.Count > 0)
        {
            uses.Add($"주관하는 기본계획 「{string.Join("」, 「", plans)}」");
        }

        if (users > 0)
        {
            uses.Add($"이 부서에 배정된 활성 계정 {users.ToString("N0", Formats.Korean)}개");
        }

        return uses.Count == 0
            ? null
            : $"{department.Name}은(는) 아직 쓰이고 있어 비활성화할 수 없습니다: {string.Join("; ", uses)}. 세부사업은 다른 부서로 옮기고, 계정은 다른 부서로 배정한 뒤 다시 하세요.";
    }

    private async Task<string?> DuplicateAsync(int governmentId, int? id, string name, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        var taken = await Own(governmentId).AnyAsync(d => d.Name == trimmed && d.Id != id, cancellationToken);
        return taken ? $"이 기관에 같은 이름의 부서 「{trimmed}」이(가) 이미 있습니다. 비활성 부서라면 그 부서를 다시 활성화하세요." : null;
    }

    /// <summary>Saves; another save first, or the name taken meanwhile (the unique index), is reported, not thrown.</summary>
    private async Task<AdminCommandResult?> SaveAsync(int governmentId, int? id, string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AdminCommandResult.Conflicted(Conflict);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await DuplicateAsync(governmentId, id, name, cancellationToken) is { } duplicate
                ? AdminCommandResult.Failed(nameof(DepartmentEditModel.Name), duplicate)
                : throw new InvalidOperationException("Saving a department failed for a reason other than its name.");
        }
    }

    private IQueryable<Department> Own(int governmentId) => db.Departments.Where(d => d.LocalGovernmentId == governmentId);

    private IQueryable<string> ActiveUsersOf(int departmentId) =>
        db.UserDepartments.Where(ud => ud.DepartmentId == departmentId)
            .Join(db.Users.Where(u => u.IsActive), ud => ud.UserId, u => u.Id, (ud, u) => u.Id);

    /// <summary>The departments with their counts, in three plain queries (a government has some dozens of departments).</summary>
    private async Task<List<DepartmentListItem>> ItemsAsync(int governmentId, int? id, CancellationToken cancellationToken)
    {
        var departments = await Own(governmentId).AsNoTracking()
            .Where(d => id == null || d.Id == id)
            .OrderBy(d => d.Name)
            .Select(d => new { d.Id, d.Name, d.IsActive })
            .ToListAsync(cancellationToken);
        var ids = departments.Select(d => d.Id).ToList();
        var subProjects = await db.SubProjects
            .Where(s => ids.Contains(s.LeadDepartmentId))
            .GroupBy(s => s.LeadDepartmentId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var users = await db.UserDepartments
            .Where(ud => ids.Contains(ud.DepartmentId))
            .Join(db.Users.Where(u => u.IsActive), ud => ud.UserId, u => u.Id, (ud, u) => ud.DepartmentId)
            .GroupBy(departmentId => departmentId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return departments
            .Select(d => new DepartmentListItem(d.Id, d.Name, d.IsActive, subProjects.GetValueOrDefault(d.Id), users.GetValueOrDefault(d.Id)))
            .ToList();
    }
}
